// Every problem is reported as FILE:LINE:COLUMN: key.path: expected ..., found ...
#include "scenario_test_util.hpp"

namespace unrest {
namespace {

using test::load_error;

TEST(ScenarioErrors, ErrorCarriesItsParts) {
    try {
        test::load("name: a\nticks: 10\njail:\n  max_term: -3\n");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.file(), "s.yaml");
        EXPECT_EQ(e.line(), 4);
        EXPECT_EQ(e.column(), 13);
        EXPECT_EQ(e.key_path(), "jail.max_term");
        EXPECT_EQ(e.message(), "expected a number >= 0 or .inf, found -3");
        EXPECT_STREQ(e.what(),
                     "s.yaml:4:13: jail.max_term: expected a number >= 0 or .inf, found -3");
    }
}

TEST(ScenarioErrors, MalformedYaml) {
    EXPECT_EQ(load_error("name: a\nticks: [1, 2\n"),
              "s.yaml:3:1: expected valid YAML, found end of sequence flow not found");
    EXPECT_EQ(load_error("name: a\n  ticks: 3\n"),
              "s.yaml:2:8: expected valid YAML, found illegal map value");
}

// yaml-cpp says "illegal map value" or the like, sometimes lines later; the tab is the cause.
TEST(ScenarioErrors, TabInIndentation) {
    const std::string tab = "expected spaces for indentation, found a tab (YAML does not allow "
                            "tabs there)";
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid:\n\twidth: 3\n"), "s.yaml:4:1: " + tab);
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid:\n  width: 3\n \theight: 4\n"),
              "s.yaml:5:2: " + tab);
    EXPECT_EQ(load_error("\tname: a\nticks: 3\n"), "s.yaml:1:1: " + tab);
    EXPECT_EQ(load_error("name: a\n\t# a comment\nticks: 3\n"), "s.yaml:2:1: " + tab);
    // Tabs elsewhere are no cause: after the indentation, before a comment, in a flow mapping.
    EXPECT_EQ(load_error("name:\ta\nticks: 3 \t# comment\nvision: [1, 2\n"),
              "s.yaml:4:1: expected valid YAML, found end of sequence flow not found");
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {\n\twidth: 40}\n"), "no error");
}

TEST(ScenarioErrors, NumbersOutOfRange) {
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: 1e309\n"),
              "s.yaml:3:13: legitimacy: expected a number, found '1e309' (out of range)");
    EXPECT_EQ(load_error("name: a\nticks: 3\njail: {max_term: -1e-400}\n"),
              "s.yaml:3:18: jail.max_term: expected a number, found '-1e-400' (out of range)");
    EXPECT_EQ(load_error("name: a\nticks: 99999999999999999999\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found '99999999999999999999' (out of "
              "range)");
    EXPECT_EQ(load_error("name: a\nticks: -99999999999999999999\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found '-99999999999999999999' (out of "
              "range)");
    EXPECT_EQ(load_error("name: a\nticks: 3\nseed: 99999999999999999999\n"),
              "s.yaml:3:7: seed: expected an integer in [0, 2^64), found '99999999999999999999' "
              "(out of range)");
    EXPECT_EQ(load_error("name: a\nticks: 3\npopulation: {cops: 99999999999999999999}\n"),
              "s.yaml:3:20: population.cops: expected an integer >= 0, found "
              "'99999999999999999999' (out of range)");
    // The largest values that fit are read.
    EXPECT_EQ(test::load("name: a\nticks: 3\nseed: 18446744073709551615\n").run.seed,
              18446744073709551615U);
    EXPECT_EQ(load_error("name: a\nticks: 3\njail: {max_term: 1.7976931348623157e308}\n"),
              "no error");
}

TEST(ScenarioErrors, FileNotFound) {
    try {
        load_scenario_file("/nonexistent/x.yaml");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_STREQ(e.what(), "/nonexistent/x.yaml: expected a readable file, found no such file");
        EXPECT_EQ(e.line(), 0);
        EXPECT_EQ(e.column(), 0);
    }
}

TEST(ScenarioErrors, UnknownKeySuggestsTheClosest) {
    EXPECT_EQ(load_error("name: a\nticks: 3\nvisoin: {radius: 2}\n"),
              "s.yaml:3:1: visoin: unknown key 'visoin', did you mean 'vision'?");
    EXPECT_EQ(load_error("name: a\nticks: 3\njail:\n  max_trem: 4\n"),
              "s.yaml:4:3: jail.max_trem: unknown key 'max_trem', did you mean 'max_term'?");
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: {changes: [{at: 3, sett: 0.5}]}\n"),
              "s.yaml:3:32: legitimacy.changes[0].sett: unknown key 'sett', did you mean 'set'?");
}

