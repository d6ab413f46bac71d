#include "sim/output/manifest.hpp"
#include "unrest/build_info.hpp"

#include <charconv>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <limits>
#include <string>
#include <vector>

namespace unrest {
namespace {

using nlohmann::ordered_json;

std::vector<std::string> keys_of(const ordered_json& j) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) {
        keys.push_back(key);
    }
    return keys;
}

TEST(YamlToJson, TypedScalarsInOrder) {
    const YAML::Node node = YAML::Load(R"(
zeta: 3
alpha: -12
big: 18446744073709551615
real: 0.81999999999999995
exponent: 1e-3
plus: +5
infinite: .inf
negative_infinite: -.inf
not_a_number: .nan
yes: true
no: False
word: moore
quoted: "42"
word_inf: inf
nothing: ~
empty:
list: [1, 2.5, disc]
nested: {b: 1, a: 2}
)");
    const ordered_json j = yaml_to_json(node);
    EXPECT_EQ(keys_of(j), (std::vector<std::string>{
                              "zeta", "alpha", "big", "real", "exponent", "plus", "infinite",
                              "negative_infinite", "not_a_number", "yes", "no", "word", "quoted",
                              "word_inf", "nothing", "empty", "list", "nested"}));
    EXPECT_EQ(j.dump(),
              R"({"zeta":3,"alpha":-12,"big":18446744073709551615,"real":0.82,"exponent":0.001,)"
              R"("plus":5,"infinite":"inf","negative_infinite":"-inf","not_a_number":"nan",)"
              R"("yes":true,"no":false,"word":"moore","quoted":"42","word_inf":"inf",)"
              R"("nothing":null,"empty":null,"list":[1,2.5,"disc"],"nested":{"b":1,"a":2}})");
    EXPECT_TRUE(j["zeta"].is_number_integer());
    EXPECT_TRUE(j["real"].is_number_float());
    EXPECT_TRUE(j["list"][0].is_number_integer());
}

TEST(YamlToJson, NodesBuiltInCode) {
    YAML::Node node;
    node["radius"] = 7.0;
    node["width"] = 40;
    node["term"] = std::numeric_limits<double>::infinity();
    node["shape"] = "disc";
    node["flag"] = true;
    node["description"] = "";
    // yaml-cpp writes 7.0 as "7": the type is not in the text, so it reads back as an integer.
    EXPECT_EQ(yaml_to_json(node).dump(),
              R"({"radius":7,"width":40,"term":"inf","shape":"disc","flag":true,)"
              R"("description":""})");
}

Provenance sample_provenance() {
    Provenance p;
    p.scenario_file = "scenarios/epstein_run2.yaml";
    p.scenario_sha256 = std::string(64, 'a');
    p.seed = 18446744073709551615ULL;
    p.ticks = 3000;
    p.threads = 8;
    p.wall_seconds = 1.5;
    p.started_utc = "2024-01-06T12:00:00Z";
    p.overrides = {"run.seed=7", "legitimacy=0.8"};
    p.command_line = "unrest run scenarios/epstein_run2.yaml --threads 8";
    p.files = {"manifest.json", "summary.json", "timeseries.csv"};
    return p;
}

// Calls `visit` on every leaf of `j`.
void for_each_leaf(const ordered_json& j, const std::function<void(const ordered_json&)>& visit) {
    if (j.is_structured()) {
        for (const auto& element : j) {
            for_each_leaf(element, visit);
        }
    } else {
        visit(j);
    }
}

TEST(Manifest, KeysAndProvenance) {
    Scenario scenario;
    scenario.name = "hand-made";
    scenario.run.seed = 7;
    scenario.run.ticks = 3000;
    const ordered_json j = manifest_json(scenario, sample_provenance());
    EXPECT_EQ(keys_of(j), (std::vector<std::string>{"program", "run", "files", "parameters"}));
    EXPECT_EQ(j["files"].dump(), R"(["manifest.json","summary.json","timeseries.csv"])");
    EXPECT_EQ(keys_of(j["program"]), (std::vector<std::string>{"version", "git_revision",
                                                               "build_type", "compiler", "flags"}));
    EXPECT_EQ(j["program"]["version"], build_info::version);
    EXPECT_EQ(j["program"]["git_revision"], build_info::git_revision);
    EXPECT_EQ(keys_of(j["run"]),
              (std::vector<std::string>{"scenario_name", "scenario_file", "scenario_sha256", "seed",
                                        "ticks", "threads", "started_utc", "wall_seconds",
                                        "overrides", "command_line"}));
    EXPECT_EQ(j["run"]["scenario_name"], "hand-made");
    EXPECT_EQ(j["run"]["seed"].dump(), "18446744073709551615");
    EXPECT_EQ(j["run"]["ticks"], 3000);
    EXPECT_EQ(j["run"]["threads"], 8);
    EXPECT_EQ(j["run"]["wall_seconds"], 1.5);
    EXPECT_EQ(j["run"]["overrides"].dump(), R"(["run.seed=7","legitimacy=0.8"])");
}

TEST(Manifest, ParametersAreTyped) {
    Scenario scenario;
    scenario.name = "hand-made";
    const ordered_json params = manifest_json(scenario, sample_provenance())["parameters"];
    ASSERT_TRUE(params.is_object());
    EXPECT_FALSE(params.empty());
    bool has_width = false;      // grid width 40, an integer
    bool has_legitimacy = false; // L = 0.82, a double
    for_each_leaf(params, [&](const ordered_json& leaf) {
        if (leaf.is_number_integer() && leaf.get<std::int64_t>() == 40) {
            has_width = true;
        }
        if (leaf.is_number_float() && leaf.get<double>() == 0.82) {
            has_legitimacy = true;
        }
        if (leaf.is_string()) { // no number or bool left as text
            const auto& s = leaf.get_ref<const std::string&>();
            double d = 0.0;
            const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), d);
            EXPECT_FALSE(error == std::errc() && end == s.data() + s.size() && std::isfinite(d))
                << s;
            EXPECT_NE(s, "true");
            EXPECT_NE(s, "false");
        }
    });
    EXPECT_TRUE(has_width);
    EXPECT_TRUE(has_legitimacy);
}

} // namespace
} // namespace unrest
