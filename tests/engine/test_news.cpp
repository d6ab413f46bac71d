// The news phase (MECHANISMS.md §10c): N_r = s_r sum_{r' != r} W[r][r'] s_r' active_r' /
// citizens_r'.
#include "sim/engine/phases/news.hpp"

#include <gtest/gtest.h>
#include <vector>

using namespace unrest;
using phases::RegionActivity;

namespace {

std::vector<double> news(const std::vector<RegionActivity>& r, const std::vector<double>& w) {
    std::vector<double> n(r.size(), -1.0);
    phases::compute_news(r, w, n);
    return n;
}

} // namespace

TEST(News, HandComputedThreeRegions) {
    // active / citizens: 10/100 = 0.1, 30/200 = 0.15, 0/50 = 0; comms 1, 0.5, 1.
    const std::vector<RegionActivity> r = {{10, 100, 1.0}, {30, 200, 0.5}, {0, 50, 1.0}};
    // The diagonal (9s) is ignored.
    const std::vector<double> w = {9.0, 2.0,  4.0, //
                                   1.0, 9.0,  3.0, //
                                   0.5, 0.25, 9.0};
    const std::vector<double> n = news(r, w);
    // N_0 = 1 x (2 x 0.5 x 0.15 + 4 x 1 x 0) = 0.15
    // N_1 = 0.5 x (1 x 1 x 0.1 + 3 x 1 x 0) = 0.05
    // N_2 = 1 x (0.5 x 1 x 0.1 + 0.25 x 0.5 x 0.15) = 0.05 + 0.01875 = 0.06875
    EXPECT_DOUBLE_EQ(n[0], 0.15);
    EXPECT_DOUBLE_EQ(n[1], 0.05);
    EXPECT_DOUBLE_EQ(n[2], 0.06875);
}

TEST(News, NoWeightsOrZeroWeightsOrCutCommsGiveNone) {
    const std::vector<RegionActivity> r = {{10, 100, 1.0}, {30, 200, 1.0}};
    EXPECT_EQ(news(r, {}), (std::vector<double>{0.0, 0.0}));
    EXPECT_EQ(news(r, {0.0, 0.0, 0.0, 0.0}), (std::vector<double>{0.0, 0.0}));
    // Region 1 cut off: it neither receives nor sends.
    const std::vector<RegionActivity> cut = {{10, 100, 1.0}, {30, 200, 0.0}};
    EXPECT_EQ(news(cut, {0.0, 1.0, 1.0, 0.0}), (std::vector<double>{0.0, 0.0}));
    // A region without citizens sends nothing.
    const std::vector<RegionActivity> empty = {{0, 0, 1.0}, {30, 200, 1.0}};
    EXPECT_EQ(news(empty, {0.0, 1.0, 1.0, 0.0})[1], 0.0);
}

TEST(News, HalvingASendersCommsHalvesItsContribution) {
    const std::vector<double> w = {0.0, 1.0, 1.0, //
                                   1.0, 0.0, 1.0, //
                                   1.0, 1.0, 0.0};
    std::vector<RegionActivity> r = {{0, 100, 1.0}, {20, 100, 1.0}, {40, 100, 1.0}};
    const double full = news(r, w)[0]; // 0.2 + 0.4
    r[2].comms = 0.5;
    const double half = news(r, w)[0]; // 0.2 + 0.2
    EXPECT_DOUBLE_EQ(full, 0.6);
    EXPECT_DOUBLE_EQ(full - half, 0.4 / 2);
}
