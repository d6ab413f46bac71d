// Evidence for the parallel decomposition of random-sequential activation (docs/activation.md):
// the tiled order (colour groups in random order, tiles of a group concurrently, agents in
// random order within a tile) gives the same dynamics as one uniformly random order over all
// agents (tiling: single), measured on a grid large enough for many tiles.
#include "science_run.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace unrest;
using namespace unrest::testing;

namespace {

// 96 x 96, vision 2 (tiles of >= 12 cells: 8 x 8 tiles, 4 colours), run-2 rules, L = 0.75:
// a lively regime with frequent outbursts.
Scenario lively(const char* tiling) {
    return scenario_file("scenarios/epstein2002/run2.yaml",
                         {"grid.width=96", "grid.height=96", "vision.radius=2", "legitimacy=0.75",
                          "ticks=400", std::string("activation.tiling=") + tiling});
}

struct Moments {
    double mean = 0;
    double se = 0;
};

Moments over_seeds(const Scenario& s, int n) {
    std::vector<double> means;
    for (int i = 0; i < n; ++i) {
        means.push_back(measure(s, 1000 + static_cast<std::uint64_t>(i)).mean_active);
    }
    double m = 0;
    for (const double x : means) {
        m += x;
    }
    m /= n;
    double v = 0;
    for (const double x : means) {
        v += (x - m) * (x - m);
    }
    v /= (n - 1);
    return {m, std::sqrt(v / n)};
}

} // namespace

// Mean actives per tick over 8 seeds each (seeds 1000-1007): the two orders agree within 4
// standard errors of the difference (a two-sided z-test at ~1e-4 false-alarm rate), and within
// 10 % of each other.
TEST(TilingEquivalence, TiledOrderMatchesOneRandomOrder) {
    const Scenario tiled = lively("auto");
    const Scenario single = lively("single");
    {
        const Simulation probe(tiled.model, 1);
        ASSERT_GE(probe.world().tiling.tiles(), 16);
        const Simulation probe_single(single.model, 1);
        ASSERT_EQ(probe_single.world().tiling.tiles(), 1);
    }
    const Moments a = over_seeds(tiled, 8);
    const Moments b = over_seeds(single, 8);
    const double se = std::sqrt(a.se * a.se + b.se * b.se);
    EXPECT_GT(a.mean, 20.0) << "the regime must be lively";
    EXPECT_LT(std::abs(a.mean - b.mean), 4 * se) << a.mean << " vs " << b.mean;
    EXPECT_LT(std::abs(a.mean - b.mean), 0.1 * b.mean) << a.mean << " vs " << b.mean;
}