TEST(ScenarioErrors, UnknownKeyWithoutACloseMatchListsTheKeys) {
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {width: 10, height: 10, depth: 3}\n"),
              "s.yaml:3:31: grid.depth: unknown key 'depth', expected one of: width, height, "
              "cell_size_m, origin");
}

TEST(ScenarioErrors, DuplicateKey) {
    EXPECT_EQ(load_error("name: a\nticks: 3\nticks: 4\n"),
              "s.yaml:3:1: ticks: expected each key once, found 'ticks' again (first on line 2)");
}

TEST(ScenarioErrors, WrongTypes) {
    EXPECT_EQ(load_error("name: a\nticks: 3\narrest: {k: abc}\n"),
              "s.yaml:3:13: arrest.k: expected a number, found 'abc'");
    EXPECT_EQ(load_error("name: a\nticks: 3\narrest: {k: \"2.3\"}\n"),
              "s.yaml:3:13: arrest.k: expected a number, found the quoted string \"2.3\"");
    EXPECT_EQ(load_error("name: a\nticks: 3.5\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found '3.5'");
    EXPECT_EQ(load_error("name: a\nticks: 1e3\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found '1e3'");
    EXPECT_EQ(load_error("name: a\nticks: 3\nmovement: {enabled: yes}\n"),
              "s.yaml:3:21: movement.enabled: expected true or false, found 'yes'");
    EXPECT_EQ(load_error("name: a\nticks: 3\nvision: [7]\n"),
              "s.yaml:3:9: vision: expected a mapping, found a list");
    EXPECT_EQ(load_error("name: [a]\nticks: 3\n"),
              "s.yaml:1:7: name: expected a string, found a list");
    EXPECT_EQ(load_error("name: a\nticks: 3\nseed: -1\n"),
              "s.yaml:3:7: seed: expected an integer in [0, 2^64), found '-1'");
    EXPECT_EQ(
        load_error("name: a\nticks: 3\nlegitimacy: [0.5]\n"),
        "s.yaml:3:13: legitimacy: expected a number in [0, 1] or a mapping {initial, changes}, "
        "found a list");
    EXPECT_EQ(load_error("- a\n- b\n"), "s.yaml:1:1: expected a mapping, found a list");
}

TEST(ScenarioErrors, EmptyValuePointsAtTheKey) {
    EXPECT_EQ(load_error("name: a\nticks:\ngrid: {width: 3}\n"),
              "s.yaml:2:1: ticks: expected an integer >= 0, found nothing");
}

// A section or list of changes given without a value is refused, not read as the defaults.
TEST(ScenarioErrors, NullSectionsAndListsAreRefused) {
    const std::string mapping =
        "expected a mapping, found nothing (leave the key out to use the defaults)";
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: ~\n"), "s.yaml:3:1: grid: " + mapping);
    EXPECT_EQ(load_error("name: a\nticks: 3\nvision:\njail: {max_term: 3}\n"),
              "s.yaml:3:1: vision: " + mapping);
    EXPECT_EQ(load_error("name: a\nticks: 3\nanalysis: null\n"),
              "s.yaml:3:1: analysis: " + mapping);
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: ~\n"),
              "s.yaml:3:1: legitimacy: expected a number in [0, 1] or a mapping {initial, "
              "changes}, found nothing (leave the key out to use the defaults)");
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: {changes: ~}\n"),
              "s.yaml:3:14: legitimacy.changes: expected a list of changes, found nothing (leave "
              "the key out for no changes)");
    EXPECT_EQ(load_error("name: a\nticks: 3\ncops:\n  density_changes:\n"),
              "s.yaml:4:3: cops.density_changes: expected a list of changes, found nothing (leave "
              "the key out for no changes)");
    EXPECT_EQ(load_error("name: a\nticks: 3\n", {"grid=~"}), "--set:1:6: grid: " + mapping);
}

