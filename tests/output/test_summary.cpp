#include "records.hpp"
#include "sim/output/summary.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <span>
#include <string>
#include <vector>

namespace unrest {
namespace {

std::vector<TickRecord> hand_made_run() {
    // tick, quiet, active, jailed, cops, arrests, releases, legitimacy (200 citizens)
    using test::classic;
    return {
        classic(0, 200, 0, 0, 10, 0, 0, 0.82),  classic(1, 193, 5, 2, 10, 2, 0, 0.82),
        classic(2, 135, 60, 5, 10, 3, 0, 0.82), classic(3, 122, 70, 8, 10, 4, 1, 0.82),
        classic(4, 142, 50, 8, 10, 0, 0, 0.82), classic(5, 186, 8, 6, 10, 0, 2, 0.82),
        classic(6, 142, 51, 7, 9, 1, 0, 0.7),
    };
}

nlohmann::ordered_json summarise(const std::vector<TickRecord>& records) {
    SummaryAccumulator summary(AnalysisSettings{50}, 200);
    for (const TickRecord& r : records) {
        summary.add(r);
    }
    return summary.finish();
}

TEST(Summary, KeysInOrder) {
    const auto j = summarise(hand_made_run());
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) {
        keys.push_back(key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"ticks", "citizens", "final", "totals", "activity",
                                              "outbursts"}));
}

TEST(Summary, CountsAndActivity) {
    const auto j = summarise(hand_made_run());
    EXPECT_EQ(j["ticks"], 6);
    EXPECT_EQ(j["citizens"], 200);
    // Every metric that is not a flow, at the last tick, in registry order (the leading ones here;
    // the January 2022 metrics, all 0 in these records, follow).
    std::string leading;
    std::size_t count = 0;
    for (const auto& [key, value] : j["final"].items()) {
        if (++count <= 14) {
            leading += key + "=" + value.dump() + " ";
        }
    }
    EXPECT_EQ(leading, "tick=6 quiet=142 active=51 violent=0 jailed=7 injured=0 dead=0 cops=9 "
                       "police_injured=0 police_dead=0 police_withdrawn=0 military=0 "
                       "military_withdrawn=0 military_injured=0 ");
    std::size_t not_flows = 1; // tick
    std::size_t flows = 0;
    for (const Metric& m : metrics) {
        (m.daily == Reduction::sum ? flows : not_flows) += 1;
    }
    EXPECT_EQ(j["final"].size(), not_flows);
    EXPECT_EQ(j["final"]["legitimacy"], 0.7);
    EXPECT_EQ(j["final"]["comms"], 1.0);
    EXPECT_EQ(j["final"]["news"], 0.0);
    EXPECT_EQ(j["totals"].size(), flows);
    EXPECT_EQ(j["totals"]["arrests"], 10);
    EXPECT_EQ(j["totals"]["releases"], 3);
    EXPECT_EQ(j["totals"]["police_killed"], 0);
    const auto& a = j["activity"];
    // Ticks 1..6 (tick 0 excluded): actives 5 + 60 + 70 + 50 + 8 + 51 = 244.
    EXPECT_EQ(a["mean_active_fraction"].get<double>(), 244.0 / 1200.0);
    EXPECT_EQ(a["peak_active"], 70);
    EXPECT_EQ(a["peak_tick"], 3);
    EXPECT_EQ(a["peak_active_fraction"].get<double>(), 0.35);
    EXPECT_EQ(a["quiet_tick_actives"], 10);
    EXPECT_EQ(a["quiet_tick_fraction"].get<double>(), 2.0 / 6.0); // ticks 1 and 5
}

TEST(Summary, OutburstBlock) {
    const auto j = summarise(hand_made_run());
    const auto& o = j["outbursts"];
    EXPECT_EQ(o["threshold"], 50);
    EXPECT_EQ(o["definition"], outburst_definition);
    EXPECT_EQ(o["count"], 2);
    EXPECT_EQ(o["censored"], 1);
    EXPECT_EQ(o["total_activation"].dump(), R"({"n":1,"mean":180.0,"sd":null})");
    EXPECT_EQ(o["duration"].dump(), R"({"n":1,"mean":3.0,"sd":null})");
    EXPECT_EQ(o["waiting_time"].dump(), R"({"n":1,"mean":2.0,"sd":null})");
    EXPECT_EQ(o["inter_start_interval"].dump(), R"({"n":1,"mean":4.0,"sd":null})");
    EXPECT_EQ(o["list"].dump(),
              R"([{"start":2,"end":4,"duration":3,"total_activation":180,"peak":70,)"
              R"("censored":false},{"start":6,"end":6,"duration":1,"total_activation":51,)"
              R"("peak":51,"censored":true}])");
}

TEST(Summary, SameRecordsSameBytes) {
    EXPECT_EQ(summarise(hand_made_run()).dump(2), summarise(hand_made_run()).dump(2));
}

TEST(Summary, FinishDoesNotDisturbAccumulation) {
    const auto records = hand_made_run();
    SummaryAccumulator summary(AnalysisSettings{50}, 200);
    for (const TickRecord& r : records) {
        summary.add(r);
        (void)summary.finish(); // e.g. a progress report
    }
    EXPECT_EQ(summary.finish().dump(), summarise(records).dump());
}

TEST(Summary, InitialStateOnly) {
    const auto j = summarise({hand_made_run().front()});
    EXPECT_EQ(j["ticks"], 0);
    EXPECT_EQ(j["final"]["tick"], 0);
    EXPECT_TRUE(j["activity"]["mean_active_fraction"].is_null());
    EXPECT_TRUE(j["activity"]["peak_active"].is_null());
    EXPECT_TRUE(j["activity"]["quiet_tick_fraction"].is_null());
    EXPECT_EQ(j["outbursts"]["count"], 0);
    EXPECT_EQ(j["outbursts"]["list"].dump(), "[]");
}

