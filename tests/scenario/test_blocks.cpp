// The blocks added for the January 2022 model: legitimacy.feedback, news, scale and regions
// (sim/scenario/blocks/): read, printed, inherited, refused.
#include "scenario_test_util.hpp"

namespace unrest {
namespace {

using test::load_error;

std::string emit(const Scenario& s) {
    YAML::Emitter out;
    out << resolved_yaml(s);
    return out.c_str();
}

constexpr const char* two_regions = R"(name: kz
ticks: 10
grid: {width: 30, height: 20}
legitimacy:
  initial: 0.8
  changes: [{at: 5, set: 0.6}]
regions:
  - name: Zhanaozen
    time_zone: "+05:00"
    grid: {width: 50}
    news: {grievance: 0.5}
  - name: Almaty
    legitimacy: {initial: 0.9}
)";

TEST(ScenarioBlocks, NewKeysAreRead) {
    const Scenario s = test::load(R"(name: a
ticks: 10
legitimacy:
  feedback: {enabled: true, arrest_sensitivity: 0.5, recovery: 0.1}
news: {perceived_support: 0.2, grievance: 0.3}
scale: {persons_per_agent: 25}
)");
    EXPECT_TRUE(s.model.legitimacy.feedback.enabled);
    EXPECT_EQ(s.model.legitimacy.feedback.arrest_sensitivity, 0.5);
    EXPECT_EQ(s.model.legitimacy.feedback.recovery, 0.1);
    EXPECT_EQ(s.model.news.perceived_support, 0.2);
    EXPECT_EQ(s.model.news.grievance, 0.3);
    EXPECT_EQ(s.scale.persons_per_agent, 25.0);
    const YAML::Node y = resolved_yaml(s);
    EXPECT_EQ(y["legitimacy"]["feedback"]["enabled"].Scalar(), "true");
    EXPECT_EQ(y["legitimacy"]["feedback"]["arrest_sensitivity"].Scalar(), "0.5");
    EXPECT_EQ(y["legitimacy"]["feedback"]["recovery"].Scalar(), "0.1");
    EXPECT_EQ(y["news"]["perceived_support"].Scalar(), "0.2");
    EXPECT_EQ(y["news"]["grievance"].Scalar(), "0.3");
    EXPECT_EQ(y["scale"]["persons_per_agent"].Scalar(), "25");
    EXPECT_FALSE(y["regions"]); // the one implicit region
}

TEST(ScenarioBlocks, WithoutRegionsOneRegionNamedMain) {
    const Scenario s = test::load("name: a\nticks: 10\ngrid: {width: 30}\n");
    ASSERT_EQ(s.regions.size(), 1u);
    EXPECT_EQ(s.regions[0].name, "main");
    EXPECT_EQ(s.regions[0].utc_offset_minutes, 0);
    EXPECT_EQ(s.regions[0].model.grid.width, 30);
    EXPECT_TRUE(s.news.weights.empty());
    EXPECT_EQ(s.scale.persons_per_agent, 1.0);
}

TEST(ScenarioBlocks, RegionsApplyTheirKeysOverTheDefaults) {
    const Scenario s = test::load(std::string(two_regions) + "news: {perceived_support: 0.25}\n");
    ASSERT_EQ(s.regions.size(), 2u);
    const RegionSpec& z = s.regions[0];
    EXPECT_EQ(z.name, "Zhanaozen");
    EXPECT_EQ(z.utc_offset_minutes, 300);
    EXPECT_EQ(z.model.grid.width, 50);
    EXPECT_EQ(z.model.grid.height, 20); // the scenario's
    EXPECT_EQ(z.model.news.perceived_support, 0.25);
    EXPECT_EQ(z.model.news.grievance, 0.5);
    EXPECT_EQ(z.model.legitimacy.schedule.initial(), 0.8);
    test::expect_same_changes(z.model.legitimacy.schedule.changes(),
                              s.model.legitimacy.schedule.changes());
    const RegionSpec& a = s.regions[1];
    EXPECT_EQ(a.name, "Almaty");
    EXPECT_EQ(a.utc_offset_minutes, 0); // the calendar's
    EXPECT_EQ(a.model.grid.width, 30);
    EXPECT_EQ(a.model.legitimacy.schedule.initial(), 0.9);
    // legitimacy: {initial} keeps the scenario's changes.
    EXPECT_EQ(a.model.legitimacy.schedule.at(5), 0.6);
    EXPECT_EQ(a.model.news.grievance, 0.0);
    // The scenario's model is untouched.
    EXPECT_EQ(s.model.grid.width, 30);
    EXPECT_EQ(s.model.news.grievance, 0.0);
}

TEST(ScenarioBlocks, RegionTimeZones) {
    const Scenario s = test::load(R"(name: a
ticks: 10
regions:
  - {name: a, time_zone: "-03:30"}
  - {name: b, time_zone: UTC}
  - {name: c, time_zone: "+06:00"}
)");
    EXPECT_EQ(s.regions[0].utc_offset_minutes, -210);
    EXPECT_EQ(s.regions[1].utc_offset_minutes, 0);
    EXPECT_EQ(s.regions[2].utc_offset_minutes, 360);
    const YAML::Node printed = resolved_yaml(s)["regions"];
    EXPECT_EQ(printed[0]["time_zone"].Scalar(), "-03:30");
    EXPECT_FALSE(printed[1]["time_zone"]); // the calendar's
    EXPECT_EQ(printed[2]["time_zone"].Scalar(), "+06:00");
}

TEST(ScenarioBlocks, RegionListsAndShorthandsReplace) {
    const Scenario s = test::load(R"(name: a
ticks: 10
population: {citizens: 900, cops: 40}
legitimacy: {initial: 0.8, changes: [{at: 5, set: 0.6}]}
regions:
  - {name: a, legitimacy: {changes: []}, population: {citizens: ~, citizen_density: 0.5}}
  - {name: b, legitimacy: 0.7}
)");
    EXPECT_TRUE(s.regions[0].model.legitimacy.schedule.changes().empty());
    EXPECT_EQ(s.regions[0].model.legitimacy.schedule.initial(), 0.8);
    EXPECT_FALSE(s.regions[0].model.population.citizens);
    EXPECT_EQ(s.regions[0].model.population.cops, 40);
    EXPECT_EQ(s.regions[0].model.population.citizen_density, 0.5);
    // The shorthand sets the initial value and keeps the scenario's changes.
    EXPECT_EQ(s.regions[1].model.legitimacy.schedule.initial(), 0.7);
    EXPECT_EQ(s.regions[1].model.legitimacy.schedule.changes().size(), 1u);
}

TEST(ScenarioBlocks, NewsWeightsByName) {
    const Scenario s = test::load(std::string(two_regions) + R"(  - name: Aktau
news:
  perceived_support: 0.25
  weights:
    Aktau: {Zhanaozen: 0.5, Almaty: 0.125}
    Zhanaozen: {Aktau: 1}
)");
    // Rows receive, columns send: regions Zhanaozen, Almaty, Aktau.
    EXPECT_EQ(s.news.weights, (std::vector<double>{0, 0, 1, 0, 0, 0, 0.5, 0.125, 0}));
    EXPECT_EQ(s.model.news.perceived_support, 0.25); // the effect keys beside the weights
    const YAML::Node w = resolved_yaml(s)["news"]["weights"];
    EXPECT_EQ(w["Aktau"]["Zhanaozen"].Scalar(), "0.5");
    EXPECT_EQ(w["Aktau"]["Almaty"].Scalar(), "0.125");
    EXPECT_EQ(w["Zhanaozen"]["Aktau"].Scalar(), "1");
    EXPECT_FALSE(w["Almaty"]);
    // All zero is no coupling.
    const Scenario zero = test::load(std::string(two_regions) + "news:\n  weights: {Almaty: "
                                                                "{Zhanaozen: 0}}\n");
    EXPECT_TRUE(zero.news.weights.empty());
}

void expect_same_regions(const Scenario& a, const Scenario& b) {
    ASSERT_FALSE(a.regions.empty());
    ASSERT_FALSE(b.regions.empty());
    test::expect_same_scenario(a, b); // the regions too
}

TEST(ScenarioBlocks, PrintedRegionsRoundTrip) {
    const Scenario s = test::load(std::string(two_regions) + R"(  - name: Aktau
    legitimacy:
      feedback: {enabled: true, recovery: 0.5}
    population: {cops: 12}
    cops: {density_changes: [{from: 2, to: 6, ramp_to: 0.01}]}
news:
  weights: {Aktau: {Zhanaozen: 0.5}}
scale: {persons_per_agent: 3}
)");
    const std::string text = emit(s);
    const Scenario back = load_scenario_text(text, "resolved.yaml");
    expect_same_regions(s, back);
    EXPECT_EQ(emit(back), text);
    // Only what differs from the scenario's model is printed in a region.
    const YAML::Node regions = resolved_yaml(s)["regions"];
    EXPECT_EQ(regions[0]["grid"]["width"].Scalar(), "50");
    EXPECT_FALSE(regions[0]["grid"]["height"]);
    EXPECT_EQ(regions[0]["time_zone"].Scalar(), "+05:00");
    EXPECT_FALSE(regions[1]["time_zone"]);
    EXPECT_FALSE(regions[1]["grid"]);
}

// All the new blocks present but off: the same model as without them.
TEST(ScenarioBlocks, DisabledBlocksChangeNothing) {
    const std::string base = "name: a\nticks: 10\nlegitimacy: {initial: 0.7}\n";
    const Scenario without = test::load(base);
    const Scenario with =
        test::load(base + R"(news: {perceived_support: 0, grievance: 0, weights: {}}
scale: {persons_per_agent: 1}
regions: [{name: main}]
)");
    const Scenario with_feedback = test::load(
        "name: a\nticks: 10\nlegitimacy:\n  initial: 0.7\n  feedback: {enabled: false}\n");
    expect_same_regions(without, with);
    expect_same_regions(without, with_feedback);
    EXPECT_EQ(emit(without), emit(with));
    EXPECT_EQ(emit(without), emit(with_feedback));
}

TEST(ScenarioBlocks, BadRegions) {
    const std::string head = "name: a\nticks: 10\n";
    EXPECT_EQ(load_error(head + "regions:\n  - name: Al maty\n"),
              "s.yaml:4:11: regions[0].name: expected a name of letters, digits, '_' and '-', "
              "found 'Al maty'");
    EXPECT_EQ(load_error(head + "regions:\n  - name: \"\"\n"),
              "s.yaml:4:11: regions[0].name: expected a non-empty name of letters, digits, '_' "
              "and '-', found an empty string");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n  - name: y\n  - name: x\n"),
              "s.yaml:6:11: regions[2].name: expected a name no other region has, found 'x' "
              "again (first on line 4)");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    gird: {width: 3}\n"),
              "s.yaml:5:5: regions[0].gird: unknown key 'gird', did you mean 'grid'?");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    grid: {widht: 3}\n"),
              "s.yaml:5:12: regions[0].grid.widht: unknown key 'widht', did you mean 'width'?");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    news: {weights: {}}\n"),
              "s.yaml:5:12: regions[0].news.weights: unknown key 'weights', expected one of: "
              "perceived_support, grievance");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    seed: 3\n"),
              "s.yaml:5:5: regions[0].seed: unknown key 'seed', expected one of: name, time_zone, "
              "grid, population, vision, citizen, arrest, jail, movement, cops, legitimacy, "
              "activation, news, hardship, violence, gathering, mobilisation, casualties, sites, "
              "military");
    EXPECT_EQ(load_error(head + "regions:\n  - grid: {width: 3}\n"),
              "s.yaml:4:5: regions[0].name: expected a value for required key 'name', found "
              "none");
    EXPECT_EQ(load_error(head + "regions: []\n"),
              "s.yaml:3:10: regions: expected a list of at least one region, found an empty "
              "list");
    EXPECT_EQ(load_error(head + "regions: {name: x}\n"),
              "s.yaml:3:10: regions: expected a list of regions, found a mapping");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    time_zone: \"+6\"\n"),
              "s.yaml:5:16: regions[0].time_zone: expected a UTC offset such as +06:00, -03:30, "
              "+05 or UTC, found the quoted string \"+6\"");
}

