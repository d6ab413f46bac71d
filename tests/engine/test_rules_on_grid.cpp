// Each rule of MODEL.md §2 on small hand-built grids, with exact expectations.
#include "sim/engine/activation.hpp"
#include "sim/engine/jail_phase.hpp"
#include "sim/engine/world_ops.hpp"
#include "world_builder.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace unrest;
using namespace unrest::testing;
using detail::TickContext;
using detail::TickTally;

namespace {
int chebyshev(const Torus& t, CellIndex a, CellIndex b) {
    int dx = std::abs(t.x_of(a) - t.x_of(b));
    int dy = std::abs(t.y_of(a) - t.y_of(b));
    return std::max(std::min(dx, t.width() - dx), std::min(dy, t.height() - dy));
}
bool in_vision(const World& w, CellIndex from, CellIndex to) {
    bool found = false;
    for_each_visible(w.torus, w.vision, from, [&](CellIndex c) { found = found || c == to; });
    return found;
}
} // namespace

// G = 0.9 (1 - 0.5) = 0.45. Alone: P = 0, N = 0, G - N = 0.45 > 0.1: active.
// With one cop in vision (C = 1, A = 1): P = 1 - e^-2.3 = 0.8997, N = 0.5 P = 0.4499,
// G - N = 0.0001 < 0.1: quiet. With the cop just outside vision: active again.
TEST(CitizenRule, ActivationFromGrievanceAndNetRisk) {
    const ModelConfig c = small_config();
    const CounterRng rng(1);
    const TickContext ctx{c, rng, 1};
    TickTally tally;
    {
        World w = make_world(c, {{5, 5, State::quiet, 0.9, 0.5}}, 0.5);
        detail::activate_agent(w, ctx, 0, tally);
        EXPECT_EQ(w.pop.state[0], State::active);
    }
    {
        World w = make_world(c, {{5, 5, State::quiet, 0.9, 0.5}, {6, 6, State::on_duty}}, 0.5);
        detail::activate_agent(w, ctx, 0, tally);
        EXPECT_EQ(w.pop.state[0], State::quiet);
    }
    {
        World w = make_world(c, {{5, 5, State::quiet, 0.9, 0.5}, {7, 7, State::on_duty}}, 0.5);
        // (2, 2) away: 8 > 4 = v^2, outside the disc.
        detail::activate_agent(w, ctx, 0, tally);
        EXPECT_EQ(w.pop.state[0], State::active);
    }
}

// Two cops and one other active in vision; the citizen already active. With A counted once,
// A = 2 and C/A = 1; with NetLogo's rule A = 3 and floor(C/A) = 0, so P = 0.
TEST(CitizenRule, SelfCountAndRatioSwitches) {
    ModelConfig c = small_config();
    c.arrest.ratio = ArrestRatio::floor;
    const CounterRng rng(1);
    const TickContext ctx{c, rng, 1};
    TickTally tally;
    const std::vector<Placement> agents = {{5, 5, State::active, 0.9, 1.0},
                                           {5, 6, State::active, 0.0, 0.0},
                                           {4, 4, State::on_duty},
                                           {6, 4, State::on_duty}};
    // G = 0.45; once: floor(2/2) = 1, P = 0.8997, N = 0.8997: quiet.
    c.citizen.self_count = SelfCount::once;
    World w1 = make_world(c, agents, 0.5);
    detail::activate_agent(w1, ctx, 0, tally);
    EXPECT_EQ(w1.pop.state[0], State::quiet);
    // again_if_active: floor(2/3) = 0, P = 0: stays active.
    c.citizen.self_count = SelfCount::again_if_active;
    World w2 = make_world(c, agents, 0.5);
    detail::activate_agent(w2, ctx, 0, tally);
    EXPECT_EQ(w2.pop.state[0], State::active);
}

// A cop arrests only actives within its vision, each of them sometimes (over 400 ticks with
// seed 3, each of two candidates has p = 1/2: 200 +- 10, never 0), never the quiet one or the
// active outside vision.
TEST(CopRule, ArrestsOnlyActivesWithinVision) {
    const ModelConfig c = small_config();
    const CounterRng rng(3);
    std::map<AgentId, int> arrested;
    for (std::uint32_t tick = 1; tick <= 400; ++tick) {
        World w = make_world(c,
                             {{5, 6, State::active},
                              {3, 5, State::active},
                              {6, 5, State::quiet},
                              {8, 8, State::active}, // (3, 3) away: outside
                              {5, 5, State::on_duty}},
                             0.8);
        const TickContext ctx{c, rng, tick};
        TickTally tally;
        detail::activate_agent(w, ctx, 4, tally);
        ASSERT_EQ(tally.arrests, 1);
        for (AgentId a = 0; a < 4; ++a) {
            if (w.pop.state[a] == State::jailed) {
                ++arrested[a];
            }
        }
    }
    EXPECT_EQ(arrested.size(), 2u);
    EXPECT_GT(arrested[0], 150);
    EXPECT_GT(arrested[1], 150);
    EXPECT_EQ(arrested[0] + arrested[1], 400);
}

