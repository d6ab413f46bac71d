// Valid scenario files parse to the right typed values.
#include "scenario_test_util.hpp"

#include <cmath>

namespace unrest {
namespace {

using test::load;

TEST(ScenarioLoad, MinimalFileTakesTheStructDefaults) {
    const Scenario s = load("name: minimal\nticks: 10\n");
    EXPECT_EQ(s.name, "minimal");
    EXPECT_EQ(s.run.ticks, 10);
    EXPECT_EQ(s.run.seed, RunSettings{}.seed);
    EXPECT_EQ(s.model.grid.width, 40);
    EXPECT_EQ(s.model.grid.height, 40);
    EXPECT_EQ(s.model.population.citizen_density, 0.7);
    EXPECT_EQ(s.model.population.cop_density, 0.04);
    EXPECT_FALSE(s.model.population.citizens);
    EXPECT_FALSE(s.model.population.cops);
    EXPECT_EQ(s.model.vision.radius, 7.0);
    EXPECT_EQ(s.model.citizen.threshold, 0.1);
    EXPECT_EQ(s.model.arrest.k, 2.3);
    EXPECT_EQ(s.model.jail.max_term, 30.0);
    EXPECT_EQ(s.model.legitimacy.schedule.initial(), 0.82);
    EXPECT_TRUE(s.model.legitimacy.schedule.constant());
    EXPECT_TRUE(s.model.cops.density_changes.empty());
    EXPECT_EQ(s.analysis.outburst_threshold, 50);
}

TEST(ScenarioLoad, FullExample) {
    const Scenario s = load(R"(
name: epstein2002-run2
description: "Punctuated equilibrium"
source: "Epstein 2002, PNAS, Table 2"
seed: 18446744073709551615
ticks: 3000
grid: {width: 50, height: 30}
population:
  citizen_density: 0.6
  cop_density: 0.05
  citizens: 900
  cops: 64
  initial_counts: exact
vision: {radius: 1.7, shape: von_neumann, include_own_cell: false}
citizen: {threshold: 0.2, self_count: again_if_active}
arrest: {k: 2.5, ratio: round_half_even}
jail:
  max_term: 15
  term: integer_inclusive
  placement: in_place_free
  countdown: own_activation
movement: {enabled: false, order: act_then_move}
cops:
  steps_onto_arrestee: true
  density_changes:
    - {from: 100, to: 200, ramp_to: 0.01}
legitimacy:
  initial: 0.9
  changes:
    - {at: 77, set: 0.7}
activation: {mode: simultaneous, tiling: single}
analysis: {outburst_threshold: 40}
)");
    EXPECT_EQ(s.name, "epstein2002-run2");
    EXPECT_EQ(s.description, "Punctuated equilibrium");
    EXPECT_EQ(s.source, "Epstein 2002, PNAS, Table 2");
    EXPECT_EQ(s.run.seed, 18446744073709551615ULL);
    EXPECT_EQ(s.run.ticks, 3000);
    EXPECT_EQ(s.model.grid.width, 50);
    EXPECT_EQ(s.model.grid.height, 30);
    EXPECT_EQ(s.model.population.citizen_density, 0.6);
    EXPECT_EQ(s.model.population.cop_density, 0.05);
    EXPECT_EQ(s.model.population.citizens, 900);
    EXPECT_EQ(s.model.population.cops, 64);
    EXPECT_EQ(s.model.population.initial, InitialCounts::exact);
    EXPECT_EQ(s.model.vision.radius, 1.7);
    EXPECT_EQ(s.model.vision.shape, VisionShape::von_neumann);
    EXPECT_FALSE(s.model.vision.include_own_cell);
    EXPECT_EQ(s.model.citizen.threshold, 0.2);
    EXPECT_EQ(s.model.citizen.self_count, SelfCount::again_if_active);
    EXPECT_EQ(s.model.arrest.k, 2.5);
    EXPECT_EQ(s.model.arrest.ratio, ArrestRatio::round_half_even);
    EXPECT_EQ(s.model.jail.max_term, 15.0);
    EXPECT_EQ(s.model.jail.draw, JailTermDraw::integer_inclusive);
    EXPECT_EQ(s.model.jail.placement, JailPlacement::in_place_free);
    EXPECT_EQ(s.model.jail.countdown, JailCountdown::own_activation);
    EXPECT_FALSE(s.model.movement.enabled);
    EXPECT_EQ(s.model.movement.order, ActivationOrder::act_then_move);
    EXPECT_TRUE(s.model.cops.steps_onto_arrestee);
    ASSERT_EQ(s.model.cops.density_changes.size(), 1u);
    EXPECT_EQ(s.model.cops.density_changes[0].kind, ScheduleChange::Kind::ramp);
    EXPECT_EQ(s.model.cops.density_changes[0].from, 100);
    EXPECT_EQ(s.model.cops.density_changes[0].to, 200);
    EXPECT_EQ(s.model.cops.density_changes[0].value, 0.01);
    const Schedule& l = s.model.legitimacy.schedule;
    EXPECT_EQ(l.initial(), 0.9);
    ASSERT_EQ(l.changes().size(), 1u);
    EXPECT_EQ(l.changes()[0].kind, ScheduleChange::Kind::set);
    EXPECT_EQ(l.changes()[0].from, 77);
    EXPECT_EQ(l.at(76), 0.9);
    EXPECT_EQ(l.at(77), 0.7);
    EXPECT_EQ(s.model.activation.mode, ActivationMode::simultaneous);
    EXPECT_EQ(s.model.activation.tiling, TilingMode::single);
    EXPECT_EQ(s.analysis.outburst_threshold, 40);
}

TEST(ScenarioLoad, LegitimacyAsANumberIsAConstantSchedule) {
    const Scenario s = load("name: a\nticks: 5\nlegitimacy: 0.89\n");
    EXPECT_EQ(s.model.legitimacy.schedule.initial(), 0.89);
    EXPECT_TRUE(s.model.legitimacy.schedule.constant());
}

TEST(ScenarioLoad, InfiniteJailTerm) {
    for (const char* text : {".inf", "inf", ".Inf", "+.inf"}) {
        const Scenario s = load(std::string("name: a\nticks: 5\njail: {max_term: ") + text + "}\n");
        EXPECT_TRUE(std::isinf(s.model.jail.max_term)) << text;
        EXPECT_GT(s.model.jail.max_term, 0.0) << text;
    }
}

// -0 is read as 0, so that no output says -0.
TEST(ScenarioLoad, MinusZeroIsZero) {
    const Scenario s = load("name: a\nticks: 5\nlegitimacy: -0\njail: {max_term: -0.0}\n"
                            "cops: {density_changes: [{from: 1, to: 3, add_per_tick: -0e0}]}\n");
    EXPECT_EQ(s.model.legitimacy.schedule.initial(), 0.0);
    EXPECT_FALSE(std::signbit(s.model.legitimacy.schedule.initial()));
    EXPECT_FALSE(std::signbit(s.model.jail.max_term));
    EXPECT_FALSE(std::signbit(s.model.cops.density_changes.at(0).value));
}

TEST(ScenarioLoad, ScheduleChangeForms) {
    const Scenario s = load(R"(
name: forms
ticks: 400
legitimacy:
  initial: 0.5
  changes:
    - {at: 10, set: 0.6}
    - {from: 11, to: 20, ramp_to: 0.8}
    - {from: 21, to: 30, add_per_tick: -0.01}
    - {from: 31, multiply_per_tick: 0.99}
)");
    const auto& c = s.model.legitimacy.schedule.changes();
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0].kind, ScheduleChange::Kind::set);
    EXPECT_EQ(c[0].from, 10);
    EXPECT_EQ(c[0].value, 0.6);
    EXPECT_EQ(c[1].kind, ScheduleChange::Kind::ramp);
    EXPECT_EQ(c[1].from, 11);
    EXPECT_EQ(c[1].to, 20);
    EXPECT_EQ(c[1].value, 0.8);
    EXPECT_EQ(c[2].kind, ScheduleChange::Kind::add_per_tick);
    EXPECT_EQ(c[2].from, 21);
    EXPECT_EQ(c[2].to, 30);
    EXPECT_EQ(c[2].value, -0.01);
    EXPECT_EQ(c[3].kind, ScheduleChange::Kind::multiply_per_tick);
    EXPECT_EQ(c[3].from, 31);
    EXPECT_EQ(c[3].to, forever);
    EXPECT_EQ(c[3].value, 0.99);
}

