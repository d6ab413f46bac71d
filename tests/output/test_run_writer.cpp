// RunWriter: the files of a run from the records of every region, in persons.
#include "records.hpp"
#include "sim/output/dictionary.hpp"
#include "sim/output/metrics.hpp"
#include "sim/output/run_writer.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>

namespace unrest {
namespace {

namespace fs = std::filesystem;

struct TempDir {
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("unrest-run-writer-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

OutputLayout layout(bool calendar, std::int64_t persons_per_agent) {
    OutputLayout l;
    l.regions = {{"east", 360, 20}, {"west", 300, 30}};
    l.calendar.enabled = calendar;
    l.calendar.start = 1641060000; // 2022-01-01T18:00 UTC
    l.calendar.utc_offset_minutes = 360;
    l.calendar.tick_seconds = 12 * 3600;
    l.persons_per_agent = persons_per_agent;
    l.analysis = AnalysisSettings{50};
    return l;
}

void feed(RunWriter& writer) {
    using test::classic;
    for (Tick t = 0; t <= 3; ++t) {
        const auto n = static_cast<std::int64_t>(t);
        const std::vector<TickRecord> records{classic(t, 20 - n, n, 0, 2, n, 0, 0.75, 0),
                                              classic(t, 30, 0, 0, 3, 0, 0, 0.25, 1)};
        std::vector<EventRecord> events;
        if (t == 2) {
            events.push_back({2, 1, "legitimacy", "drop", "at", "legitimacy 0.5 -> 0.25"});
        }
        writer.add_tick(records, events);
    }
}

TEST(RunWriter, WritesEveryFileInPersons) {
    const TempDir dir;
    RunWriter writer(layout(true, 1000), dir.path);
    feed(writer);
    const auto summary = writer.finish();
    EXPECT_EQ(writer.files(), (std::vector<std::string>{"timeseries.csv", "daily.csv", "events.csv",
                                                        "dictionary.json"}));
    for (const std::string& f : writer.files()) {
        EXPECT_TRUE(fs::exists(dir.path / f)) << f;
    }
    const std::string ts = read(dir.path / "timeseries.csv");
    // Counts are multiplied by 1000, legitimacy is not.
    // (quiet, active, violent, jailed, injured, dead, cops, police x3, military x4, arrests,
    // releases, detained, casualty flows x7, damage x2, sites x3, armed, L, comms, news, fuel
    // price, force level, curfew.)
    EXPECT_NE(
        ts.find("\n3,east,2022-01-03T00:00,17000,3000,0,0,0,0,2000,0,0,0,0,0,0,0,3000,0,0,0,0,"
                "0,0,0,0,0,0,0,0,0,0,0,0.75,1,0,0,0,0\n"),
        std::string::npos)
        << ts;
    EXPECT_EQ(std::count(ts.begin(), ts.end(), '\n'), 1 + 4 * 2);
    const std::string daily = read(dir.path / "daily.csv");
    // east (+06:00), 12-hour ticks from local midnight: ticks 1-2 on Jan 2, tick 3 on Jan 3.
    EXPECT_NE(daily.find("\neast,2022-01-02,1,2,18000,2000,"), std::string::npos) << daily;
    EXPECT_NE(daily.find("\neast,2022-01-03,3,3,17000,3000,"), std::string::npos) << daily;
    EXPECT_EQ(read(dir.path / "events.csv"),
              "tick,time,region,type,id,phase,details\n"
              "2,2022-01-02T11:00,west,legitimacy,drop,at,legitimacy 0.5 -> 0.25\n");
    EXPECT_EQ(summary["citizens"], 50000);
    EXPECT_EQ(summary["totals"]["arrests"], 6000);
    EXPECT_EQ(summary["final"]["legitimacy"].get<double>(), (20 * 0.75 + 30 * 0.25) / 50);
    EXPECT_EQ(summary["regions"]["east"]["final"]["legitimacy"], 0.75);
    EXPECT_EQ(summary["regions"]["west"]["citizens"], 30000);

    const auto dictionary = nlohmann::json::parse(read(dir.path / "dictionary.json"));
    EXPECT_EQ(dictionary["metrics"].size(), metrics.size());
    EXPECT_EQ(dictionary["persons_per_agent"], 1000);
    EXPECT_EQ(dictionary["files"][0]["name"], "timeseries.csv");
    std::string header;
    for (const auto& c : dictionary["files"][0]["columns"]) {
        header += (header.empty() ? "" : ",") + c["name"].get<std::string>();
    }
    EXPECT_EQ(header, timeseries_csv_header(true));
}

TEST(RunWriter, WithoutACalendarNoDailyFileAndNoTimeColumn) {
    const TempDir dir;
    RunWriter writer(layout(false, 1), dir.path);
    feed(writer);
    writer.finish();
    EXPECT_EQ(writer.files(),
              (std::vector<std::string>{"timeseries.csv", "events.csv", "dictionary.json"}));
    EXPECT_FALSE(fs::exists(dir.path / "daily.csv"));
    EXPECT_EQ(read(dir.path / "timeseries.csv").rfind(timeseries_csv_header(false) + "\n", 0), 0U);
}

TEST(RunWriter, WithoutADirectoryOnlyTheSummary) {
    RunWriter writer(layout(false, 1), std::nullopt);
    feed(writer);
    EXPECT_EQ(writer.finish()["ticks"], 3);
    EXPECT_TRUE(writer.files().empty());
}

TEST(RunWriter, RecordsOutOfShapeAreRefused) {
    RunWriter writer(layout(false, 1), std::nullopt);
    const std::vector<TickRecord> one(1);
    EXPECT_THROW(writer.add_tick(one, {}), std::invalid_argument);
    std::vector<TickRecord> swapped(2);
    swapped[0].region = 1;
    swapped[1].region = 0;
    EXPECT_THROW(writer.add_tick(swapped, {}), std::invalid_argument);
    std::vector<TickRecord> late(2);
    late[1].region = 1;
    late[0].tick = late[1].tick = 1; // the first tick must be 0
    EXPECT_THROW(writer.add_tick(late, {}), std::invalid_argument);
}

} // namespace
} // namespace unrest
