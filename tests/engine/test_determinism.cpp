// Same scenario and seed: the same results whatever the thread count; different seeds differ.
#include "sim/engine/simulation.hpp"

#include <gtest/gtest.h>
#include <omp.h>

using namespace unrest;

namespace {

std::vector<TickRecord> run(const ModelConfig& c, std::uint64_t seed, int ticks, int threads) {
    omp_set_num_threads(threads);
    Simulation sim(c, seed);
    std::vector<TickRecord> out{sim.observe()};
    for (int t = 0; t < ticks; ++t) {
        out.push_back(sim.step());
    }
    // The whole final state, not only the counts.
    return out;
}

bool same(const std::vector<TickRecord>& a, const std::vector<TickRecord>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].quiet != b[i].quiet || a[i].active != b[i].active || a[i].jailed != b[i].jailed ||
            a[i].cops != b[i].cops || a[i].arrests != b[i].arrests ||
            a[i].releases != b[i].releases || a[i].legitimacy != b[i].legitimacy) {
            return false;
        }
    }
    return true;
}

std::vector<CellIndex> final_cells(const ModelConfig& c, std::uint64_t seed, int ticks,
                                   int threads) {
    omp_set_num_threads(threads);
    Simulation sim(c, seed);
    for (int t = 0; t < ticks; ++t) {
        sim.step();
    }
    return sim.world().pop.cell;
}

ModelConfig tiled_config(ActivationMode mode) {
    ModelConfig c;
    c.grid = {120, 120}; // vision 3: tiles >= 18 cells, 6 x 6 tiles, 4 colours
    c.vision.radius = 3;
    c.arrest.ratio = ArrestRatio::floor;
    c.legitimacy.schedule = Schedule(0.7);
    c.activation.mode = mode;
    return c;
}

} // namespace

TEST(Determinism, ThreadCountDoesNotChangeResults) {
    for (const ActivationMode mode :
         {ActivationMode::random_sequential, ActivationMode::simultaneous}) {
        const ModelConfig c = tiled_config(mode);
        const auto one = run(c, 5, 40, 1);
        EXPECT_TRUE(same(one, run(c, 5, 40, 2))) << "mode " << static_cast<int>(mode);
        EXPECT_TRUE(same(one, run(c, 5, 40, 4))) << "mode " << static_cast<int>(mode);
        EXPECT_EQ(final_cells(c, 5, 40, 1), final_cells(c, 5, 40, 4))
            << "mode " << static_cast<int>(mode);
        std::int64_t active = 0;
        for (const TickRecord& r : one) {
            active += r.active;
        }
        EXPECT_GT(active, 0) << "the run must have something to get wrong";
    }
}

TEST(Determinism, SameSeedSameResultsDifferentSeedsDiffer) {
    const ModelConfig c = tiled_config(ActivationMode::random_sequential);
    EXPECT_TRUE(same(run(c, 11, 30, 2), run(c, 11, 30, 2)));
    EXPECT_FALSE(same(run(c, 11, 30, 2), run(c, 12, 30, 2)));
}
