// One run's outputs end to end: the engine's records through RunWriter into the files, with a
// calendar and persons per agent set on a Model I scenario.
#include "sim/output/metrics.hpp"
#include "sim/output/timeseries.hpp"
#include "sim/run/single_run.hpp"
#include "sim/scenario/load.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>

namespace unrest {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string line; std::getline(s, line);) {
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) {
        out.push_back(cell);
    }
    return out;
}

struct TempDir {
    TempDir() {
        path = fs::temp_directory_path() /
               ("unrest-single-run-" + std::to_string(std::random_device{}()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
};

Scenario run2(Tick ticks) {
    Scenario s =
        load_scenario_file(fmt::format("{}/scenarios/epstein2002/run2.yaml", UNREST_SOURCE_DIR));
    s.run.ticks = ticks;
    return s;
}

TEST(SingleRun, PersonsPerAgentScalesCountsNotLegitimacy) {
    const TempDir plain_dir;
    const TempDir scaled_dir;
    Scenario plain = run2(20);
    Scenario scaled = plain;
    scaled.scale.persons_per_agent = 250;
    SingleRunOptions options;
    options.timeseries_dir = plain_dir.path;
    const auto plain_summary = simulate_scenario(plain, options);
    options.timeseries_dir = scaled_dir.path;
    const auto scaled_summary = simulate_scenario(scaled, options);

    const std::vector<std::string> a = lines(read(plain_dir.path / "timeseries.csv"));
    const std::vector<std::string> b = lines(read(scaled_dir.path / "timeseries.csv"));
    ASSERT_EQ(a.size(), 22U);
    ASSERT_EQ(a.size(), b.size());
    const std::vector<std::string> header = cells(a.front());
    for (std::size_t row = 1; row < a.size(); ++row) {
        const std::vector<std::string> x = cells(a[row]);
        const std::vector<std::string> y = cells(b[row]);
        for (const Metric& m : metrics) {
            const std::size_t i = static_cast<std::size_t>(
                std::find(header.begin(), header.end(), m.name) - header.begin());
            if (m.scaled) {
                EXPECT_EQ(std::stoll(y.at(i)), 250 * std::stoll(x.at(i))) << m.name;
            } else {
                EXPECT_EQ(y.at(i), x.at(i)) << m.name;
            }
        }
    }
    EXPECT_EQ(scaled_summary["citizens"], 250 * plain_summary["citizens"].get<std::int64_t>());
    EXPECT_EQ(scaled_summary["totals"]["arrests"],
              250 * plain_summary["totals"]["arrests"].get<std::int64_t>());
    EXPECT_EQ(scaled_summary["final"]["legitimacy"], plain_summary["final"]["legitimacy"]);
    EXPECT_EQ(scaled_summary["activity"]["mean_active_fraction"],
              plain_summary["activity"]["mean_active_fraction"]);
    EXPECT_EQ(scaled_summary["scale"]["persons_per_agent"], 250);
}

TEST(SingleRun, WithACalendarDailySumsMatchTheTicks) {
    const TempDir dir;
    Scenario s = run2(300);
    s.calendar.enabled = true;
    s.calendar.start = 1641060000; // 2022-01-02T00:00 at +06:00
    s.calendar.utc_offset_minutes = 360;
    s.calendar.tick_seconds = 600; // 10 minutes: 144 ticks a day
    if (!s.regions.empty()) {
        s.regions.front().utc_offset_minutes = 360;
    }
    SingleRunOptions options;
    options.timeseries_dir = dir.path;
    const auto summary = simulate_scenario(s, options);
    EXPECT_EQ(summary["calendar"]["time_zone"], "+06:00");

    const std::vector<std::string> ts = lines(read(dir.path / "timeseries.csv"));
    EXPECT_EQ(ts.front(), timeseries_csv_header(true));
    EXPECT_EQ(ts.at(1).rfind("0,main,2022-01-02T00:00,", 0), 0U) << ts.at(1);
    EXPECT_EQ(ts.at(146).rfind("145,main,2022-01-03T00:00,", 0), 0U) << ts.at(146);
    const std::vector<std::string> daily = lines(read(dir.path / "daily.csv"));
    // Ticks 1-144 on Jan 2, 145-288 on Jan 3, 289-300 on Jan 4.
    ASSERT_EQ(daily.size(), 4U);
    EXPECT_EQ(daily[1].rfind("main,2022-01-02,1,144,", 0), 0U) << daily[1];
    EXPECT_EQ(daily[2].rfind("main,2022-01-03,145,288,", 0), 0U) << daily[2];
    EXPECT_EQ(daily[3].rfind("main,2022-01-04,289,300,", 0), 0U) << daily[3];
    const std::vector<std::string> header = cells(ts.front());
    const std::vector<std::string> daily_header = cells(daily.front());
    const auto at = [](const std::vector<std::string>& h, std::string_view name) {
        return static_cast<std::size_t>(std::find(h.begin(), h.end(), name) - h.begin());
    };
    std::int64_t day_arrests = 0;
    for (std::size_t d = 1; d < daily.size(); ++d) {
        day_arrests += std::stoll(cells(daily[d]).at(at(daily_header, "arrests")));
    }
    std::int64_t tick_arrests = 0;
    for (std::size_t t = 1; t < ts.size(); ++t) {
        tick_arrests += std::stoll(cells(ts[t]).at(at(header, "arrests")));
    }
    EXPECT_EQ(day_arrests, tick_arrests);
    EXPECT_EQ(day_arrests, summary["totals"]["arrests"].get<std::int64_t>());
    // A day's jailed is its last tick's.
    EXPECT_EQ(cells(daily[2]).at(at(daily_header, "jailed")),
              cells(ts.at(1 + 288)).at(at(header, "jailed")));
}

} // namespace
} // namespace unrest