TEST(ScenarioErrors, OutOfRange) {
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: 1.5\n"),
              "s.yaml:3:13: legitimacy: expected a probability in [0, 1], found 1.5");
    EXPECT_EQ(load_error("name: a\nticks: -1\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found -1");
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {width: 0}\n"),
              "s.yaml:3:15: grid.width: expected an integer >= 1, found 0");
    EXPECT_EQ(load_error("name: a\nticks: 3\nvision: {radius: 0}\n"),
              "s.yaml:3:18: vision.radius: expected a finite number > 0, found 0");
    EXPECT_EQ(load_error("name: a\nticks: 3\narrest: {k: .inf}\n"),
              "s.yaml:3:13: arrest.k: expected a finite number > 0, found .inf");
    EXPECT_EQ(load_error("name: a\nticks: 3\nanalysis: {outburst_threshold: 0}\n"),
              "s.yaml:3:32: analysis.outburst_threshold: expected an integer >= 1, found 0");
    EXPECT_EQ(load_error("name: a\nticks: 3\npopulation: {cops: -2}\n"),
              "s.yaml:3:20: population.cops: expected an integer >= 0, found -2");
    EXPECT_EQ(load_error("name: \"\"\nticks: 3\n"),
              "s.yaml:1:7: name: expected a non-empty string, found an empty string");
}

TEST(ScenarioErrors, UnknownEnumerationName) {
    EXPECT_EQ(
        load_error("name: a\nticks: 3\nvision: {shape: circle}\n"),
        "s.yaml:3:17: vision.shape: expected one of disc, von_neumann, moore, found 'circle'");
    EXPECT_EQ(load_error("name: a\nticks: 3\njail: {placement: offgrid}\n"),
              "s.yaml:3:19: jail.placement: expected one of off_grid, in_place_free, "
              "in_place_blocking, found 'offgrid' (did you mean 'off_grid'?)");
    EXPECT_EQ(load_error("name: a\nticks: 3\nactivation: {tiling: automatic}\n"),
              "s.yaml:3:22: activation.tiling: expected one of auto, single, found 'automatic'");
}

TEST(ScenarioErrors, MissingRequiredKeyPointsAtTheParent) {
    EXPECT_EQ(load_error("ticks: 3\n"),
              "s.yaml:1:1: name: expected a value for required key 'name', found none");
    EXPECT_EQ(load_error("name: a\n"), "s.yaml:1:1: ticks: expected a value for required key "
                                       "'ticks' (or calendar.end), found none");
    EXPECT_EQ(load_error(""),
              "s.yaml:1:1: name: expected a value for required key 'name', found none");
    EXPECT_EQ(load_error("name: a\nticks: 30\nlegitimacy:\n  changes:\n    - {set: 0.5}\n"),
              "s.yaml:5:7: legitimacy.changes[0].at: expected a value for required key 'at', found "
              "none");
    EXPECT_EQ(
        load_error("name: a\nticks: 30\nlegitimacy:\n  changes:\n    - {from: 3, ramp_to: 0.5}\n"),
        "s.yaml:5:7: legitimacy.changes[0].to: expected a value for required key 'to', found "
        "none");
}