OutputLayout two_regions() {
    OutputLayout layout;
    layout.regions = {{"Almaty", 360, 100}, {"Aktobe, west", 300, 300}};
    layout.analysis = AnalysisSettings{50};
    return layout;
}

TEST(RunSummary, WholeRunCombinesRegionsAndEachRegionHasItsOwnBlock) {
    const OutputLayout layout = two_regions();
    RunSummary summary(layout);
    using test::classic;
    const std::vector<TickRecord> t0{classic(0, 100, 0, 0, 5, 0, 0, 0.9, 0),
                                     classic(0, 300, 0, 0, 9, 0, 0, 0.5, 1)};
    const std::vector<TickRecord> t1{classic(1, 40, 60, 0, 5, 2, 0, 0.9, 0),
                                     classic(1, 290, 5, 5, 9, 5, 1, 0.5, 1)};
    summary.add(t0);
    summary.add(t1);
    const auto j = summary.finish();
    EXPECT_EQ(j["ticks"], 1);
    EXPECT_EQ(j["citizens"], 400);
    EXPECT_EQ(j["final"]["active"], 65);
    EXPECT_EQ(j["final"]["jailed"], 5);
    EXPECT_EQ(j["totals"]["arrests"], 7);
    EXPECT_EQ(j["totals"]["releases"], 1);
    // L weighted by citizens: (100 * 0.9 + 300 * 0.5) / 400.
    EXPECT_EQ(j["final"]["legitimacy"].get<double>(), (100 * 0.9 + 300 * 0.5) / 400);
    EXPECT_EQ(j["outbursts"]["count"], 1); // 65 actives > 50 overall
    EXPECT_EQ(j["scale"].dump(), R"({"persons_per_agent":1})");
    EXPECT_TRUE(j["calendar"].is_null());
    ASSERT_EQ(j["regions"].size(), 2U);
    const auto& almaty = j["regions"]["Almaty"];
    EXPECT_EQ(almaty["index"], 0);
    EXPECT_EQ(almaty["time_zone"], "+06:00");
    EXPECT_EQ(almaty["citizens"], 100);
    EXPECT_EQ(almaty["final"]["legitimacy"], 0.9);
    EXPECT_EQ(almaty["totals"]["arrests"], 2);
    EXPECT_EQ(almaty["totals"]["releases"], 0);
    EXPECT_EQ(almaty["outbursts"]["count"], 1);
    EXPECT_FALSE(almaty["outbursts"].contains("definition"));
    const auto& aktobe = j["regions"]["Aktobe, west"];
    EXPECT_EQ(aktobe["time_zone"], "+05:00");
    EXPECT_EQ(aktobe["final"]["active"], 5);
    EXPECT_EQ(aktobe["outbursts"]["count"], 0);
}

TEST(RunSummary, OneRegionHasTheWholeRunsNumbers) {
    OutputLayout layout;
    layout.regions = {{"main", 0, 200}};
    layout.analysis = AnalysisSettings{50};
    RunSummary summary(layout);
    for (const TickRecord& r : hand_made_run()) {
        summary.add(std::span<const TickRecord>(&r, 1));
    }
    const auto j = summary.finish();
    const auto classic = summarise(hand_made_run());
    for (const auto& [key, value] : classic.items()) {
        EXPECT_EQ(j[key].dump(), value.dump()) << key;
    }
    auto region = j["regions"]["main"];
    for (const char* key : {"citizens", "final", "totals", "activity"}) {
        EXPECT_EQ(region[key].dump(), classic[key].dump()) << key;
    }
}

TEST(RunSummary, CalendarIsDescribed) {
    OutputLayout layout;
    layout.regions = {{"main", 360, 10}};
    layout.calendar.enabled = true;
    layout.calendar.start = 1641081600; // 2022-01-02T00:00 UTC
    layout.calendar.utc_offset_minutes = 360;
    layout.calendar.tick_seconds = 600;
    layout.persons_per_agent = 50;
    RunSummary summary(layout);
    const auto j = summary.finish();
    EXPECT_EQ(j["calendar"].dump(),
              R"({"start":"2022-01-02T06:00","time_zone":"+06:00","tick_seconds":600})");
    EXPECT_EQ(j["scale"].dump(), R"({"persons_per_agent":50})");
    EXPECT_EQ(j["citizens"], 500);
}

TEST(SummaryMetricPaths, EveryNumericStatisticButTheSettings) {
    const std::vector<std::string>& paths = summary_metric_paths();
    ASSERT_FALSE(paths.empty());
    EXPECT_EQ(paths.front(), "ticks");
    EXPECT_EQ(paths.back(), "outbursts.inter_start_interval.sd");
    for (const std::string_view setting : summary_setting_paths) {
        EXPECT_EQ(std::find(paths.begin(), paths.end(), setting), paths.end()) << setting;
    }
    for (const Metric& m : metrics) {
        const std::string path =
            std::string(m.daily == Reduction::sum ? "totals." : "final.") + std::string(m.name);
        EXPECT_NE(std::find(paths.begin(), paths.end(), path), paths.end()) << path;
    }
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "outbursts.definition"), paths.end());
    EXPECT_EQ(std::find(paths.begin(), paths.end(), "outbursts.list"), paths.end());
}

} // namespace
} // namespace unrest
