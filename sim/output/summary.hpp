// summary.json: whole-run statistics, accumulated while streaming tick records (nothing but the
// outburst list is kept). Same records in, same bytes out. `final` holds the last value of every
// metric of the registry (metrics.hpp) that is not a flow, `totals` the sum of every flow (daily
// reduction `sum`); the rest is about actives. Counts are in persons.
#pragma once

#include "../engine/tick_record.hpp"
#include "../scenario/scenario.hpp"
#include "metrics.hpp"
#include "outbursts.hpp"
#include "output_layout.hpp"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

// A tick with fewer actives than this counts as a "quiet tick" in the summary.
inline constexpr std::int64_t quiet_tick_actives = 10;

// The outburst definition as written into summary.json.
extern const char* const outburst_definition;

class SummaryAccumulator {
public:
    // `citizens`: the number of citizens (free or jailed), the denominator of active fractions.
    SummaryAccumulator(const AnalysisSettings& analysis, std::int64_t citizens);

    // Records must come in tick order, consecutively. Tick 0 (the initial state) counts only for
    // the final counts if it is the last record: every per-tick statistic is over ticks 1..N.
    void add(const TickRecord& record);

    // The content of summary.json; may be called at any time (an outburst under way is reported
    // as censored).
    nlohmann::ordered_json finish() const;

private:
    std::int64_t citizens_;
    std::optional<TickRecord> last_;
    std::int64_t ticks_ = 0;          // records with tick >= 1
    std::vector<MetricValue> totals_; // per metric; only flows (Reduction::sum) are reported
    std::int64_t sum_active_ = 0;
    std::int64_t peak_active_ = -1;
    Tick peak_tick_ = 0;
    std::int64_t quiet_ticks_ = 0;
    OutburstDetector outbursts_;
};

// The whole summary.json of a run: the statistics of the whole run (its regions combined per
// metric, metrics.hpp: AcrossRegions) at the top level, exactly as SummaryAccumulator writes them,
// followed by `scale`, `calendar` (null without one) and `regions` (the same statistics per
// region, by name).
class RunSummary {
public:
    explicit RunSummary(const OutputLayout& layout);
    // One record per region (records[i].region == i), counts in persons, ticks in order.
    void add(std::span<const TickRecord> records);
    nlohmann::ordered_json finish() const;

private:
    const OutputLayout& layout_;
    std::vector<std::int64_t> weights_; // citizens per region (agents): weights of the means
    SummaryAccumulator whole_;
    std::vector<SummaryAccumulator> regions_;
};

// The dotted paths of the numeric statistics of the whole run in summary.json ("ticks",
// "final.active", "outbursts.duration.mean", ...), in summary order: the metrics a sweep may
// collect. Derived from what SummaryAccumulator writes, less the settings it echoes
// (summary_setting_paths) and the text and list entries.
const std::vector<std::string>& summary_metric_paths();

// Summary entries that echo a setting rather than measure the run.
inline constexpr std::array<std::string_view, 3> summary_setting_paths{
    "final.tick", "activity.quiet_tick_actives", "outbursts.threshold"};

} // namespace unrest