// The checks across blocks are made in each region, at the region's keys.
TEST(ScenarioBlocks, ChecksPerRegion) {
    const std::string head = "name: a\nticks: 10\npopulation: {citizens: 1000, cops: 50}\n";
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    grid: {width: 20}\n"),
              // The region gives no population: reported at the region.
              "s.yaml:5:5: regions[0].population: expected at most 800 agents on the 20 x 40 "
              "grid, found 1000 citizens + 50 cops = 1050");
    EXPECT_EQ(load_error(head + "regions:\n  - name: x\n    population: {cops: 700}\n"),
              "s.yaml:6:24: regions[0].population.cops: expected at most 1600 agents on the 40 x "
              "40 grid, found 1000 citizens + 700 cops = 1700");
    EXPECT_EQ(load_error("name: a\nticks: 10\nregions:\n  - name: x\n    grid: {width: 9}\n"),
              "s.yaml:5:19: regions[0].grid.width: expected a vision reach of at most 4 on the 9 "
              "x 40 grid (2 reach + 1 <= 9), found radius 7 (reach 7)");
    EXPECT_EQ(load_error("name: a\nticks: 10\nlegitimacy: {initial: 0.5, changes: [{from: 1, "
                         "add_per_tick: 0.01}]}\nregions:\n  - name: x\n    legitimacy: "
                         "{initial: 0.95}\n"),
              "s.yaml:6:27: regions[0].legitimacy.initial: expected legitimacy to stay in [0, "
              "1] through tick 10, found 1.01 at tick 6");
}

