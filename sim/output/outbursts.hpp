// Outbursts of activity (MODEL.md §2, Epstein 2002: "more than 50 actives until it falls below
// 50"), detected while streaming, one tick at a time.
//
// Definition, with threshold θ:
//   - an outburst starts at a tick with actives > θ when no outburst is under way;
//   - it continues through every following tick with actives >= θ: a tick with exactly θ actives
//     continues an outburst but never starts one;
//   - it ends at the last tick before actives fall below θ (the tick before the first tick with
//     actives < θ);
//   - an outburst still under way at the last tick is "censored": its end, duration and total
//     activation are those observed so far.
// The series is taken as it comes: if it begins above θ, the first outburst starts at its first
// tick.
#pragma once

#include "../core/schedule.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace unrest {

struct Outburst {
    Tick start = 0;                    // first tick of the outburst
    Tick end = 0;                      // last tick of the outburst (inclusive)
    std::int64_t duration = 0;         // end - start + 1, in ticks
    std::int64_t total_activation = 0; // sum of actives over the outburst's ticks
    std::int64_t peak = 0;             // most actives at any of its ticks
    bool censored = false;             // still running at the end of the series
};

class OutburstDetector {
public:
    explicit OutburstDetector(std::int64_t threshold);

    // Ticks must come consecutively (each one more than the previous); throws
    // std::invalid_argument otherwise, or after finish().
    void add(Tick t, std::int64_t actives);

    // Closes an outburst still under way (marked censored). Further calls do nothing.
    void finish();

    std::int64_t threshold() const noexcept { return threshold_; }
    // Completed outbursts, in order (after finish(), the censored one too).
    const std::vector<Outburst>& outbursts() const noexcept { return outbursts_; }

private:
    std::int64_t threshold_;
    std::optional<Tick> last_tick_;
    std::optional<Outburst> current_;
    std::vector<Outburst> outbursts_;
    bool finished_ = false;
};

// Sample statistics of one quantity over outbursts: mean and sample standard deviation (n - 1 in
// the denominator). mean is empty when n = 0, sd when n < 2.
struct SampleStats {
    std::int64_t n = 0;
    std::optional<double> mean;
    std::optional<double> sd;
};

SampleStats sample_stats(const std::vector<std::int64_t>& values);

struct OutburstStats {
    std::int64_t count = 0;           // all outbursts, censored included
    std::int64_t censored = 0;        // 0 or 1
    SampleStats total_activation;     // over completed (uncensored) outbursts
    SampleStats duration;             // over completed (uncensored) outbursts
    SampleStats waiting_time;         // next.start - previous.end, over consecutive pairs
    SampleStats inter_start_interval; // next.start - previous.start, over consecutive pairs
};

// Waiting time between consecutive outbursts: next.start - previous.end, in ticks (at least 2,
// since the tick after an end has actives < θ; the number of ticks strictly between them is one
// less). A censored last outburst has a known start, so it counts in waiting times and intervals,
// but not in durations or activations, which it would understate.
OutburstStats outburst_stats(const std::vector<Outburst>& outbursts);

} // namespace unrest
