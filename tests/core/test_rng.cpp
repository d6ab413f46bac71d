#include "sim/core/rng.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace unrest;

TEST(CounterRng, PureFunctionOfItsKey) {
    const CounterRng a(42);
    const CounterRng b(42);
    EXPECT_EQ(a.key64(3, 7, Purpose::movement, 1), b.key64(3, 7, Purpose::movement, 1));
    EXPECT_EQ(a.seed(), 42u);
    // Any change of seed, tick, agent, purpose or index changes the draw.
    const std::uint64_t x = a.key64(3, 7, Purpose::movement, 1);
    EXPECT_NE(x, CounterRng(43).key64(3, 7, Purpose::movement, 1));
    EXPECT_NE(x, a.key64(4, 7, Purpose::movement, 1));
    EXPECT_NE(x, a.key64(3, 8, Purpose::movement, 1));
    EXPECT_NE(x, a.key64(3, 7, Purpose::arrest, 1));
    EXPECT_NE(x, a.key64(3, 7, Purpose::movement, 2));
    // 64-bit seeds use both key words.
    EXPECT_NE(CounterRng(1).key64(0, 0, Purpose::hardship),
              CounterRng(1 + (1ULL << 32)).key64(0, 0, Purpose::hardship));
}

// 100,000 uniforms from seed 7: mean 1/2 with s.d. sqrt(1/12/n) = 0.00091, so 0.005 is > 5 s.d.;
// each decile holds 10,000 +- 95 (binomial s.d.), so +- 600 is > 6 s.d.
TEST(CounterRng, UniformIsUniform) {
    const CounterRng r(7);
    const int n = 100000;
    double sum = 0;
    std::vector<int> decile(10, 0);
    for (int i = 0; i < n; ++i) {
        const double u = r.uniform(1, static_cast<std::uint32_t>(i), Purpose::hardship);
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
        ++decile[static_cast<int>(u * 10)];
    }
    EXPECT_NEAR(sum / n, 0.5, 0.005);
    for (const int d : decile) {
        EXPECT_NEAR(d, n / 10, 600);
    }
}

// below(n) stays in range and hits every value about equally: 70,000 draws over 7 values,
// 10,000 +- 91 each; +- 600 is > 6 s.d. (seed 9).
TEST(CounterRng, BelowCoversItsRange) {
    const CounterRng r(9);
    std::vector<int> hits(7, 0);
    for (std::uint32_t i = 0; i < 70000; ++i) {
        const std::uint32_t v = r.below(7, 2, i, Purpose::movement);
        ASSERT_LT(v, 7u);
        ++hits[v];
    }
    for (const int h : hits) {
        EXPECT_NEAR(h, 10000, 600);
    }
}
