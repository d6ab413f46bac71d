#include "sim/core/count_field.hpp"
#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

using namespace unrest;

namespace {

struct RandomGrid {
    Torus torus;
    Population pop;
    CellLists lists;

    // n agents on random cells (several per cell allowed), random kinds and states.
    RandomGrid(int w, int h, int n, std::uint64_t seed) : torus(w, h) {
        const CounterRng rng(seed);
        pop.resize(static_cast<std::size_t>(n));
        lists = CellLists(static_cast<std::size_t>(torus.cells()), pop.size());
        for (AgentId a = 0; a < n; ++a) {
            const auto u = static_cast<std::uint32_t>(a);
            const std::uint32_t k = rng.below(5, 0, u, Purpose::placement, 1);
            pop.state[a] = static_cast<State>(k); // quiet, active, jailed, on_duty, off_duty
            pop.kind[a] = k >= 3 ? Kind::cop : Kind::citizen;
            pop.cell[a] = static_cast<CellIndex>(
                rng.below(static_cast<std::uint32_t>(torus.cells()), 0, u, Purpose::placement, 2));
            lists.insert(pop.cell[a], a);
        }
    }
};

void expect_matches_reference(const RandomGrid& g, const Neighbourhood& v, const CountField& f) {
    for (CellIndex c = 0; c < g.torus.cells(); ++c) {
        const NeighbourCounts ref = reference_counts(g.torus, v, g.pop, g.lists, c);
        ASSERT_EQ(f.cops(c), ref.cops) << "cell " << c;
        ASSERT_EQ(f.actives(c), ref.actives) << "cell " << c;
    }
}

} // namespace

// The fast field (row prefix sums) equals the plain scan on random grids, for every shape, with
// and without the own cell, on grids where the vision reaches across the wrap.
TEST(CountField, RebuildEqualsReferenceScan) {
    for (const VisionShape s : {VisionShape::disc, VisionShape::von_neumann, VisionShape::moore}) {
        for (const bool own : {true, false}) {
            for (const double r : {1.0, 1.7, 4.0, 7.0}) {
                const RandomGrid g(23, 17, 300, 11);
                const Neighbourhood v(s, r, own);
                CountField f(static_cast<std::size_t>(g.torus.cells()));
                f.rebuild(g.torus, v, g.pop, g.lists);
                expect_matches_reference(g, v, f);
            }
        }
    }
}

// Incremental stamps keep the field equal to a scan after random moves and state changes.
TEST(CountField, StampsKeepItExact) {
    RandomGrid g(31, 29, 500, 5);
    const Neighbourhood v(VisionShape::disc, 5, true);
    CountField f(static_cast<std::size_t>(g.torus.cells()));
    f.rebuild(g.torus, v, g.pop, g.lists);
    const CounterRng rng(99);
    for (std::uint32_t step = 0; step < 2000; ++step) {
        const auto a = static_cast<AgentId>(rng.below(500, step, 0, Purpose::movement));
        const int dc = g.pop.state[a] == State::on_duty ? 1 : 0;
        const int da = g.pop.state[a] == State::active ? 1 : 0;
        const CellIndex from = g.pop.cell[a];
        const auto to = static_cast<CellIndex>(
            rng.below(static_cast<std::uint32_t>(g.torus.cells()), step, 1, Purpose::movement));
        g.lists.remove(from, a);
        g.lists.insert(to, a);
        g.pop.cell[a] = to;
        f.stamp(g.torus, v, from, -dc, -da);
        f.stamp(g.torus, v, to, dc, da);
        if (g.pop.kind[a] == Kind::citizen && g.pop.state[a] != State::jailed) { // flip state
            const State next = g.pop.state[a] == State::active ? State::quiet : State::active;
            f.stamp(g.torus, v, to, 0, next == State::active ? 1 : -1);
            g.pop.state[a] = next;
        }
    }
    expect_matches_reference(g, v, f);
}

// A hand-built case: cops at (2,2) and (4,2), an active at (3,3), radius-1 Moore vision.
TEST(CountField, HandBuiltCounts) {
    const Torus t(6, 6);
    Population pop;
    pop.resize(3);
    pop.state = {State::on_duty, State::on_duty, State::active};
    pop.cell = {t.index(2, 2), t.index(4, 2), t.index(3, 3)};
    CellLists lists(36, 3);
    for (AgentId a = 0; a < 3; ++a) {
        lists.insert(pop.cell[a], a);
    }
    const Neighbourhood v(VisionShape::moore, 1, false);
    CountField f(36);
    f.rebuild(t, v, pop, lists);
    EXPECT_EQ(f.at(t.index(3, 2)), (NeighbourCounts{2, 1}));
    EXPECT_EQ(f.at(t.index(3, 3)), (NeighbourCounts{2, 0})); // own cell excluded
    EXPECT_EQ(f.at(t.index(0, 0)), (NeighbourCounts{0, 0}));
    EXPECT_EQ(f.at(t.index(5, 1)), (NeighbourCounts{1, 0}));
}