TEST(CopRule, NoArrestWithoutActivesInVision) {
    const ModelConfig c = small_config();
    const CounterRng rng(3);
    World w =
        make_world(c, {{5, 6, State::quiet}, {9, 9, State::active}, {5, 5, State::on_duty}}, 0.8);
    TickTally tally;
    detail::activate_agent(w, {c, rng, 1}, 2, tally);
    EXPECT_EQ(tally.arrests, 0);
    EXPECT_EQ(w.pop.state[1], State::active);
}

// Where the arrestee goes, per jail.placement; and the cop stepping onto its cell.
TEST(CopRule, JailPlacementAndCopStep) {
    for (const JailPlacement p : {JailPlacement::off_grid, JailPlacement::in_place_free,
                                  JailPlacement::in_place_blocking}) {
        ModelConfig c = small_config();
        c.jail.placement = p;
        c.cops.steps_onto_arrestee = p != JailPlacement::in_place_blocking;
        const CounterRng rng(5);
        World w = make_world(c, {{5, 6, State::active}, {5, 5, State::on_duty}}, 0.8);
        const CellIndex where = w.pop.cell[0];
        TickTally tally;
        detail::activate_agent(w, {c, rng, 1}, 1, tally);
        ASSERT_EQ(w.pop.state[0], State::jailed) << "placement " << static_cast<int>(p);
        EXPECT_GT(w.pop.jail_remaining[0], 0.0);
        EXPECT_EQ(w.seen.at(channel_index(Channel::actives), where), 0);
        switch (p) {
        case JailPlacement::off_grid:
            EXPECT_EQ(w.pop.cell[0], no_cell);
            break;
        case JailPlacement::in_place_free:
            EXPECT_EQ(w.pop.cell[0], where);
            break;
        case JailPlacement::in_place_blocking:
            EXPECT_EQ(w.pop.cell[0], where);
            EXPECT_EQ(w.lists.head(where), 0);
            break;
        }
        if (c.cops.steps_onto_arrestee) {
            EXPECT_EQ(w.pop.cell[1], where);
            EXPECT_EQ(w.lists.head(where), 1); // the cop alone is listed there
            EXPECT_EQ(w.lists.next(1), no_agent);
        } else {
            EXPECT_EQ(w.pop.cell[1], w.torus.index(5, 5));
        }
    }
}

// Movement only to empty cells within vision, uniformly: an agent at (5,5) with vision 2 (disc,
// 12 other cells), 4 of them occupied, so 8 candidates; over 4,000 moves (seed 8) each gets
// 500 +- 21 (binomial s.d.); +- 120 is > 5 s.d.
TEST(MovementRule, OnlyToEmptyCellsWithinVisionUniformly) {
    ModelConfig c = small_config();
    c.movement.enabled = true;
    const CounterRng rng(8);
    std::map<CellIndex, int> hits;
    const std::vector<Placement> agents = {{5, 5, State::quiet, 0.0, 0.0},
                                           {5, 4, State::quiet},
                                           {6, 6, State::quiet},
                                           {3, 5, State::quiet},
                                           {5, 7, State::quiet}};
    for (std::uint32_t tick = 1; tick <= 4000; ++tick) {
        World w = make_world(c, agents, 0.9);
        const CellIndex from = w.pop.cell[0];
        std::set<CellIndex> occupied;
        for (AgentId a = 1; a < 5; ++a) {
            occupied.insert(w.pop.cell[a]);
        }
        TickTally tally;
        detail::activate_agent(w, {c, rng, tick}, 0, tally);
        const CellIndex to = w.pop.cell[0];
        ASSERT_NE(to, from);
        ASSERT_TRUE(in_vision(w, from, to));
        ASSERT_EQ(occupied.count(to), 0u);
        ASSERT_LE(chebyshev(w.torus, from, to), 2);
        ++hits[to];
    }
    EXPECT_EQ(hits.size(), 8u);
    for (const auto& [cell, n] : hits) {
        EXPECT_NEAR(n, 500, 120) << cell;
    }
}

