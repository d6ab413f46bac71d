// summary.json: whole-run statistics, accumulated while streaming tick records (nothing but the
// outburst list is kept). Same records in, same bytes out.
#pragma once

#include "../engine/tick_record.hpp"
#include "../scenario/scenario.hpp"
#include "outbursts.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

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
    std::int64_t ticks_ = 0; // records with tick >= 1
    std::int64_t total_arrests_ = 0;
    std::int64_t total_releases_ = 0;
    std::int64_t sum_active_ = 0;
    std::int64_t peak_active_ = -1;
    Tick peak_tick_ = 0;
    std::int64_t quiet_ticks_ = 0;
    OutburstDetector outbursts_;
};

} // namespace unrest
