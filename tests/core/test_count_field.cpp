#include "sim/core/count_field.hpp"
#include "sim/core/rng.hpp"
#include "sim/rules/channels.hpp"

#include <gtest/gtest.h>

using namespace unrest;

namespace {

constexpr int cops = channel_index(Channel::cops);
constexpr int actives = channel_index(Channel::actives);
constexpr ChannelMask model_one = channel_mask({Channel::cops, Channel::actives});

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
            pop.state[a] = static_cast<State>(k); // quiet, active, jailed, on_duty, withdrawn
            pop.kind[a] = k >= 3 ? Kind::police : Kind::citizen;
            pop.cell[a] = static_cast<CellIndex>(
                rng.below(static_cast<std::uint32_t>(torus.cells()), 0, u, Purpose::placement, 2));
            lists.insert(pop.cell[a], a);
        }
    }
};

void expect_matches_reference(const RandomGrid& g, const Neighbourhood& v, const CountField& f) {
    for (CellIndex c = 0; c < g.torus.cells(); ++c) {
        const ChannelCounts ref = reference_counts(g.torus, v, g.pop, g.lists, f.map(), c);
        for (int k = 0; k < max_channels; ++k) {
            ASSERT_EQ(f.has(k) ? f.at(k, c) : 0, ref[k]) << "cell " << c << " channel " << k;
        }
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
                CountField f(static_cast<std::size_t>(g.torus.cells()), channel_table, model_one);
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
    CountField f(static_cast<std::size_t>(g.torus.cells()), channel_table, model_one);
    f.rebuild(g.torus, v, g.pop, g.lists);
    const CounterRng rng(99);
    for (std::uint32_t step = 0; step < 2000; ++step) {
        const auto a = static_cast<AgentId>(rng.below(500, step, 0, Purpose::movement));
        const Kind k = g.pop.kind[a];
        const CellIndex from = g.pop.cell[a];
        const auto to = static_cast<CellIndex>(
            rng.below(static_cast<std::uint32_t>(g.torus.cells()), step, 1, Purpose::movement));
        g.lists.remove(from, a);
        g.lists.insert(to, a);
        g.pop.cell[a] = to;
        f.stamp(g.torus, v, from, k, g.pop.state[a], -1);
        f.stamp(g.torus, v, to, k, g.pop.state[a], +1);
        if (k == Kind::citizen && g.pop.state[a] != State::jailed) { // flip state
            const State next = g.pop.state[a] == State::active ? State::quiet : State::active;
            f.stamp(g.torus, v, to, k, g.pop.state[a], -1);
            f.stamp(g.torus, v, to, k, next, +1);
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
    pop.kind = {Kind::police, Kind::police, Kind::citizen};
    pop.state = {State::on_duty, State::on_duty, State::active};
    pop.cell = {t.index(2, 2), t.index(4, 2), t.index(3, 3)};
    CellLists lists(36, 3);
    for (AgentId a = 0; a < 3; ++a) {
        lists.insert(pop.cell[a], a);
    }
    const Neighbourhood v(VisionShape::moore, 1, false);
    CountField f(36, channel_table, model_one);
    f.rebuild(t, v, pop, lists);
    auto at = [&f](CellIndex c) { return std::pair{f.at(cops, c), f.at(actives, c)}; };
    EXPECT_EQ(at(t.index(3, 2)), std::pair(2, 1));
    EXPECT_EQ(at(t.index(3, 3)), std::pair(2, 0)); // own cell excluded
    EXPECT_EQ(at(t.index(0, 0)), std::pair(0, 0));
    EXPECT_EQ(at(t.index(5, 1)), std::pair(1, 0));
}

// Channels are declared, not fixed: only the channels asked for are allocated; each counts the
// (kind, state) pairs the table gives it (military on duty are not cops), and stamps keep every
// allocated channel exact.
TEST(CountField, OnlyDeclaredChannelsAreAllocatedAndCounted) {
    const Torus t(9, 9);
    Population pop;
    pop.resize(4);
    pop.kind = {Kind::police, Kind::military, Kind::citizen, Kind::citizen};
    pop.state = {State::on_duty, State::on_duty, State::violent, State::active};
    pop.cell = {t.index(1, 1), t.index(2, 1), t.index(1, 2), t.index(7, 7)};
    CellLists lists(81, 4);
    for (AgentId a = 0; a < 4; ++a) {
        lists.insert(pop.cell[a], a);
    }
    const Neighbourhood v(VisionShape::moore, 1, true);
    const ChannelMask three = channel_mask({Channel::cops, Channel::violent, Channel::military});
    CountField f(81, channel_table, three);
    f.rebuild(t, v, pop, lists);
    EXPECT_EQ(f.channels(), three);
    EXPECT_FALSE(f.has(actives));
    const int violent = channel_index(Channel::violent);
    const int military = channel_index(Channel::military);
    EXPECT_EQ(f.at(cops, t.index(1, 1)), 1);
    EXPECT_EQ(f.at(military, t.index(1, 1)), 1);
    EXPECT_EQ(f.at(violent, t.index(1, 1)), 1);
    EXPECT_EQ(f.at(military, t.index(3, 0)), 1);
    EXPECT_EQ(f.at(cops, t.index(3, 0)), 0);
    // The active at (7,7) counts in no allocated channel: stamping it changes nothing.
    f.stamp(t, v, t.index(7, 7), Kind::citizen, State::active, -1);
    f.stamp(t, v, t.index(6, 6), Kind::citizen, State::active, +1);
    // Move the military one cell and turn the violent citizen active, stamping as the engine
    // does; the field stays equal to the scan in every channel.
    lists.remove(pop.cell[1], 1);
    f.stamp(t, v, pop.cell[1], Kind::military, State::on_duty, -1);
    pop.cell[1] = t.index(5, 5);
    lists.insert(pop.cell[1], 1);
    f.stamp(t, v, pop.cell[1], Kind::military, State::on_duty, +1);
    f.stamp(t, v, pop.cell[2], Kind::citizen, State::violent, -1);
    pop.state[2] = State::active;
    f.stamp(t, v, pop.cell[2], Kind::citizen, State::active, +1);
    lists.remove(pop.cell[3], 3);
    pop.cell[3] = t.index(6, 6);
    lists.insert(pop.cell[3], 3);
    for (CellIndex c = 0; c < 81; ++c) {
        const ChannelCounts ref = reference_counts(t, v, pop, lists, f.map(), c);
        for (int k = 0; k < max_channels; ++k) {
            ASSERT_EQ(f.has(k) ? f.at(k, c) : 0, ref[k]) << "cell " << c << " channel " << k;
        }
    }
    EXPECT_EQ(f.at(military, t.index(4, 4)), 1);
    EXPECT_EQ(f.at(violent, t.index(1, 1)), 0);
}
