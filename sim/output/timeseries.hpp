// The per-tick time series (timeseries.csv), in long format: one row per tick and region, tick
// 0 (the initial state) first, the regions of a tick in region order. The key columns are
// declared in `timeseries_key_columns`, every other column is a metric of the registry
// (metrics.hpp), in registry order; the header, the rows and the tables of docs/outputs.md are
// all derived from those two tables.
#pragma once

#include "../engine/tick_record.hpp"
#include "csv.hpp"
#include "output_layout.hpp"

#include <array>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

inline constexpr std::array timeseries_key_columns{
    KeyColumn{"tick", "tick", "period; 0 is the initial state, before any agent is activated"},
    KeyColumn{"region", "name", "the region's name (`main` when the scenario has no `regions:`)"},
    KeyColumn{"time", "local date-time",
              "only with a calendar: the region's local wall-clock time (`YYYY-MM-DDTHH:MM`) at "
              "which the tick starts; tick 0 shows the calendar's start"},
};

// The columns: tick, region, time (with a calendar only), then every metric.
std::vector<std::string> timeseries_columns(bool calendar);

// The header line (no line terminator).
std::string timeseries_csv_header(bool calendar);

// One row (no line terminator) for `record`, whose counts are already in persons; `region` is the
// region's name (quoted here if it must be); `time` is the time column's text, none without a
// calendar. Locale-independent.
std::string timeseries_csv_row(const TickRecord& record, std::string_view region,
                               std::optional<std::string_view> time = std::nullopt);

// The key-column table in Markdown, as embedded in docs/outputs.md between the
// timeseries-columns markers. Ends with a newline.
std::string timeseries_columns_markdown();

// Streams timeseries.csv: the header on construction, then one line per region per write().
// Throws OutputError when the stream fails.
class TimeseriesCsvWriter {
public:
    TimeseriesCsvWriter(std::ostream& out, const OutputLayout& layout);
    // One record per region (records[i].region == i), counts in persons.
    void write(std::span<const TickRecord> records);

private:
    std::ostream& out_;
    const OutputLayout& layout_;
    std::vector<std::string> region_names_;
};

} // namespace unrest
