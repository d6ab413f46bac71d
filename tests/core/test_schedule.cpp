#include "sim/core/schedule.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace unrest;
using K = ScheduleChange::Kind;

TEST(Schedule, ConstantWithoutChanges) {
    const Schedule s(0.82);
    EXPECT_TRUE(s.constant());
    EXPECT_DOUBLE_EQ(s.at(0), 0.82);
    EXPECT_DOUBLE_EQ(s.at(100000), 0.82);
}

// Run 4: one jump from 0.9 to 0.7 at t = 77.
TEST(Schedule, StepAtATick) {
    const Schedule s(0.9, {{K::set, 77, forever, 0.7}});
    EXPECT_DOUBLE_EQ(s.at(76), 0.9);
    EXPECT_DOUBLE_EQ(s.at(77), 0.7);
    EXPECT_DOUBLE_EQ(s.at(5000), 0.7);
}

TEST(Schedule, LinearRampThenHeld) {
    const Schedule s(0.074, {{K::ramp, 50, 250, 0.02}});
    EXPECT_DOUBLE_EQ(s.at(49), 0.074);
    EXPECT_DOUBLE_EQ(s.at(50), 0.074);
    EXPECT_NEAR(s.at(150), 0.047, 1e-15);
    EXPECT_DOUBLE_EQ(s.at(250), 0.02);
    EXPECT_DOUBLE_EQ(s.at(900), 0.02);
}

// Run 3: 1 % of the value lost every period from tick 1: L(t) = 0.9 * 0.99^t.
TEST(Schedule, MultiplyPerTick) {
    const Schedule s(0.9, {{K::multiply_per_tick, 1, forever, 0.99}});
    EXPECT_DOUBLE_EQ(s.at(0), 0.9);
    EXPECT_DOUBLE_EQ(s.at(1), 0.9 * 0.99);
    EXPECT_NEAR(s.at(20), 0.9 * std::pow(0.99, 20), 1e-15);
}

TEST(Schedule, AddPerTickWithinAWindowAndChangesInSequence) {
    const Schedule s(0.5, {{K::add_per_tick, 11, 20, -0.01}, {K::set, 30, forever, 0.8}});
    EXPECT_DOUBLE_EQ(s.at(10), 0.5);
    EXPECT_NEAR(s.at(11), 0.49, 1e-15);
    EXPECT_NEAR(s.at(20), 0.40, 1e-15);
    EXPECT_NEAR(s.at(29), 0.40, 1e-15);
    EXPECT_DOUBLE_EQ(s.at(30), 0.8);
}
