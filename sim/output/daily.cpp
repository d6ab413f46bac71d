#include "daily.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>
#include <stdexcept>
#include <type_traits>

namespace unrest {

std::vector<std::string> daily_columns() {
    std::vector<std::string> columns;
    for (const KeyColumn& key : daily_key_columns) {
        columns.emplace_back(key.name);
    }
    for (const Metric& metric : metrics) {
        columns.emplace_back(metric.name);
    }
    for (const Metric& metric : daily_peaks) {
        columns.emplace_back(metric.name);
    }
    return columns;
}

std::string daily_csv_header() {
    return fmt::format("{}", fmt::join(daily_columns(), ","));
}

std::string daily_columns_markdown() {
    return key_columns_markdown(daily_key_columns);
}

void DayReduction::add(const TickRecord& record) {
    const MetricValue v = metric_value(*metric_, record);
    std::visit(
        [&](auto value) {
            using Value = decltype(value);
            if (ticks_ == 0) {
                sum_ = Value{};
                max_ = value;
            }
            const Value sum = std::get<Value>(sum_);
            if constexpr (std::is_floating_point_v<Value>) {
                // Neumaier's compensated sum (Neumaier 1974): the low-order bits lost in each
                // addition are kept apart and added back at the end.
                const Value t = sum + value;
                compensation_ +=
                    std::fabs(sum) >= std::fabs(value) ? (sum - t) + value : (value - t) + sum;
                sum_ = t;
            } else {
                sum_ = sum + value;
            }
            if (value > std::get<Value>(max_)) {
                max_ = value;
            }
        },
        v);
    last_ = v;
    ++ticks_;
}

MetricValue DayReduction::value() const {
    switch (metric_->daily) {
    case Reduction::sum:
        if (const double* real = std::get_if<double>(&sum_)) {
            return *real + compensation_;
        }
        return sum_;
    case Reduction::last:
        return last_;
    case Reduction::max:
        return max_;
    case Reduction::mean:
        return (std::visit([&](auto sum) { return static_cast<double>(sum); }, sum_) +
                compensation_) /
               static_cast<double>(ticks_);
    }
    return last_;
}

DailyAccumulator::DailyAccumulator(const OutputLayout& layout)
    : layout_(layout), regions_(layout.regions.size()) {
    if (!layout_.has_calendar()) {
        throw std::invalid_argument("daily.csv needs a calendar");
    }
}

std::string DailyAccumulator::row(std::size_t region, const OpenDay& day) const {
    fmt::memory_buffer out;
    fmt::format_to(std::back_inserter(out), "{},{},{},{}",
                   csv_quote(layout_.regions.at(region).name), format_date(day.day), day.first,
                   day.last);
    for (const DayReduction& reduction : day.reductions) {
        fmt::format_to(std::back_inserter(out), ",{}", format_metric_value(reduction.value()));
    }
    return fmt::to_string(out);
}

void DailyAccumulator::add(std::span<const TickRecord> records) {
    if (records.size() != regions_.size()) {
        throw std::invalid_argument(
            fmt::format("daily.csv: {} records for {} regions", records.size(), regions_.size()));
    }
    for (const TickRecord& record : records) {
        if (record.tick == 0) {
            continue; // the initial state: no period of any day
        }
        const auto r = static_cast<std::size_t>(record.region);
        RegionDays& days = regions_.at(r);
        const std::int64_t day =
            layout_.calendar.local_day(record.tick, layout_.regions[r].utc_offset_minutes);
        if (days.open && days.open->day != day) {
            days.rows.push_back(row(r, *days.open));
            days.open.reset();
        }
        if (!days.open) {
            OpenDay open;
            open.day = day;
            open.first = record.tick;
            for (const Metric& metric : metrics) {
                open.reductions.emplace_back(metric);
            }
            for (const Metric& metric : daily_peaks) {
                open.reductions.emplace_back(metric);
            }
            days.open = std::move(open);
        }
        days.open->last = record.tick;
        for (DayReduction& reduction : days.open->reductions) {
            reduction.add(record);
        }
    }
}

std::vector<std::string> DailyAccumulator::rows() const {
    std::vector<std::string> all;
    for (std::size_t r = 0; r < regions_.size(); ++r) {
        all.insert(all.end(), regions_[r].rows.begin(), regions_[r].rows.end());
        if (regions_[r].open) {
            all.push_back(row(r, *regions_[r].open));
        }
    }
    return all;
}

void DailyAccumulator::write(std::ostream& out) const {
    put_csv_line(out, daily_csv_header(), "daily.csv");
    for (const std::string& line : rows()) {
        put_csv_line(out, line, "daily.csv");
    }
}

} // namespace unrest