TEST(ScenarioErrors, CrossFieldPopulation) {
    EXPECT_EQ(
        load_error("name: a\nticks: 3\npopulation: {citizen_density: 0.7, cop_density: 0.4}\n"),
        "s.yaml:3:49: population.cop_density: expected citizen_density + cop_density <= 1, "
        "found 0.7 + 0.4 = 1.1");
    EXPECT_EQ(
        load_error("name: a\nticks: 3\ngrid: {width: 20, height: 20}\n"
                   "population: {citizens: 380, cops: 30}\n"),
        "s.yaml:4:35: population.cops: expected at most 400 agents on the 20 x 20 grid, found "
        "380 citizens + 30 cops = 410");
    // One count, the other from its density: round(0.04 x 400) = 16 cops.
    EXPECT_EQ(
        load_error(
            "name: a\nticks: 3\ngrid: {width: 20, height: 20}\npopulation: {citizens: 390}\n"),
        "s.yaml:4:24: population.citizens: expected at most 400 agents on the 20 x 20 grid, "
        "found 390 citizens + 16 cops = 406");
    EXPECT_EQ(load_error("name: a\nticks: 3\npopulation: {initial_counts: random, cops: 5}\n"),
              "s.yaml:3:44: population.cops: expected no exact count with initial_counts: random "
              "(one draw per cell uses the densities), found 5");
    EXPECT_EQ(
        load_error("name: a\nticks: 3\npopulation: {citizen_density: 0.96, cop_density: 0.04}\n"),
        "no error");
}

TEST(ScenarioErrors, CrossFieldVision) {
    EXPECT_EQ(
        load_error("name: a\nticks: 3\ngrid: {width: 20, height: 12}\nvision: {radius: 6}\n"),
        "s.yaml:4:18: vision.radius: expected a vision reach of at most 5 on the 20 x 12 grid "
        "(2 reach + 1 <= 12), found radius 6 (reach 6)");
    // The default radius 7 on a small grid: reported at the grid.
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {width: 14, height: 40}\n"),
              "s.yaml:3:15: grid.width: expected a vision reach of at most 6 on the 14 x 40 grid "
              "(2 reach + 1 <= 14), found radius 7 (reach 7)");
    // Refused by its reach before the neighbourhood is built, 1.6 billion cells here (a hang of
    // the fuzz target: tests/fuzz/corpus/scenario/regression-vision-reach-too-large).
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {width: 40000, height: 40000}\n"
                         "vision: {radius: 20000}\n"),
              "s.yaml:4:18: vision.radius: expected a vision reach of at most 19999 on the 40000 "
              "x 40000 grid (2 reach + 1 <= 40000), found radius 20000 (reach 20000)");
    EXPECT_EQ(
        load_error("name: a\nticks: 3\nvision: {radius: 1e9}\n"),
        "s.yaml:3:18: vision.radius: expected a vision reach of at most 19 on the 40 x 40 grid "
        "(2 reach + 1 <= 40), found radius 1000000000");
    EXPECT_EQ(
        load_error("name: a\nticks: 3\nvision: {radius: 0.5, include_own_cell: false}\n"),
        "s.yaml:3:18: vision.radius: expected a vision of at least one cell, found radius 0.5 "
        "without the own cell");
}

TEST(ScenarioErrors, CopStepsOntoABlockedCell) {
    EXPECT_EQ(load_error("name: a\nticks: 3\njail: {placement: in_place_blocking}\n"
                         "cops: {steps_onto_arrestee: true}\n"),
              "s.yaml:4:29: cops.steps_onto_arrestee: expected false with jail.placement: "
              "in_place_blocking (the arrestee's cell stays occupied), found true");
}

TEST(ScenarioErrors, ScheduleChangeShape) {
    const std::string head = "name: a\nticks: 300\nlegitimacy:\n  initial: 0.5\n  changes:\n";
    EXPECT_EQ(load_error(head + "    - {at: 5}\n"),
              "s.yaml:6:7: legitimacy.changes[0]: expected a change with one of set, ramp_to, "
              "add_per_tick, multiply_per_tick, found none of them");
    EXPECT_EQ(load_error(head + "    - {at: 5, set: 0.1, ramp_to: 0.2}\n"),
              "s.yaml:6:34: legitimacy.changes[0].ramp_to: expected only one of set, ramp_to, "
              "add_per_tick, multiply_per_tick, found both 'set' and 'ramp_to'");
    EXPECT_EQ(load_error(head + "    - {at: 5, from: 3, set: 0.1}\n"),
              "s.yaml:6:15: legitimacy.changes[0].from: expected the form {at: T, set: V}, found "
              "'from'");
    EXPECT_EQ(load_error(head + "    - {from: 5, to: 5, ramp_to: 0.2}\n"),
              "s.yaml:6:21: legitimacy.changes[0].to: expected a tick after from = 5, found 5");
    EXPECT_EQ(load_error(head + "    - {at: 0, set: 0.2}\n"),
              "s.yaml:6:12: legitimacy.changes[0].at: expected an integer >= 1, found 0");
    EXPECT_EQ(load_error(head + "    - {from: 1, multiply_per_tick: 0}\n"),
              "s.yaml:6:36: legitimacy.changes[0].multiply_per_tick: expected a finite number > 0, "
              "found 0");
    EXPECT_EQ(
        load_error(head + "    - {at: 5, set: 1.2}\n"),
        "s.yaml:6:20: legitimacy.changes[0].set: expected a probability in [0, 1], found 1.2");
    EXPECT_EQ(load_error(head + "    - 0.5\n"),
              "s.yaml:6:7: legitimacy.changes[0]: expected a mapping, found '0.5'");
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: {changes: {at: 1, set: 0.5}}\n"),
              "s.yaml:3:23: legitimacy.changes: expected a list of changes, found a mapping");
}

