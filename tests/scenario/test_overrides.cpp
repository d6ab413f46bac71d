// --set key.path=value, applied to the tree before validation.
#include "scenario_test_util.hpp"

#include <cmath>

namespace unrest {
namespace {

using test::load;
using test::load_error;

constexpr const char* base = "name: a\nticks: 3000\nlegitimacy: 0.82\n";

TEST(ScenarioOverrides, SetValuesOfEveryKind) {
    const Scenario s =
        load(base, {"ticks=100", "vision.shape=moore", "vision.radius=3", "movement.enabled=false",
                    "jail.max_term=.inf", "population.cops=10", "seed=7"});
    EXPECT_EQ(s.run.ticks, 100);
    EXPECT_EQ(s.model.vision.shape, VisionShape::moore);
    EXPECT_EQ(s.model.vision.radius, 3.0);
    EXPECT_FALSE(s.model.movement.enabled);
    EXPECT_TRUE(std::isinf(s.model.jail.max_term));
    EXPECT_EQ(s.model.population.cops, 10);
    EXPECT_EQ(s.run.seed, 7u);
}

TEST(ScenarioOverrides, LaterOverridesWin) {
    EXPECT_EQ(load(base, {"ticks=100", "ticks=200"}).run.ticks, 200);
}

TEST(ScenarioOverrides, CreatesIntermediateMappings) {
    const Scenario s = load("name: a\nticks: 5\n", {"grid.width=30", "jail.term=integer_below"});
    EXPECT_EQ(s.model.grid.width, 30);
    EXPECT_EQ(s.model.grid.height, 40);
    EXPECT_EQ(s.model.jail.draw, JailTermDraw::integer_below);
}

TEST(ScenarioOverrides, LegitimacyScalarBecomesAMapping) {
    const Scenario s = load(base, {"legitimacy.initial=0.7"});
    EXPECT_EQ(s.model.legitimacy.schedule.initial(), 0.7);
    const Scenario t = load(base, {"legitimacy.changes=[{at: 77, set: 0.7}]"});
    EXPECT_EQ(t.model.legitimacy.schedule.initial(), 0.82);
    ASSERT_EQ(t.model.legitimacy.schedule.changes().size(), 1u);
    EXPECT_EQ(t.model.legitimacy.schedule.at(77), 0.7);
}

TEST(ScenarioOverrides, LegitimacyMappingReplacedByANumber) {
    const Scenario s =
        load("name: a\nticks: 5\nlegitimacy: {initial: 0.9, changes: [{at: 2, set: 0.7}]}\n",
             {"legitimacy=0.5"});
    EXPECT_EQ(s.model.legitimacy.schedule.initial(), 0.5);
    EXPECT_TRUE(s.model.legitimacy.schedule.constant());
}

TEST(ScenarioOverrides, IndexIntoAListOfChanges) {
    const Scenario s =
        load("name: a\nticks: 100\nlegitimacy: {initial: 0.9, changes: [{at: 77, set: 0.7}]}\n",
             {"legitimacy.changes[0].set=0.6", "legitimacy.changes[0].at=50"});
    EXPECT_EQ(s.model.legitimacy.schedule.changes()[0].value, 0.6);
    EXPECT_EQ(s.model.legitimacy.schedule.changes()[0].from, 50);
    EXPECT_EQ(load_error("name: a\nticks: 100\n", {"legitimacy.changes[1].set=0.6"}),
              "--set:1:12: legitimacy.changes[1]: expected an index below 0 (the changes given), "
              "found 1");
}

TEST(ScenarioOverrides, MalformedOverride) {
    EXPECT_EQ(load_error(base, {"ticks"}), "--set:1:1: expected key.path=value, found 'ticks'");
    EXPECT_EQ(load_error(base, {"ticks=1", "=3"}),
              "--set:2:1: expected key.path=value, found '=3'");
    EXPECT_EQ(
        load_error(base, {"ticks=[1"}),
        "--set:1:7: ticks: expected a valid YAML value, found end of sequence flow not found");
}

TEST(ScenarioOverrides, UnknownKeysSuggestTheClosest) {
    EXPECT_EQ(load_error(base, {"visoin.radius=3"}),
              "--set:1:1: visoin: unknown key 'visoin', did you mean 'vision'?");
    EXPECT_EQ(load_error(base, {"ticks=5", "vision.radus=3"}),
              "--set:2:8: vision.radus: unknown key 'radus', did you mean 'radius'?");
    EXPECT_EQ(load_error(base, {"ticks.x=3"}),
              "--set:1:7: ticks.x: unknown key 'x': this value takes no keys");
    EXPECT_EQ(load_error(base, {"vision[0]=3"}),
              "--set:1:7: vision: expected an index only after a list of changes, found '[0]'");
}

TEST(ScenarioOverrides, BadValuesAreReportedAtTheOverride) {
    EXPECT_EQ(load_error(base, {"ticks=5", "legitimacy.initial=1.7"}),
              "--set:2:20: legitimacy.initial: expected a probability in [0, 1], found 1.7");
    EXPECT_EQ(load_error(base, {"vision.shape=circle"}),
              "--set:1:14: vision.shape: expected one of disc, von_neumann, moore, found 'circle'");
    EXPECT_EQ(load_error(base, {"legitimacy={initial: 0.5, changes: [{at: 3, sett: 1}]}"}),
              "--set:1:12: legitimacy.changes[0].sett: unknown key 'sett', did you mean 'set'?");
    // A cross-field error involving an overridden value points at the override.
    EXPECT_EQ(load_error(base, {"grid.width=10"}),
              "--set:1:12: grid.width: expected a vision reach of at most 4 on the 10 x 40 grid (2 "
              "reach + 1 <= 10), found radius 7 (reach 7)");
}

TEST(ScenarioOverrides, SettingKeysInsideANonMapping) {
    EXPECT_EQ(load_error("name: a\nticks: 5\ngrid: 5\n", {"grid.width=3"}),
              "--set:1:1: grid: expected a mapping to set keys in, found '5' in the file");
}

// --seed and --ticks (FlagOverride): applied after the --set overrides, errors named by the flag.
Scenario load_with_flags(const std::string& text, const std::vector<FlagOverride>& flags,
                         const std::vector<std::string>& overrides = {}) {
    return load_scenario_text(text, "s.yaml", overrides, flags);
}

std::string flag_error(const std::string& text, const std::vector<FlagOverride>& flags) {
    try {
        load_with_flags(text, flags);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

TEST(ScenarioOverrides, FlagsWinOverSet) {
    const Scenario s = load_with_flags(base, {{"--ticks", "ticks", "200"}, {"--seed", "seed", "9"}},
                                       {"ticks=100", "seed=8"});
    EXPECT_EQ(s.run.ticks, 200);
    EXPECT_EQ(s.run.seed, 9U);
}

TEST(ScenarioOverrides, FlagErrorsNameTheFlag) {
    EXPECT_EQ(flag_error(base, {{"--ticks", "ticks", "abc"}}),
              "--ticks: ticks: expected an integer >= 0, found 'abc'");
    EXPECT_EQ(flag_error(base, {{"--ticks", "ticks", "4294967296"}}),
              "--ticks: ticks: expected an integer in [0, 4294967295], found 4294967296");
    EXPECT_EQ(flag_error(base, {{"--seed", "seed", "-1"}}),
              "--seed: seed: expected an integer in [0, 2^64), found '-1'");
}

// Schedules are checked through the run's last tick, the flag's where it gives one.
TEST(ScenarioOverrides, SchedulesAreCheckedThroughTheTicksFlag) {
    // 0.25 + 0.125 (t - 9) for t >= 10: 1 at tick 15, 1.125 at tick 16.
    const std::string schedule =
        "legitimacy:\n  initial: 0.5\n  changes:\n"
        "    - {at: 5, set: 0.25}\n    - {from: 10, add_per_tick: 0.125}\n";
    EXPECT_EQ(flag_error("name: a\nticks: 15\n" + schedule, {{"--ticks", "ticks", "300"}}),
              "s.yaml:7:32: legitimacy.changes[1].add_per_tick: expected legitimacy to stay in [0, "
              "1] through tick 300, found 1.125 at tick 16");
    EXPECT_EQ(flag_error("name: a\nticks: 300\n" + schedule, {{"--ticks", "ticks", "15"}}),
              "no error");
    // The same for the cop density: 800 cops from tick 50 do not fit beside 1120 citizens.
    const std::string cops = "cops: {density_changes: [{at: 50, set: 0.5}]}\n";
    EXPECT_EQ(flag_error("name: a\nticks: 49\n" + cops, {{"--ticks", "ticks", "50"}}),
              "s.yaml:3:40: cops.density_changes[0].set: expected the cop density to leave room "
              "for the 1120 citizens through tick 50 (at most 480 cops on 1600 cells), found 0.5 "
              "at tick 50 (800 cops)");
    EXPECT_EQ(flag_error("name: a\nticks: 50\n" + cops, {{"--ticks", "ticks", "49"}}), "no error");
}

TEST(ScenarioOverrides, ErrorsInTheFileStillPointAtTheFile) {
    EXPECT_EQ(load_error("name: a\nticks: 5\nvision: {radius: -1}\n", {"vision.shape=moore"}),
              "s.yaml:3:18: vision.radius: expected a finite number > 0, found -1");
}

} // namespace
} // namespace unrest