TEST(ScenarioBlocks, BadWeights) {
    const std::string regions = "name: a\nticks: 10\nregions: [{name: x}, {name: y}]\n";
    EXPECT_EQ(load_error(regions + "news:\n  weights: {x: {z: 0.5}}\n"),
              "s.yaml:5:17: news.weights.x.z: unknown key 'z', did you mean 'x'?");
    EXPECT_EQ(load_error(regions + "news:\n  weights: {xx: {y: 0.5}}\n"),
              "s.yaml:5:13: news.weights.xx: unknown key 'xx', did you mean 'x'?");
    EXPECT_EQ(load_error(regions + "news:\n  weights: {x: {y: -0.5}}\n"),
              "s.yaml:5:20: news.weights.x.y: expected a number >= 0, found -0.5");
    EXPECT_EQ(load_error(regions + "news:\n  weights: {x: {x: 0.5}}\n"),
              "s.yaml:5:20: news.weights.x.x: expected a region other than 'x' (its own "
              "activity is not news), found 'x'");
    EXPECT_EQ(load_error(regions + "news:\n  weights: {x: {Almaty: 0.5}}\n"),
              "s.yaml:5:17: news.weights.x.Almaty: unknown key 'Almaty', expected one of: x, y");
    EXPECT_EQ(load_error(regions + "news:\n  weights: [1, 2]\n"),
              "s.yaml:5:12: news.weights: expected a mapping of region names, found a list");
    EXPECT_EQ(load_error(regions + "news:\n  weights: {x: {y: .inf}}\n"),
              "s.yaml:5:20: news.weights.x.y: expected a finite number, found .inf");
}