TEST(ScenarioErrors, ScheduleChangesInOrderWithoutOverlap) {
    const std::string head = "name: a\nticks: 300\nlegitimacy:\n  initial: 0.5\n  changes:\n";
    EXPECT_EQ(
        load_error(head + "    - {from: 10, to: 20, ramp_to: 0.6}\n    - {at: 20, set: 0.3}\n"),
        "s.yaml:7:12: legitimacy.changes[1].at: expected a tick after 20, where "
        "legitimacy.changes[0] ends, found 20");
    EXPECT_EQ(load_error(head + "    - {at: 30, set: 0.6}\n    - {at: 30, set: 0.3}\n"),
              "s.yaml:7:12: legitimacy.changes[1].at: expected a tick after 30, where "
              "legitimacy.changes[0] ends, found 30");
    EXPECT_EQ(
        load_error(head + "    - {from: 10, add_per_tick: 0.0001}\n    - {at: 50, set: 0.3}\n"),
        "s.yaml:7:7: legitimacy.changes[1]: expected no change after the open-ended change "
        "legitimacy.changes[0] (give it a 'to'), found another change");
    EXPECT_EQ(
        load_error(head +
                   "    - {from: 10, to: 20, add_per_tick: 0.01}\n    - {at: 21, set: 0.3}\n"),
        "no error");
}

TEST(ScenarioErrors, ScheduleLeavingTheUnitIntervalNamesTheChange) {
    // 0.25 + 0.125 (t - 9) for t >= 10: 1 at tick 15, 1.125 at tick 16.
    const std::string head = "name: a\nticks: 300\nlegitimacy:\n  initial: 0.5\n  changes:\n";
    EXPECT_EQ(
        load_error(head + "    - {at: 5, set: 0.25}\n    - {from: 10, add_per_tick: 0.125}\n"),
        "s.yaml:7:32: legitimacy.changes[1].add_per_tick: expected legitimacy to stay in [0, "
        "1] through tick 300, found 1.125 at tick 16");
    // The same change over a shorter run stays in range.
    EXPECT_EQ(load_error("name: a\nticks: 15\nlegitimacy:\n  initial: 0.5\n  changes:\n"
                         "    - {at: 5, set: 0.25}\n    - {from: 10, add_per_tick: 0.125}\n"),
              "no error");
    // Cop density 0.125, doubled at ticks 1..10: 1 at tick 3, 2 at tick 4.
    EXPECT_EQ(load_error("name: a\nticks: 20\npopulation: {cop_density: 0.125}\ncops:\n"
                         "  density_changes: [{from: 1, to: 10, multiply_per_tick: 2}]\n"),
              "s.yaml:5:58: cops.density_changes[0].multiply_per_tick: expected the cop density to "
              "stay in [0, 1] through tick 20, found 2 at tick 4");
    // Rounding does not count as leaving: 0.4 + 60 x 0.01 may come out a hair above 1.
    EXPECT_EQ(load_error("name: a\nticks: 100\nlegitimacy: {initial: 0.4, changes: [{from: 1, to: "
                         "60, add_per_tick: 0.01}]}\n"),
              "no error");
}

