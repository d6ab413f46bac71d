// The forces' blocks: grid geography, sites (positions, defaults per type, checks), casualties,
// military, cops.withdrawal, and the agents reserved from the timeline's contingents.
#include "scenario_test_util.hpp"

#include <gtest/gtest.h>

using namespace unrest;
using unrest::test::load;
using unrest::test::load_error;

namespace {
const std::string base = "name: x\nticks: 5\n";
const std::string geo = "grid: {width: 60, height: 60, cell_size_m: 100, origin: {lat: 43.22, "
                        "lon: 76.90}}\n";
} // namespace

TEST(ForcesBlocks, SitesFromLatLonAndCellsWithTypeDefaults) {
    const Scenario s = load(base + geo +
                            "sites:\n  damage_rate: 0.02\n  list:\n"
                            "    - {name: akimat, type: akimat, lat: 43.238, lon: 76.945}\n"
                            "    - {name: gun, type: weapons_shop, x: 10, y: 12, value_usd: 3e5, "
                            "defence: 2}\n");
    const std::vector<SiteSpec>& sites = s.regions.front().model.sites.sites;
    ASSERT_EQ(sites.size(), 2U);
    // 0.045 deg east at 43.22 N: 3,646 m -> column 36; 0.018 deg north: 2,001 m -> row 20.
    EXPECT_EQ(sites[0].cell, 20 * 60 + 36);
    EXPECT_EQ(sites[0].value_usd, defaults_of(SiteType::akimat).value_usd);
    EXPECT_EQ(sites[0].defence, defaults_of(SiteType::akimat).defence);
    EXPECT_EQ(sites[1].cell, 12 * 60 + 10);
    EXPECT_EQ(sites[1].type, SiteType::weapons_shop);
    EXPECT_EQ(sites[1].value_usd, 3e5);
    EXPECT_EQ(sites[1].defence, 2.0);
    EXPECT_EQ(s.model.sites.damage_rate, 0.02);
}

TEST(ForcesBlocks, SiteErrors) {
    const std::string list = "sites:\n  list:\n";
    EXPECT_NE(load_error(base + list +
                         "    - {name: a, type: shop, x: 1, y: 1}\n"
                         "    - {name: a, type: bank, x: 2, y: 2}\n")
                  .find("a name not used by another site"),
              std::string::npos);
    EXPECT_NE(load_error(base + list + "    - {name: a, type: shop, x: 40, y: 1}\n")
                  .find("a column in [0, 40)"),
              std::string::npos);
    EXPECT_NE(load_error(base + list + "    - {name: a, type: shop, lat: 43, lon: 76}\n")
                  .find("grid.origin and grid.cell_size_m"),
              std::string::npos);
    EXPECT_NE(load_error(base + geo + list + "    - {name: a, type: shop, lat: 44, lon: 76.9}\n")
                  .find("a position inside the grid"),
              std::string::npos);
    EXPECT_NE(
        load_error(base + list + "    - {name: a, type: castle, x: 1, y: 1}\n").find("castle"),
        std::string::npos);
    EXPECT_NE(load_error(base + list + "    - {name: a, type: shop, x: 1}\n").find("both x and y"),
              std::string::npos);
}

TEST(ForcesBlocks, RatesAndDurationsWithACalendar) {
    const Scenario s =
        load("name: x\ncalendar: {start: 2022-01-05T00:00, tick: 10min, end: 2022-01-05T06:00}\n"
             "casualties: {enabled: true, lethal_rate: 0.6/hour, healing: 2h}\n"
             "cops: {withdrawal: {enabled: true, ratio: 2, rate: 0.6/hour, regroup: 1h}}\n"
             "military: {deterrence: 1, engage_rate: 0.6/hour, guard_weight: 4}\n");
    const ModelConfig& m = s.regions.front().model;
    EXPECT_TRUE(m.casualties.enabled);
    EXPECT_DOUBLE_EQ(m.casualties.lethal_rate, 0.1);
    EXPECT_EQ(m.casualties.healing, 12);
    EXPECT_TRUE(m.cops.withdrawal.enabled);
    EXPECT_DOUBLE_EQ(m.cops.withdrawal.rate, 0.1);
    EXPECT_EQ(m.cops.withdrawal.regroup, 6);
    EXPECT_EQ(m.military.guard_weight, 4.0);
    EXPECT_DOUBLE_EQ(m.military.engage_rate, 0.1);
}

TEST(ForcesBlocks, ContingentsReserveTheMostPresentAtOnce) {
    const Scenario s =
        load(base + "timeline:\n"
                    "  - {type: contingent, id: a, from: 1, to: 3, size: 100}\n"
                    "  - {type: contingent, id: b, from: 2, to: 4, size: 50, "
                    "frees_police: 30}\n"
                    "  - {type: contingent, id: c, from: 4, size: 70, frees_police: 5}\n");
    EXPECT_EQ(s.regions.front().model.military.reserve, 150); // a and b at tick 2
    EXPECT_EQ(s.regions.front().model.military.police_reserve, 30);
}

TEST(ForcesBlocks, DefaultsLeaveModelOne) {
    const Scenario s = load(base);
    const ModelConfig& m = s.regions.front().model;
    EXPECT_FALSE(m.casualties.enabled);
    EXPECT_FALSE(m.cops.withdrawal.enabled);
    EXPECT_TRUE(m.sites.sites.empty());
    EXPECT_EQ(m.military.reserve, 0);
    EXPECT_FALSE(m.grid.origin.has_value());
}

TEST(ForcesBlocks, PrintedScenarioReadsBackTheSame) {
    const Scenario s = load(base + geo +
                            "sites:\n  list:\n"
                            "    - {name: akimat, type: akimat, lat: 43.238, lon: 76.945}\n"
                            "casualties: {enabled: true}\ncops: {withdrawal: {enabled: true}}\n");
    YAML::Emitter out;
    out << resolved_yaml(s);
    const Scenario again = load(out.c_str());
    const ModelConfig& a = s.regions.front().model;
    const ModelConfig& b = again.regions.front().model;
    ASSERT_EQ(b.sites.sites.size(), 1U);
    EXPECT_EQ(a.sites.sites[0].cell, b.sites.sites[0].cell);
    EXPECT_EQ(a.grid.origin->lat, b.grid.origin->lat);
    EXPECT_EQ(a.casualties.healing, b.casualties.healing);
    EXPECT_TRUE(b.cops.withdrawal.enabled);
}