TEST(ScenarioBlocks, BadNewKeys) {
    const std::string head = "name: a\nticks: 10\n";
    EXPECT_EQ(load_error(head + "scale: {persons_per_agent: 0}\n"),
              "s.yaml:3:28: scale.persons_per_agent: expected an integer >= 1, found 0");
    EXPECT_EQ(load_error(head + "scale: {persons_per_agent: 2.5}\n"),
              "s.yaml:3:28: scale.persons_per_agent: expected an integer >= 1, found '2.5'");
    EXPECT_EQ(load_error(head + "news: {grievance: -1}\n"),
              "s.yaml:3:19: news.grievance: expected a number >= 0, found -1");
    EXPECT_EQ(load_error(head + "legitimacy: {feedback: {recovery: 2}}\n"),
              "s.yaml:3:35: legitimacy.feedback.recovery: expected a rate in [0, 1] per tick, "
              "found 2");
    EXPECT_EQ(load_error(head + "legitimacy: {feedback: {enable: true}}\n"),
              "s.yaml:3:25: legitimacy.feedback.enable: unknown key 'enable', did you mean "
              "'enabled'?");
    EXPECT_EQ(load_error(head + "legitimacy: {feedback: ~}\n"),
              "s.yaml:3:14: legitimacy.feedback: expected a mapping, found nothing (leave the "
              "key out to use the defaults)");
}