// 1120 citizens on 1600 cells leave room for 480 cops: round(density x 1600) <= 480.
TEST(ScenarioErrors, CopScheduleBeyondTheFreeCells) {
    const std::string head = "name: a\nticks: 200\npopulation: {citizen_density: 0.7, "
                             "cop_density: 0.04}\ncops:\n  density_changes:\n";
    EXPECT_EQ(load_error(head + "    - {at: 10, set: 0.1}\n    - {at: 50, set: 0.5}\n"),
              "s.yaml:7:21: cops.density_changes[1].set: expected the cop density to leave room "
              "for the 1120 citizens through tick 200 (at most 480 cops on 1600 cells), found 0.5 "
              "at tick 50 (800 cops)");
    EXPECT_EQ(load_error(head + "    - {at: 10, set: 0.3}\n"), "no error"); // 480 cops fit
    EXPECT_EQ(load_error(head + "    - {at: 10, set: 0.3004}\n"),
              "s.yaml:6:21: cops.density_changes[0].set: expected the cop density to leave room "
              "for the 1120 citizens through tick 200 (at most 480 cops on 1600 cells), found "
              "0.3004 at tick 10 (481 cops)");
    // A ramp: the first tick over; none within a shorter run.
    const std::string ramp = "    - {from: 100, to: 200, ramp_to: 0.5}\n";
    EXPECT_EQ(load_error(head + ramp),
              "s.yaml:6:37: cops.density_changes[0].ramp_to: expected the cop density to leave "
              "room for the 1120 citizens through tick 200 (at most 480 cops on 1600 cells), "
              "found 0.30219999999999997 at tick 157 (484 cops)");
    EXPECT_EQ(load_error(head + ramp, {"ticks=156"}), "no error");
    // Open-ended growth, up to the end of the run.
    EXPECT_EQ(load_error("name: a\nticks: 500\ncops: {density_changes: [{from: 10, add_per_tick: "
                         "0.001}]}\n"),
              "s.yaml:3:51: cops.density_changes[0].add_per_tick: expected the cop density to "
              "leave room for the 1120 citizens through tick 500 (at most 480 cops on 1600 "
              "cells), found 0.301 at tick 270 (482 cops)");
    // Exact counts.
    EXPECT_EQ(load_error("name: a\nticks: 50\ngrid: {width: 20, height: 20}\n"
                         "population: {citizens: 300, cops: 10}\n"
                         "cops: {density_changes: [{at: 5, set: 0.26}]}\n"),
              "s.yaml:5:39: cops.density_changes[0].set: expected the cop density to leave room "
              "for the 300 citizens through tick 50 (at most 100 cops on 400 cells), found 0.26 "
              "at tick 5 (104 cops)");
}

} // namespace
} // namespace unrest

namespace unrest {
namespace {

// The range check does not walk every tick: the longest run loads at once.
TEST(ScenarioErrors, ScheduleRangeCheckOnAVeryLongRun) {
    // 0.9 - 1e-9 t falls below -1e-9 (the rounding allowance) at t = 900000001 (floating point).
    const std::string error =
        test::load_error("name: a\nticks: 4294967295\nlegitimacy: {initial: 0.9, changes: "
                         "[{from: 1, add_per_tick: -1e-9}]}\n");
    EXPECT_TRUE(error.starts_with("s.yaml:3:62: legitimacy.changes[0].add_per_tick: expected "
                                  "legitimacy to stay in [0, 1] through tick 4294967295, found "))
        << error;
    EXPECT_TRUE(error.ends_with("at tick 900000001")) << error;
    EXPECT_EQ(test::load_error("name: a\nticks: 4294967295\nlegitimacy: {initial: 0.9, changes: "
                               "[{from: 1, multiply_per_tick: 0.999}]}\n"),
              "no error");
}

// Ticks are 32 bits in the random-number counter.
TEST(ScenarioErrors, TicksBeyondTheCounter) {
    EXPECT_EQ(test::load_error("name: a\nticks: 4294967296\n"),
              "s.yaml:2:8: ticks: expected an integer in [0, 4294967295], found 4294967296");
}

} // namespace
} // namespace unrest