TEST(ScenarioLoad, Run3SalamiTacticsAndRun5CopReduction) {
    // Table 2 run 3: legitimacy 0.9 falling 1 % per period, J_max infinite, cops 0.074.
    const Scenario run3 = load(R"(
name: run3
ticks: 200
population: {cop_density: 0.074}
jail: {max_term: .inf}
legitimacy: {initial: 0.9, changes: [{from: 1, multiply_per_tick: 0.99}]}
)");
    EXPECT_NEAR(run3.model.legitimacy.schedule.at(100), 0.9 * std::pow(0.99, 100), 1e-12);
    // Table 2 run 5: cops walked down.
    const Scenario run5 = load(R"(
name: run5
ticks: 200
population: {cop_density: 0.074}
cops: {density_changes: [{from: 50, to: 150, add_per_tick: -0.0005}]}
)");
    ASSERT_EQ(run5.model.cops.density_changes.size(), 1u);
    EXPECT_EQ(run5.model.cops.density_changes[0].to, 150);
}

TEST(ScenarioLoad, NullCountsMeanNone) {
    const Scenario s = load("name: a\nticks: 0\npopulation: {cops: ~, citizens: null}\n");
    EXPECT_EQ(s.run.ticks, 0);
    EXPECT_FALSE(s.model.population.cops);
    EXPECT_FALSE(s.model.population.citizens);
}

TEST(ScenarioLoad, EmptySectionsAndListsMeanDefaults) {
    const Scenario s = load("name: a\nticks: 5\ngrid: {}\nlegitimacy: {changes: []}\n"
                            "cops: {density_changes: []}\n");
    EXPECT_EQ(s.model.grid.width, 40);
    EXPECT_TRUE(s.model.legitimacy.schedule.constant());
    EXPECT_TRUE(s.model.cops.density_changes.empty());
}

TEST(ScenarioLoad, QuotedStringsAndEnumNames) {
    const Scenario s = load("name: 'yes'\nticks: 1\nvision: {shape: \"moore\", radius: 3}\n");
    EXPECT_EQ(s.name, "yes");
    EXPECT_EQ(s.model.vision.shape, VisionShape::moore);
}

TEST(ScenarioLoad, VisionMayFillTheGridExactly) {
    // 2 * 7 + 1 = 15 <= 15.
    EXPECT_NO_THROW(load("name: a\nticks: 1\ngrid: {width: 15, height: 20}\n"));
}

TEST(ScenarioLoad, ReadsAFile) {
    const Scenario s =
        load_scenario_file(std::string(UNREST_SOURCE_DIR) + "/tests/scenario/data/minimal.yaml");
    EXPECT_EQ(s.name, "minimal-file");
    EXPECT_EQ(s.run.ticks, 25);
}

} // namespace
} // namespace unrest
