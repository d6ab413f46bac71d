#include "timeseries.hpp"

#include "metrics.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>
#include <stdexcept>

namespace unrest {

std::vector<std::string> timeseries_columns(bool calendar) {
    std::vector<std::string> columns;
    for (const KeyColumn& key : timeseries_key_columns) {
        if (key.name != "time" || calendar) {
            columns.emplace_back(key.name);
        }
    }
    for (const Metric& metric : metrics) {
        columns.emplace_back(metric.name);
    }
    return columns;
}

std::string timeseries_csv_header(bool calendar) {
    return fmt::format("{}", fmt::join(timeseries_columns(calendar), ","));
}

std::string timeseries_csv_row(const TickRecord& record, std::string_view region,
                               std::optional<std::string_view> time) {
    fmt::memory_buffer row;
    fmt::format_to(std::back_inserter(row), "{},{}", record.tick, csv_quote(region));
    if (time) {
        fmt::format_to(std::back_inserter(row), ",{}", *time);
    }
    for (const Metric& metric : metrics) {
        fmt::format_to(std::back_inserter(row), ",{}",
                       format_metric_value(metric_value(metric, record)));
    }
    return fmt::to_string(row);
}

std::string timeseries_columns_markdown() {
    return key_columns_markdown(timeseries_key_columns);
}

TimeseriesCsvWriter::TimeseriesCsvWriter(std::ostream& out, const OutputLayout& layout)
    : out_(out), layout_(layout) {
    for (const OutputRegion& region : layout_.regions) {
        region_names_.push_back(region.name);
    }
    put_csv_line(out_, timeseries_csv_header(layout_.has_calendar()), "timeseries.csv");
}

void TimeseriesCsvWriter::write(std::span<const TickRecord> records) {
    if (records.size() != region_names_.size()) {
        throw std::invalid_argument(fmt::format("timeseries.csv: {} records for {} regions",
                                                records.size(), region_names_.size()));
    }
    for (const TickRecord& record : records) {
        const auto region = static_cast<std::size_t>(record.region);
        if (layout_.has_calendar()) {
            const std::string time = layout_.local_time(record.tick, record.region);
            put_csv_line(out_, timeseries_csv_row(record, region_names_.at(region), time),
                         "timeseries.csv");
        } else {
            put_csv_line(out_, timeseries_csv_row(record, region_names_.at(region)),
                         "timeseries.csv");
        }
    }
}

} // namespace unrest
