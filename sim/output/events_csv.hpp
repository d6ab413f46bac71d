// events.csv: every timeline event applied, one row per event, region and tick, in the order the
// engine applied them (tick by tick). Text fields are CSV-quoted (RFC 4180) where needed.
#pragma once

#include "../engine/event_record.hpp"
#include "csv.hpp"
#include "output_layout.hpp"

#include <array>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace unrest {

inline constexpr std::array events_columns_doc{
    KeyColumn{"tick", "tick", "the tick during which the event was applied"},
    KeyColumn{"time", "local date-time",
              "only with a calendar: the region's local wall-clock time (`YYYY-MM-DDTHH:MM`) at "
              "which that tick starts"},
    KeyColumn{"region", "name", "the region it was applied in"},
    KeyColumn{"type", "text", "the event's `type:` (legitimacy, price, comms, ...)"},
    KeyColumn{"id", "text", "the event's `id`, empty when it has none"},
    KeyColumn{"phase", "text",
              "`at` (a one-off event), `start` or `end` (events with from/to), `step` (ramps)"},
    KeyColumn{"details", "text", "what it did, e.g. `legitimacy 0.82 -> 0.7`"},
};

// tick, time (with a calendar only), region, type, id, phase, details.
std::vector<std::string> events_columns(bool calendar);
std::string events_csv_header(bool calendar);
std::string events_columns_markdown();

// One row (no line terminator); `time` as for timeseries_csv_row.
std::string events_csv_row(const EventRecord& event, std::string_view region,
                           std::optional<std::string_view> time = std::nullopt);

// Streams events.csv: the header on construction, then one line per event. Throws OutputError
// when the stream fails, std::invalid_argument for an event of an unknown region.
class EventsCsvWriter {
public:
    EventsCsvWriter(std::ostream& out, const OutputLayout& layout);
    void write(std::span<const EventRecord> events);

private:
    std::ostream& out_;
    const OutputLayout& layout_;
};

} // namespace unrest
