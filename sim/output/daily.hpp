// daily.csv: one row per region and local calendar day (MODEL.md §3.1), each metric reduced over
// the day's ticks by its registry reduction (metrics.hpp: sum for flows, last for stocks, max,
// mean). Written only when the scenario has a calendar. A tick belongs to the local day (in its
// region's zone) in which it starts (Calendar::local_day); tick 0, the initial state, belongs to
// no day. Rows are grouped by region (region order), days in order within a region; the first
// and last days may be partial (first_tick/last_tick say which ticks they cover).
#pragma once

#include "../engine/tick_record.hpp"
#include "csv.hpp"
#include "metrics.hpp"
#include "output_layout.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace unrest {

inline constexpr std::array daily_key_columns{
    KeyColumn{"region", "name", "the region's name"},
    KeyColumn{"date", "local date", "the day, `YYYY-MM-DD`, in the region's time zone"},
    KeyColumn{"first_tick", "tick", "the first tick that starts on that day"},
    KeyColumn{"last_tick", "tick", "the last tick that starts on that day"},
};

// region, date, first_tick, last_tick, then every metric.
std::vector<std::string> daily_columns();
std::string daily_csv_header();
std::string daily_columns_markdown();

// One metric's reduction over the ticks of one day.
class DayReduction {
public:
    explicit DayReduction(const Metric& metric) : metric_(&metric) {}
    void add(const TickRecord& record);
    MetricValue value() const; // requires at least one add()

private:
    const Metric* metric_;
    std::int64_t ticks_ = 0;
    MetricValue sum_{std::int64_t{0}};
    MetricValue last_{std::int64_t{0}};
    MetricValue max_{std::int64_t{0}};
    // Neumaier's compensation for sums of reals: a day of 144 ticks at L = 0.82 has mean 0.82,
    // not 0.8199999999999971.
    double compensation_ = 0.0;
};

// Accumulates days while the records stream in; write() puts the whole file. Requires a calendar
// (std::invalid_argument otherwise).
class DailyAccumulator {
public:
    explicit DailyAccumulator(const OutputLayout& layout);
    // One record per region (records[i].region == i), counts in persons, ticks in order.
    void add(std::span<const TickRecord> records);
    // The rows (no line terminators), the days still open included, region by region.
    std::vector<std::string> rows() const;
    // Header and rows; throws OutputError when the stream fails.
    void write(std::ostream& out) const;

private:
    struct OpenDay {
        std::int64_t day = 0;
        Tick first = 0;
        Tick last = 0;
        std::vector<DayReduction> reductions;
    };
    struct RegionDays {
        std::vector<std::string> rows; // closed days
        std::optional<OpenDay> open;
    };
    std::string row(std::size_t region, const OpenDay& day) const;

    const OutputLayout& layout_;
    std::vector<RegionDays> regions_;
};

} // namespace unrest
