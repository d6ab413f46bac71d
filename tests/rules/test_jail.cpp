#include "sim/rules/jail.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace unrest;

TEST(Jail, TermDraws) {
    JailParams j;
    j.max_term = 30;
    j.draw = JailTermDraw::uniform_real;
    EXPECT_DOUBLE_EQ(jail_term(j, 0.5), 15.0);
    j.draw = JailTermDraw::integer_below; // 0..29
    EXPECT_DOUBLE_EQ(jail_term(j, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(jail_term(j, 0.999999), 29.0);
    j.draw = JailTermDraw::integer_inclusive; // 0..30
    EXPECT_DOUBLE_EQ(jail_term(j, 0.999999), 30.0);
    EXPECT_DOUBLE_EQ(jail_term(j, 0.5), 15.0);
    j.max_term = std::numeric_limits<double>::infinity();
    EXPECT_TRUE(std::isinf(jail_term(j, 0.1)));
}

TEST(Jail, CountdownReleasesWhenTermUsedUp) {
    double remaining = 2.5;
    EXPECT_FALSE(count_down(remaining)); // 1.5
    EXPECT_FALSE(count_down(remaining)); // 0.5
    EXPECT_TRUE(count_down(remaining));  // -0.5: released on the third period
    double one = 1.0;
    EXPECT_TRUE(count_down(one));
    double life = life_sentence;
    for (int i = 0; i < 1000; ++i) {
        ASSERT_FALSE(count_down(life));
    }
}
