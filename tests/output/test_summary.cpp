#include "sim/output/summary.hpp"

#include <gtest/gtest.h>
#include <vector>

namespace unrest {
namespace {

std::vector<TickRecord> hand_made_run() {
    // tick, quiet, active, jailed, cops, arrests, releases, legitimacy (200 citizens)
    return {
        {0, 200, 0, 0, 10, 0, 0, 0.82},  {1, 193, 5, 2, 10, 2, 0, 0.82},
        {2, 135, 60, 5, 10, 3, 0, 0.82}, {3, 122, 70, 8, 10, 4, 1, 0.82},
        {4, 142, 50, 8, 10, 0, 0, 0.82}, {5, 186, 8, 6, 10, 0, 2, 0.82},
        {6, 142, 51, 7, 9, 1, 0, 0.7},
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
    EXPECT_EQ(j["final"].dump(),
              R"({"tick":6,"quiet":142,"active":51,"jailed":7,"cops":9,"legitimacy":0.7})");
    EXPECT_EQ(j["totals"].dump(), R"({"arrests":10,"releases":3})");
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

} // namespace
} // namespace unrest
