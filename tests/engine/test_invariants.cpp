// Structural invariants checked after every tick, over the rule variants.
#include "sim/engine/simulation.hpp"

#include <gtest/gtest.h>

using namespace unrest;

namespace {

struct Variant {
    const char* name;
    ModelConfig config;
};

std::vector<Variant> variants() {
    std::vector<Variant> v;
    ModelConfig paper;
    paper.arrest.ratio = ArrestRatio::floor;
    v.push_back({"paper", paper});

    ModelConfig netlogo = paper;
    netlogo.citizen.self_count = SelfCount::again_if_active;
    netlogo.jail = {30, JailTermDraw::integer_below, JailPlacement::in_place_free,
                    JailCountdown::end_of_tick};
    netlogo.cops.steps_onto_arrestee = true;
    v.push_back({"netlogo", netlogo});

    ModelConfig mesa = paper;
    mesa.arrest.ratio = ArrestRatio::round_half_even;
    mesa.vision = {7, VisionShape::von_neumann, false};
    mesa.movement.order = ActivationOrder::act_then_move;
    mesa.jail = {30, JailTermDraw::integer_inclusive, JailPlacement::in_place_blocking,
                 JailCountdown::own_activation};
    mesa.population.initial = InitialCounts::random;
    v.push_back({"mesa", mesa});

    ModelConfig simultaneous = paper;
    simultaneous.activation.mode = ActivationMode::simultaneous;
    v.push_back({"simultaneous", simultaneous});

    ModelConfig simultaneous_netlogo = netlogo;
    simultaneous_netlogo.activation.mode = ActivationMode::simultaneous;
    v.push_back({"simultaneous_netlogo", simultaneous_netlogo});

    // A grid large enough for several tiles (vision 2: tiles of >= 12 cells, 5 x 5 tiles).
    ModelConfig tiled = paper;
    tiled.grid = {60, 60};
    tiled.vision.radius = 2;
    tiled.legitimacy.schedule = Schedule(0.6);
    v.push_back({"tiled", tiled});

    // Cop schedule: walked down, then up again past the initial count.
    ModelConfig cops = paper;
    cops.cops.density_changes = {{ScheduleChange::Kind::ramp, 5, 30, 0.01},
                                 {ScheduleChange::Kind::ramp, 31, 60, 0.08}};
    v.push_back({"cop_schedule", cops});
    return v;
}

} // namespace

TEST(Invariants, HoldEveryTickForEveryRuleVariant) {
    for (const Variant& v : variants()) {
        Simulation sim(v.config, 17);
        ASSERT_TRUE(sim.check_invariants().empty()) << v.name << " at tick 0";
        std::int64_t arrests = 0;
        std::int64_t jailed = sim.observe().jailed;
        for (int t = 1; t <= 80; ++t) {
            const TickRecord r = sim.step();
            arrests += r.arrests;
            // Jail accounting: every arrest and every release is counted.
            ASSERT_EQ(r.jailed, jailed + r.arrests - r.releases) << v.name << " tick " << t;
            jailed = r.jailed;
            const auto problems = sim.check_invariants();
            ASSERT_TRUE(problems.empty()) << v.name << " tick " << t << ": " << problems.front();
            ASSERT_EQ(r.quiet + r.active + r.jailed, sim.world().pop.count(Kind::citizen))
                << v.name;
        }
        EXPECT_GT(arrests, 0) << v.name << ": the variant must exercise arrests";
    }
}

TEST(Invariants, CopScheduleReachesItsTargets) {
    ModelConfig c;
    c.arrest.ratio = ArrestRatio::floor;
    c.cops.density_changes = {{ScheduleChange::Kind::ramp, 5, 30, 0.01},
                              {ScheduleChange::Kind::ramp, 31, 60, 0.08}};
    Simulation sim(c, 3);
    EXPECT_EQ(sim.observe().cops, 64); // 0.04 x 1600
    for (int t = 1; t <= 60; ++t) {
        const TickRecord r = sim.step();
        if (t == 30) {
            EXPECT_EQ(r.cops, 16); // 0.01 x 1600
        }
    }
    EXPECT_EQ(sim.observe().cops, 128); // 0.08 x 1600
}
