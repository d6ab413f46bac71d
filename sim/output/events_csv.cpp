#include "events_csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <stdexcept>

namespace unrest {

std::vector<std::string> events_columns(bool calendar) {
    std::vector<std::string> columns;
    for (const KeyColumn& column : events_columns_doc) {
        if (column.name != "time" || calendar) {
            columns.emplace_back(column.name);
        }
    }
    return columns;
}

std::string events_csv_header(bool calendar) {
    return fmt::format("{}", fmt::join(events_columns(calendar), ","));
}

std::string events_columns_markdown() {
    return key_columns_markdown(events_columns_doc);
}

std::string events_csv_row(const EventRecord& event, std::string_view region,
                           std::optional<std::string_view> time) {
    std::string row = fmt::format("{}", event.tick);
    if (time) {
        row += fmt::format(",{}", *time);
    }
    row += fmt::format(",{},{},{},{},{}", csv_quote(region), csv_quote(event.type),
                       csv_quote(event.id), csv_quote(event.phase), csv_quote(event.details));
    return row;
}

EventsCsvWriter::EventsCsvWriter(std::ostream& out, const OutputLayout& layout)
    : out_(out), layout_(layout) {
    put_csv_line(out_, events_csv_header(layout_.has_calendar()), "events.csv");
}

void EventsCsvWriter::write(std::span<const EventRecord> events) {
    for (const EventRecord& event : events) {
        if (event.region < 0 || static_cast<std::size_t>(event.region) >= layout_.regions.size()) {
            throw std::invalid_argument(fmt::format("events.csv: event '{}' in region {} of {}",
                                                    event.type, event.region,
                                                    layout_.regions.size()));
        }
        const std::string& region = layout_.regions[static_cast<std::size_t>(event.region)].name;
        if (layout_.has_calendar()) {
            const std::string time = layout_.local_time(event.tick, event.region);
            put_csv_line(out_, events_csv_row(event, region, time), "events.csv");
        } else {
            put_csv_line(out_, events_csv_row(event, region), "events.csv");
        }
    }
}

} // namespace unrest