TEST(ScenarioBlocks, OverridesReachRegionsByName) {
    const Scenario s =
        test::load(two_regions, {"regions.Almaty.grid.width=80",
                                 "regions.Zhanaozen.legitimacy.feedback.enabled=true",
                                 "legitimacy.feedback.recovery=0.5", "news.perceived_support=0.5",
                                 "scale.persons_per_agent=10"});
    EXPECT_EQ(s.regions[1].model.grid.width, 80);
    EXPECT_EQ(s.regions[1].model.grid.height, 20);
    EXPECT_TRUE(s.regions[0].model.legitimacy.feedback.enabled);
    EXPECT_EQ(s.regions[0].model.legitimacy.feedback.recovery, 0.5);
    EXPECT_EQ(s.regions[1].model.news.perceived_support, 0.5);
    EXPECT_EQ(s.scale.persons_per_agent, 10.0);
    // A whole region, or the whole list.
    const Scenario whole = test::load(two_regions, {"regions.Almaty={name: Astana}"});
    EXPECT_EQ(whole.regions[1].name, "Astana");
    EXPECT_EQ(whole.regions[1].model.legitimacy.schedule.initial(), 0.8);
    const Scenario list = test::load(two_regions, {"regions=[{name: x}]"});
    ASSERT_EQ(list.regions.size(), 1u);
    EXPECT_EQ(list.regions[0].name, "x");
    EXPECT_EQ(load_error(two_regions, {"regions.Astana.grid.width=80"}),
              "--set:1:9: regions.Astana: expected the name of a region of the file (Zhanaozen, "
              "Almaty), found 'Astana'");
    EXPECT_EQ(load_error("name: a\nticks: 3\n", {"regions.Astana.grid.width=80"}),
              "--set:1:9: regions.Astana: expected the name of a region of the file, found "
              "'Astana' (the file has no regions: list)");
    EXPECT_EQ(load_error(two_regions, {"regions.Almaty.grid.widht=80"}),
              "--set:1:21: regions.Almaty.grid.widht: unknown key 'widht', did you mean "
              "'width'?");
    EXPECT_EQ(load_error(two_regions, {"regions[1].grid.width=80"}),
              "--set:1:8: regions: expected a region by its name (regions.NAME.key), found "
              "'[1]'");
    // Problems with the value are reported at the override, with the reader's path.
    EXPECT_EQ(load_error(two_regions, {"regions.Almaty.grid.width=0"}),
              "--set:1:27: regions[1].grid.width: expected an integer >= 1, found 0");
}

} // namespace
} // namespace unrest

namespace unrest {
namespace {

// The feedback's rates may be given per hour or per day with a calendar, converted once at load
// to per tick (linearly: 10-minute ticks are 1/6 of an hour and 1/144 of a day).
TEST(ScenarioBlocks, FeedbackRatesPerHourAndPerDayAreConvertedToPerTick) {
    const Scenario s = test::load(R"(name: a
calendar: {start: 2022-01-02T00:00, time_zone: "+06:00", tick: 10min, end: 2022-01-03T00:00}
legitimacy:
  initial: 0.8
  feedback: {enabled: true, arrest_sensitivity: {per_hour: 0.6}, recovery: 0.144/day}
)");
    EXPECT_EQ(s.run.ticks, 144);
    EXPECT_DOUBLE_EQ(s.model.legitimacy.feedback.arrest_sensitivity, 0.6 * 600.0 / 3600.0);
    EXPECT_DOUBLE_EQ(s.model.legitimacy.feedback.recovery, 0.144 * 600.0 / 86400.0);
    EXPECT_EQ(load_error("name: a\nticks: 5\nlegitimacy: {feedback: {recovery: 0.1/day}}\n"),
              "s.yaml:3:35: legitimacy.feedback.recovery: expected a rate per tick (date-times "
              "and durations need a `calendar:` block), found '0.1/day'");
    EXPECT_EQ(load_error("name: a\nticks: 5\nlegitimacy: {feedback: {recovery: 2}}\n"),
              "s.yaml:3:35: legitimacy.feedback.recovery: expected a rate in [0, 1] per tick, "
              "found 2");
}

} // namespace
} // namespace unrest
