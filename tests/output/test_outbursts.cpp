#include "sim/output/outbursts.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <stdexcept>

namespace unrest {
namespace {

// Feeds actives[i] as tick first_tick + i, then finishes.
std::vector<Outburst> detect(std::int64_t threshold, const std::vector<std::int64_t>& actives,
                             Tick first_tick = 1) {
    OutburstDetector detector(threshold);
    for (std::size_t i = 0; i < actives.size(); ++i) {
        detector.add(first_tick + static_cast<Tick>(i), actives[i]);
    }
    detector.finish();
    return detector.outbursts();
}

void expect_outburst(const Outburst& o, Tick start, Tick end, std::int64_t total, std::int64_t peak,
                     bool censored) {
    EXPECT_EQ(o.start, start);
    EXPECT_EQ(o.end, end);
    EXPECT_EQ(o.duration, end - start + 1);
    EXPECT_EQ(o.total_activation, total);
    EXPECT_EQ(o.peak, peak);
    EXPECT_EQ(o.censored, censored);
}

TEST(Outbursts, NoneBelowThreshold) {
    EXPECT_TRUE(detect(50, {0, 10, 49, 50, 50, 3}).empty());
}

TEST(Outbursts, SingleOutburst) {
    //                        t: 1  2   3   4   5   6
    const auto found = detect(50, {0, 51, 80, 60, 49, 0});
    ASSERT_EQ(found.size(), 1u);
    expect_outburst(found[0], 2, 4, 51 + 80 + 60, 80, false);
}

TEST(Outbursts, ExactlyThresholdContinuesButDoesNotStart) {
    //                        t: 1   2   3   4   5   6   7
    const auto found = detect(50, {50, 50, 51, 50, 50, 49, 50});
    ASSERT_EQ(found.size(), 1u);
    expect_outburst(found[0], 3, 5, 51 + 50 + 50, 51, false);
}

TEST(Outbursts, CensoredAtTheEnd) {
    //                        t: 1   2   3   4   5
    const auto found = detect(50, {60, 10, 70, 90, 55});
    ASSERT_EQ(found.size(), 2u);
    expect_outburst(found[0], 1, 1, 60, 60, false); // starts at the first tick of the series
    expect_outburst(found[1], 3, 5, 70 + 90 + 55, 90, true);
}

TEST(Outbursts, NothingBeforeFinishIsCensored) {
    OutburstDetector detector(5);
    detector.add(10, 6);
    detector.add(11, 7);
    EXPECT_TRUE(detector.outbursts().empty()); // still under way
    detector.add(12, 4);
    ASSERT_EQ(detector.outbursts().size(), 1u);
    expect_outburst(detector.outbursts()[0], 10, 11, 13, 7, false);
    detector.finish();
    detector.finish(); // idempotent
    EXPECT_EQ(detector.outbursts().size(), 1u);
    EXPECT_THROW(detector.add(13, 100), std::invalid_argument);
}

TEST(Outbursts, TicksMustBeConsecutive) {
    OutburstDetector detector(5);
    detector.add(0, 1);
    EXPECT_THROW(detector.add(2, 1), std::invalid_argument);
    EXPECT_THROW(detector.add(0, 1), std::invalid_argument);
}

TEST(Outbursts, WaitingTimesAndStatistics) {
    // Outbursts: [2,3] total 11+12, [6,6] total 20, [9,11] total 13+14+15, [14,15] censored.
    //                        t: 1  2   3   4  5  6   7  8  9   10  11  12 13  14  15
    const auto found = detect(10, {0, 11, 12, 9, 0, 20, 0, 0, 13, 14, 15, 0, 0, 30, 40});
    ASSERT_EQ(found.size(), 4u);
    expect_outburst(found[0], 2, 3, 23, 12, false);
    expect_outburst(found[1], 6, 6, 20, 20, false);
    expect_outburst(found[2], 9, 11, 42, 15, false);
    expect_outburst(found[3], 14, 15, 70, 40, true);

    const OutburstStats stats = outburst_stats(found);
    EXPECT_EQ(stats.count, 4);
    EXPECT_EQ(stats.censored, 1);
    // Completed outbursts only: activations 23, 20, 42; durations 2, 1, 3.
    EXPECT_EQ(stats.total_activation.n, 3);
    EXPECT_DOUBLE_EQ(*stats.total_activation.mean, 85.0 / 3.0);
    const double m = 85.0 / 3.0;
    const double var = ((23 - m) * (23 - m) + (20 - m) * (20 - m) + (42 - m) * (42 - m)) / 2.0;
    EXPECT_DOUBLE_EQ(*stats.total_activation.sd, std::sqrt(var));
    EXPECT_EQ(stats.duration.n, 3);
    EXPECT_DOUBLE_EQ(*stats.duration.mean, 2.0);
    EXPECT_DOUBLE_EQ(*stats.duration.sd, 1.0);
    // Waiting times, start - previous end: 6-3, 9-6, 14-11 (the censored one has a start).
    EXPECT_EQ(stats.waiting_time.n, 3);
    EXPECT_DOUBLE_EQ(*stats.waiting_time.mean, 3.0);
    EXPECT_DOUBLE_EQ(*stats.waiting_time.sd, 0.0);
    // Start-to-start: 4, 3, 5.
    EXPECT_EQ(stats.inter_start_interval.n, 3);
    EXPECT_DOUBLE_EQ(*stats.inter_start_interval.mean, 4.0);
    EXPECT_DOUBLE_EQ(*stats.inter_start_interval.sd, 1.0);
}

TEST(Outbursts, StatisticsOfFewValues) {
    const SampleStats none = sample_stats({});
    EXPECT_EQ(none.n, 0);
    EXPECT_FALSE(none.mean);
    EXPECT_FALSE(none.sd);
    const SampleStats one = sample_stats({7});
    EXPECT_EQ(one.n, 1);
    EXPECT_EQ(*one.mean, 7.0);
    EXPECT_FALSE(one.sd);
}

} // namespace
} // namespace unrest
