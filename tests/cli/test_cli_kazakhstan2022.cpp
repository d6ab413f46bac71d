// The January 2022 scenarios (issue 8): each loads, and a run in which the crowd is active gives
// byte-identical outputs for 1, 2 and 4 threads. The runs are short (the first ticks of 4-5
// January brought forward to the start by --set), so that the suite stays fast.
#include "cli_test_util.hpp"

#include <gtest/gtest.h>

namespace unrest {
namespace {

using namespace cli_test;

// Brings the 4-5 January events of almaty.yaml to the first hours of the run: the protest
// (legitimacy shift) at tick 2, the organised group at tick 4, lethal force at tick 8.
const std::vector<std::string> early_almaty = {
    "--set",   "timeline.protests_spread.at=2022-01-02T00:10",
    "--set",   "violence.organised.arrival=2022-01-02T00:30",
    "--set",   "timeline.ato_lethal.at=2022-01-02T01:10",
    "--ticks", "24"};

Result run_threads(const TempDir& tmp, const std::string& scenario, const std::string& out,
                   int threads, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"run",
                                  (source_dir() / scenario).string(),
                                  "--out",
                                  (tmp / out).string(),
                                  "--quiet",
                                  "--threads",
                                  std::to_string(threads)};
    args.insert(args.end(), extra.begin(), extra.end());
    return unrest(args);
}

TEST(Kazakhstan2022, AlmatyIsByteIdenticalFor1And2And4Threads) {
    const TempDir tmp;
    for (const int threads : {1, 2, 4}) {
        const Result r = run_threads(tmp, "scenarios/kazakhstan2022/almaty.yaml",
                                     fmt::format("t{}", threads), threads, early_almaty);
        ASSERT_EQ(r.status, 0) << describe(r);
    }
    const std::string one = read_file(tmp / "t1" / "timeseries.csv");
    // The crowd is active in these ticks: the check means something.
    EXPECT_NE(one.find(",almaty,"), std::string::npos);
    for (const char* file :
         {"timeseries.csv", "daily.csv", "events.csv", "sites.csv", "comparison.csv"}) {
        EXPECT_EQ(read_file(tmp / "t2" / file), read_file(tmp / "t1" / file)) << file;
        EXPECT_EQ(read_file(tmp / "t4" / file), read_file(tmp / "t1" / file)) << file;
    }
}

TEST(Kazakhstan2022, TheEarlyRunIsActive) {
    const TempDir tmp;
    const Result r =
        run_threads(tmp, "scenarios/kazakhstan2022/almaty.yaml", "out", 2, early_almaty);
    ASSERT_EQ(r.status, 0) << describe(r);
    const nlohmann::json s = nlohmann::json::parse(read_file(tmp / "out" / "summary.json"));
    // Seed 2022: hundreds of actives and organised violent agents within 24 ticks.
    EXPECT_GT(s["activity"]["peak_active"].get<std::int64_t>(), 0);
    EXPECT_GT(s["final"]["violent"].get<std::int64_t>(), 0);
}

TEST(Kazakhstan2022, NationalIsByteIdenticalFor1And4Threads) {
    const TempDir tmp;
    const std::vector<std::string> early = {"--set", "timeline.protests_spread.at=2022-01-02T00:10",
                                            "--ticks", "12"};
    for (const int threads : {1, 4}) {
        const Result r = run_threads(tmp, "scenarios/kazakhstan2022/national.yaml",
                                     fmt::format("t{}", threads), threads, early);
        ASSERT_EQ(r.status, 0) << describe(r);
    }
    for (const char* file : {"timeseries.csv", "daily.csv", "events.csv", "sites.csv"}) {
        EXPECT_EQ(read_file(tmp / "t4" / file), read_file(tmp / "t1" / file)) << file;
    }
}

} // namespace
} // namespace unrest
