// resolved_yaml writes every key; loading what it writes gives back the same scenario.
#include "scenario_test_util.hpp"
#include "sim/scenario/parameter_table.hpp"

#include <cmath>

namespace unrest {
namespace {

std::string emit(const Scenario& s) {
    YAML::Emitter out;
    out << resolved_yaml(s);
    return out.c_str();
}

void expect_round_trip(const Scenario& s) {
    const std::string text = emit(s);
    const Scenario back = load_scenario_text(text, "resolved.yaml");
    test::expect_same_scenario(s, back);
    EXPECT_EQ(emit(back), text);
}

TEST(ScenarioResolved, RoundTripOfAFullScenario) {
    const Scenario s = test::load(R"(
name: "run: 4"
description: "yes"
source: "~"
seed: 18446744073709551615
ticks: 3000
grid: {width: 50, height: 31}
population: {citizen_density: 0.6, cop_density: 0.074, citizens: 900, cops: 64}
vision: {radius: 1.7, shape: von_neumann, include_own_cell: false}
citizen: {threshold: 0.2, self_count: again_if_active}
arrest: {k: 2.3, ratio: floor}
jail: {max_term: .inf, term: integer_below, placement: in_place_free, countdown: end_of_tick}
movement: {enabled: false, order: act_then_move}
cops:
  steps_onto_arrestee: true
  density_changes:
    - {at: 10, set: 0.05}
    - {from: 11, to: 20, ramp_to: 0.03}
    - {from: 21, to: 30, add_per_tick: -0.0001}
legitimacy:
  initial: 0.9
  changes:
    - {at: 77, set: 0.7}
    - {from: 78, multiply_per_tick: 0.999}
activation: {mode: simultaneous, tiling: single}
analysis: {outburst_threshold: 7}
)");
    expect_round_trip(s);
}

TEST(ScenarioResolved, MinusZeroIsWrittenAsZero) {
    Scenario s;
    s.name = "zero";
    s.model.legitimacy.schedule = Schedule(-0.0);
    s.model.citizen.threshold = -0.0;
    const YAML::Node out = resolved_yaml(s);
    EXPECT_EQ(out["legitimacy"]["initial"].Scalar(), "0");
    EXPECT_EQ(out["citizen"]["threshold"].Scalar(), "0");
    EXPECT_EQ(emit(test::load("name: a\nticks: 5\nlegitimacy: -0\n")).find("-0"),
              std::string::npos);
}

TEST(ScenarioResolved, RoundTripOfDefaults) {
    Scenario s;
    s.name = "defaults";
    expect_round_trip(s);
}

TEST(ScenarioResolved, WritesEveryKeyWithNamesAndInfinity) {
    Scenario s;
    s.name = "x";
    s.model.jail.max_term = std::numeric_limits<double>::infinity();
    s.model.activation.tiling = TilingMode::automatic;
    const YAML::Node y = resolved_yaml(s);
    EXPECT_EQ(y["jail"]["max_term"].Scalar(), ".inf");
    EXPECT_EQ(y["activation"]["tiling"].Scalar(), "auto");
    EXPECT_EQ(y["vision"]["shape"].Scalar(), "disc");
    EXPECT_EQ(y["legitimacy"]["initial"].Scalar(), "0.82");
    EXPECT_TRUE(y["legitimacy"]["changes"].IsSequence());
    EXPECT_TRUE(y["population"]["cops"].IsNull());
}

// The dotted paths of the leaves of `node` (a mapping's values, recursively) under `prefix`.
void leaf_paths(const YAML::Node& node, const std::string& prefix, std::vector<std::string>& out) {
    for (const auto& entry : node) {
        const std::string key = prefix + entry.first.Scalar();
        if (entry.second.IsMap() && key != "news.weights") { // weights: keyed by region names
            leaf_paths(entry.second, key + ".", out);
        } else {
            out.push_back(key);
        }
    }
}

// Every key of the parameter table is written, and nothing else (the regions, when there is more
// than the one implicit region, are written as a list whose keys are tested apart).
TEST(ScenarioResolved, KeysAreThoseOfTheParameterTable) {
    std::vector<std::string> written;
    leaf_paths(resolved_yaml(Scenario{}), "", written);
    std::vector<std::string> documented;
    for (const ParameterDoc& row : parameter_table()) {
        // legitimacy: the shorthand, written in its mapping form; regions: none by default;
        // calendar and timeline: none by default (tested in tests/timeline); base and set: a
        // scenario that changes another is written resolved, without them; compare: none by
        // default (tests/scenario/test_reported_figures.cpp).
        if (row.key != "legitimacy" && row.key != "base" && row.key != "set" &&
            !row.key.starts_with("regions") && !row.key.starts_with("calendar") &&
            !row.key.starts_with("timeline") && !row.key.starts_with("compare")) {
            documented.push_back(row.key);
        }
    }
    EXPECT_EQ(written, documented);
}

} // namespace
} // namespace unrest