TEST(MovementRule, StaysWhenNoEmptyCellInVision) {
    ModelConfig c = small_config();
    c.movement.enabled = true;
    c.vision = {1.0, VisionShape::von_neumann, false};
    const CounterRng rng(8);
    World w = make_world(c,
                         {{5, 5, State::quiet},
                          {5, 4, State::quiet},
                          {5, 6, State::quiet},
                          {4, 5, State::quiet},
                          {6, 5, State::quiet}},
                         0.9);
    TickTally tally;
    detail::activate_agent(w, {c, rng, 1}, 0, tally);
    EXPECT_EQ(w.pop.cell[0], w.torus.index(5, 5));
}

// A term of 2.5 periods: jailed through two countdowns, released at the third.
TEST(JailRule, CountdownAndReleaseInPlace) {
    for (const JailPlacement p : {JailPlacement::in_place_free, JailPlacement::in_place_blocking}) {
        ModelConfig c = small_config();
        c.jail.placement = p;
        const CounterRng rng(2);
        World w = make_world(c, {{5, 5, State::active}, {5, 6, State::on_duty}}, 0.8);
        detail::jail_citizen(w, c.jail, 0, 2.5);
        const TickContext ctx{c, rng, 1};
        EXPECT_EQ(detail::count_down_all(w, ctx), 0);
        EXPECT_EQ(detail::count_down_all(w, ctx), 0);
        EXPECT_EQ(w.pop.state[0], State::jailed);
        EXPECT_EQ(detail::count_down_all(w, ctx), 1);
        EXPECT_EQ(w.pop.state[0], State::quiet);
        EXPECT_EQ(w.pop.cell[0], w.torus.index(5, 5));
        EXPECT_EQ(w.lists.head(w.pop.cell[0]), 0);
    }
}

// Off the grid: released citizens wait for placement, then land on an empty cell.
TEST(JailRule, OffGridReleaseIsPlacedOnAnEmptyCell) {
    ModelConfig c = small_config();
    c.jail.placement = JailPlacement::off_grid;
    const CounterRng rng(2);
    World w = make_world(c, {{5, 5, State::active}, {5, 6, State::on_duty}}, 0.8);
    detail::jail_citizen(w, c.jail, 0, 1.0);
    const TickContext ctx{c, rng, 4};
    EXPECT_EQ(detail::count_down_all(w, ctx), 0); // released, not yet placed
    EXPECT_EQ(w.pop.awaiting_placement[0], 1);
    EXPECT_EQ(detail::place_released(w, ctx), 1);
    EXPECT_EQ(w.pop.state[0], State::quiet);
    ASSERT_NE(w.pop.cell[0], no_cell);
    EXPECT_NE(w.pop.cell[0], w.pop.cell[1]);
    EXPECT_EQ(w.lists.head(w.pop.cell[0]), 0);
}

// Mesa's countdown: on the citizen's own activation, not otherwise.
TEST(JailRule, CountdownOnOwnActivation) {
    ModelConfig c = small_config();
    c.jail.placement = JailPlacement::in_place_blocking;
    c.jail.countdown = JailCountdown::own_activation;
    const CounterRng rng(2);
    World w = make_world(c, {{5, 5, State::active}}, 0.8);
    detail::jail_citizen(w, c.jail, 0, 2.0);
    TickTally tally;
    detail::activate_agent(w, {c, rng, 1}, 0, tally);
    EXPECT_EQ(w.pop.state[0], State::jailed);
    EXPECT_DOUBLE_EQ(w.pop.jail_remaining[0], 1.0);
    detail::activate_agent(w, {c, rng, 2}, 0, tally);
    EXPECT_EQ(w.pop.state[0], State::quiet);
    EXPECT_EQ(tally.releases, 1);
}

// A term of 0 (integer draws) leaves the arrested citizen free and quiet where it stands.
TEST(JailRule, ZeroTermLeavesCitizenFree) {
    ModelConfig c = small_config();
    World w = make_world(c, {{5, 5, State::active}}, 0.8);
    detail::jail_citizen(w, c.jail, 0, 0.0);
    EXPECT_EQ(w.pop.state[0], State::quiet);
    EXPECT_EQ(w.pop.cell[0], w.torus.index(5, 5));
    EXPECT_EQ(w.seen.at(channel_index(Channel::actives), w.pop.cell[0]), 0);
}
