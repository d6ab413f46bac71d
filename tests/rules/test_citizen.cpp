#include "sim/rules/citizen.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace unrest;

TEST(Citizen, GrievanceIsHardshipTimesIllegitimacy) {
    EXPECT_DOUBLE_EQ(grievance(0.5, 0.8), 0.5 * (1 - 0.8));
    EXPECT_DOUBLE_EQ(grievance(1.0, 1.0), 0.0);
    EXPECT_DOUBLE_EQ(grievance(0.3, 0.0), 0.3);
}

// k = 2.3 gives P = 0.9 (to 1e-3) when C = A = 1 (Epstein 2002).
TEST(Citizen, ArrestProbabilityCalibration) {
    const ArrestParams p{2.3, ArrestRatio::exact};
    EXPECT_NEAR(arrest_probability(p, 1, 1), 0.9, 1e-3);
    EXPECT_DOUBLE_EQ(arrest_probability(p, 1, 1), 1 - std::exp(-2.3));
    EXPECT_DOUBLE_EQ(arrest_probability(p, 0, 5), 0.0);
}

TEST(Citizen, ArrestRatioRules) {
    // C = 1, A = 2: exact 0.5; floor 0; round half to even 0.
    EXPECT_DOUBLE_EQ(arrest_probability({2.3, ArrestRatio::exact}, 1, 2), 1 - std::exp(-2.3 * 0.5));
    EXPECT_DOUBLE_EQ(arrest_probability({2.3, ArrestRatio::floor}, 1, 2), 0.0);
    EXPECT_DOUBLE_EQ(arrest_probability({2.3, ArrestRatio::round_half_even}, 1, 2), 0.0);
    // C = 3, A = 2: 1.5 -> floor 1, round-half-even 2.
    EXPECT_DOUBLE_EQ(arrest_probability({2.3, ArrestRatio::floor}, 3, 2), 1 - std::exp(-2.3));
    EXPECT_DOUBLE_EQ(arrest_probability({2.3, ArrestRatio::round_half_even}, 3, 2),
                     1 - std::exp(-4.6));
    // C = 5, A = 2: 2.5 -> round-half-even 2 (not 3).
    EXPECT_DOUBLE_EQ(apply_ratio(ArrestRatio::round_half_even, 5, 2), 2.0);
    EXPECT_DOUBLE_EQ(apply_ratio(ArrestRatio::round_half_even, 7, 2), 4.0);
    EXPECT_DOUBLE_EQ(apply_ratio(ArrestRatio::round_half_even, 5, 3), 2.0);
    EXPECT_DOUBLE_EQ(apply_ratio(ArrestRatio::floor, 5, 3), 1.0);
}

TEST(Citizen, EstimatedActivesCountsSelfPerRule) {
    EXPECT_EQ(estimated_actives(SelfCount::once, 3, false), 4);
    EXPECT_EQ(estimated_actives(SelfCount::once, 3, true), 4);
    EXPECT_EQ(estimated_actives(SelfCount::again_if_active, 3, false), 4);
    EXPECT_EQ(estimated_actives(SelfCount::again_if_active, 3, true), 5);
}

TEST(Citizen, ActiveOnlyWhenGrievanceMinusNetRiskExceedsThreshold) {
    const CitizenParams c{0.1, SelfCount::once};
    EXPECT_DOUBLE_EQ(net_risk(0.5, 0.9), 0.45);
    EXPECT_TRUE(decides_active(c, 0.5, 0.3));
    EXPECT_FALSE(decides_active(c, 0.4, 0.3 + 1e-12)); // just below
    EXPECT_FALSE(decides_active(c, 0.35, 0.25));       // G - N = T exactly is not "> T"
}
