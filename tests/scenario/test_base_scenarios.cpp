// Scenarios that change a base scenario (`base:` + `set:`, the counterfactuals of issue 8) and
// overrides that address a timeline event by its id (timeline.<id>.<key>).
#include "scenario_test_util.hpp"
#include "sim/timeline/timeline.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace unrest {
namespace {

namespace fs = std::filesystem;
using test::load_error;

const std::string base_text = R"(name: base
seed: 5
calendar: {start: 2022-01-02T00:00, time_zone: +06:00, tick: 1h, end: 2022-01-04T00:00}
grid: {width: 20, height: 20}
legitimacy: 0.8
timeline:
  - {type: legitimacy, id: shock, at: 2022-01-02T12:00, shift: -0.1}
  - {type: comms, id: cut, from: 2022-01-03T00:00, severity: 1}
)";

class BaseScenario : public testing::Test {
protected:
    BaseScenario()
        : dir_(fs::temp_directory_path() / ("unrest-base-" + std::to_string(::getpid()))) {
        fs::create_directories(dir_ / "sub");
        write("sub/base.yaml", base_text);
    }
    ~BaseScenario() override { fs::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return (dir_ / name).string();
    }
    static std::string error_of(const std::string& path) {
        try {
            load_scenario_file(path);
        } catch (const ScenarioError& e) {
            return e.what();
        }
        return "no error";
    }
    fs::path dir_;
};

const EventSpec& event(const Scenario& s, const std::string& id) {
    const EventSpec* e = s.timeline->find(id);
    if (e == nullptr) {
        throw std::logic_error("no event " + id);
    }
    return *e;
}

TEST_F(BaseScenario, ChangesOnlyWhatItSets) {
    const std::string path = write("cf.yaml", "base: sub/base.yaml\nname: cf\nseed: 9\nset:\n"
                                              "  timeline.cut.enabled: false\n"
                                              "  timeline.shock.shift: -0.3\n"
                                              "  grid.width: 30\n");
    const Scenario s = load_scenario_file(path);
    const Scenario b = load_scenario_file((dir_ / "sub/base.yaml").string());
    EXPECT_EQ(s.name, "cf");
    EXPECT_EQ(s.run.seed, 9U);
    EXPECT_EQ(s.model.grid.width, 30);
    EXPECT_EQ(s.model.grid.height, b.model.grid.height);
    EXPECT_EQ(s.run.ticks, b.run.ticks);
    EXPECT_FALSE(event(s, "cut").enabled);
    EXPECT_TRUE(event(b, "cut").enabled);
    EXPECT_EQ(event(s, "shock").params.number("shift"), -0.3);
    EXPECT_EQ(event(b, "shock").params.number("shift"), -0.1);
}

TEST_F(BaseScenario, ChainsAndCommandLineOverridesComeLast) {
    write("one.yaml", "base: sub/base.yaml\nset: {grid.width: 30}\n");
    const std::string two = write("two.yaml", "base: one.yaml\nset: {grid.height: 25}\n");
    const Scenario s = load_scenario_file(two, {"grid.width=40"});
    EXPECT_EQ(s.model.grid.width, 40);
    EXPECT_EQ(s.model.grid.height, 25);
    EXPECT_EQ(s.name, "base");
}

TEST_F(BaseScenario, ProblemsPointIntoTheFileThatMadeThem) {
    EXPECT_EQ(error_of(write("a.yaml", "base: sub/base.yaml\nset:\n  timeline.cut.severity: 3\n")),
              (dir_ / "a.yaml").string() +
                  ":3:26: timeline[1].severity: expected a probability in [0, 1], found 3");
    EXPECT_EQ(error_of(write("b.yaml", "base: sub/base.yaml\nset:\n  timeline.cutt.enabled: no\n")),
              (dir_ / "b.yaml").string() +
                  ":3:12: timeline.cutt: expected the id of a timeline event of the file (shock, "
                  "cut), found 'cutt'");
    EXPECT_EQ(error_of(write("c.yaml", "base: sub/base.yaml\ngrid: {width: 3}\n")),
              (dir_ / "c.yaml").string() +
                  ":2:1: grid: expected only name, description, seed and set beside base "
                  "(changes to the base scenario), found 'grid'");
    EXPECT_EQ(error_of(write("d.yaml", "base: d.yaml\n")),
              (dir_ / "d.yaml").string() +
                  ":1:7: base: expected a scenario that does not include this one, found "
                  "'d.yaml' (a cycle)");
    EXPECT_NE(error_of(write("e.yaml", "base: missing.yaml\n"))
                  .find(":1:7: base: expected a "
                        "readable scenario file"),
              std::string::npos);
    EXPECT_EQ(error_of(write("f.yaml", "base: sub/base.yaml\nset: [1]\n")),
              (dir_ / "f.yaml").string() +
                  ":2:6: set: expected a mapping of key paths to values (timeline.csto.enabled: "
                  "false)");
}

TEST(TimelineOverrides, AddressAnEventByItsId) {
    const Scenario s =
        test::load(base_text, {"timeline.shock.at=2022-01-03T06:00", "timeline.cut.enabled=false"});
    EXPECT_EQ(*event(s, "shock").at, 31); // 06:00 on the 3rd = the 31st hour from 00:00 on the 2nd
    EXPECT_FALSE(event(s, "cut").enabled);
    EXPECT_EQ(load_error(base_text, {"timeline.nope.enabled=false"}),
              "--set:1:10: timeline.nope: expected the id of a timeline event of the file (shock, "
              "cut), found 'nope'");
    EXPECT_EQ(load_error(base_text, {"timeline.shock.shfit=1"}),
              "--set:1:16: timeline.shock.shfit: unknown key 'shfit', did you mean 'shift'?");
    EXPECT_EQ(load_error(base_text, {"timeline.shock[0].shift=1"}),
              "--set:1:15: timeline.shock: expected an event by its id (timeline.ID.key), found "
              "'[0]'");
    EXPECT_EQ(load_error(base_text + "set: {grid.width: 3}\n"),
              "s.yaml:9:6: set: expected base: beside set: (set changes a base scenario)");
}

} // namespace
} // namespace unrest
