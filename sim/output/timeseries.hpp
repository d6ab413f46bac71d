// The per-tick time series (timeseries.csv). Its columns are defined once, in `timeseries_columns`;
// the CSV header, the rows and the data dictionary's table (docs/outputs.md) are all derived from
// that table, so they cannot disagree.
#pragma once

#include "../engine/tick_record.hpp"
#include "error.hpp"

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>

namespace unrest {

struct TimeseriesColumn {
    // Which TickRecord field the column shows: integer counts are written as integers, reals in
    // the shortest form that reads back to the same double.
    using Field = std::variant<std::int64_t TickRecord::*, double TickRecord::*>;

    std::string_view name;
    std::string_view unit;
    std::string_view description;
    Field field;
};

inline constexpr std::array<TimeseriesColumn, 8> timeseries_columns{{
    {"tick", "tick", "period; 0 is the initial state, before any agent is activated",
     &TickRecord::tick},
    {"quiet", "citizens", "citizens free and quiet at the end of the tick", &TickRecord::quiet},
    {"active", "citizens", "citizens free and active at the end of the tick", &TickRecord::active},
    {"jailed", "citizens", "citizens in jail at the end of the tick", &TickRecord::jailed},
    {"cops", "cops", "cops on duty (on the grid) at the end of the tick", &TickRecord::cops},
    {"arrests", "citizens per tick", "arrests made during the tick", &TickRecord::arrests},
    {"releases", "citizens per tick",
     "citizens released from jail during the tick (an arrest with a term of 0 counts as an "
     "immediate release, so jailed(t) = jailed(t-1) + arrests - releases)",
     &TickRecord::releases},
    {"legitimacy", "1 (in [0, 1])", "legitimacy L in force during the tick",
     &TickRecord::legitimacy},
}};

// "tick,quiet,...,legitimacy" (no line terminator).
std::string timeseries_csv_header();

// One CSV row for `record` (no line terminator). Locale-independent.
std::string timeseries_csv_row(const TickRecord& record);

// The column table in Markdown (| column | unit | description |), as embedded in
// docs/outputs.md between the timeseries-columns markers. Ends with a newline.
std::string timeseries_columns_markdown();

// Streams timeseries.csv: the header on construction, then one line ("\n") per write().
// Throws OutputError when the stream fails.
class TimeseriesCsvWriter {
public:
    explicit TimeseriesCsvWriter(std::ostream& out);
    void write(const TickRecord& record);

private:
    void put_line(const std::string& line);

    std::ostream& out_;
};

} // namespace unrest
