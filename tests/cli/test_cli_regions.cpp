// Regions, the calendar, the timeline and news coupling end to end, on
// scenarios/examples/two_cities.yaml (issue 7): what the outputs say must follow from the
// equations and definitions in docs/outputs.md and MECHANISMS.md §10c, checked on the real program.
#include "cli_test_util.hpp"

#include <cmath>
#include <map>

namespace unrest::cli_test {
namespace {

using Tick = std::int64_t;

std::string two_cities() {
    return scenario_path("examples/two_cities.yaml").string();
}

// Runs `scenario` into tmp/label with `args`; the run must succeed.
fs::path run_ok(const TempDir& tmp, const std::string& label, const std::string& scenario,
                const std::vector<std::string>& args = {}) {
    const fs::path out = tmp / label;
    std::vector<std::string> all{"run", scenario, "--out", out.string(), "--quiet"};
    all.insert(all.end(), args.begin(), args.end());
    const Result r = unrest(all);
    EXPECT_EQ(r.status, 0) << label << ": " << describe(r);
    return out;
}

class TwoCities : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        tmp_ = new TempDir();
        out_ = new fs::path(run_ok(*tmp_, "two", two_cities()));
    }
    static void TearDownTestSuite() {
        delete out_;
        delete tmp_;
    }
    static TempDir* tmp_;
    static fs::path* out_;
};
TempDir* TwoCities::tmp_ = nullptr;
fs::path* TwoCities::out_ = nullptr;

// News N_r = s_r sum_{r' != r} W[r][r'] s_r' A_r' / Pop_r' (MECHANISMS.md §10c), computed at the
// end of each tick from that tick's counts: with W = 1 both ways, each region's news is its own
// comms times the other's comms times the other's active fraction. The communications cut in
// East (severity 1, 2022-01-05T18:00 to 2022-01-07T12:00) must silence the coupling both ways
// while it lasts, and only then.
TEST_F(TwoCities, ACommunicationsCutSilencesTheNewsBothWays) {
    const Csv ts = read_csv(*out_ / "timeseries.csv");
    ASSERT_EQ(ts.rows.size(), 2U * 865U); // ticks 0..864, two regions
    std::size_t cut_ticks = 0;
    std::size_t coupled_ticks_with_news = 0;
    for (std::size_t i = 2; i + 1 < ts.rows.size(); i += 2) { // rows: West, East for each tick
        const std::size_t west = i;
        const std::size_t east = i + 1;
        ASSERT_EQ(ts.rows[west][ts.column("region")], "West");
        ASSERT_EQ(ts.rows[east][ts.column("region")], "East");
        auto fraction = [&](std::size_t row) {
            const double citizens =
                ts.number(row, "quiet") + ts.number(row, "active") + ts.number(row, "jailed");
            return ts.number(row, "active") / citizens;
        };
        const double s_west = ts.number(west, "comms");
        const double s_east = ts.number(east, "comms");
        const double expect_west = s_west * s_east * fraction(east);
        const double expect_east = s_east * s_west * fraction(west);
        EXPECT_NEAR(ts.number(west, "news"), expect_west, 1e-12) << "tick " << ts.rows[west][0];
        EXPECT_NEAR(ts.number(east, "news"), expect_east, 1e-12) << "tick " << ts.rows[east][0];
        const Tick tick = ts.integer(west, "tick");
        const bool in_cut = tick >= 541 && tick < 793; // 2022-01-05T18:00 .. 2022-01-07T12:00
        EXPECT_EQ(s_east, in_cut ? 0.0 : 1.0) << "tick " << tick;
        EXPECT_EQ(s_west, 1.0);
        if (in_cut) {
            ++cut_ticks;
            EXPECT_EQ(ts.number(west, "news"), 0.0) << "tick " << tick;
            EXPECT_EQ(ts.number(east, "news"), 0.0) << "tick " << tick;
        } else if (ts.number(west, "news") > 0.0 && ts.number(east, "news") > 0.0) {
            ++coupled_ticks_with_news;
        }
    }
    EXPECT_EQ(cut_ticks, 793U - 541U);
    // Outside the cut the regions do hear each other (Model I at run 2's values always has some
    // actives: checked, not assumed).
    EXPECT_GT(coupled_ticks_with_news, 100U);
}

// daily.csv: one row per region and local day (West on UTC+5, East on UTC+6); a flow (arrests,
// releases) is the sum of the day's ticks, a stock (jailed, active, ...) the day's last tick.
TEST_F(TwoCities, DailyRowsAreTheSumsAndLastValuesOfTheTicksOfEachLocalDay) {
    const Csv ts = read_csv(*out_ / "timeseries.csv");
    const Csv daily = read_csv(*out_ / "daily.csv");
    std::map<std::pair<std::string, std::string>, std::int64_t> arrests;
    std::map<std::pair<std::string, std::string>, std::string> last_jailed;
    std::map<std::pair<std::string, std::string>, std::pair<Tick, Tick>> ticks;
    for (std::size_t i = 0; i < ts.rows.size(); ++i) {
        const Tick t = ts.integer(i, "tick");
        if (t == 0) {
            continue; // the initial state belongs to no day
        }
        const std::string& region = ts.rows[i][ts.column("region")];
        const std::string day = ts.rows[i][ts.column("time")].substr(0, 10); // local start
        const auto key = std::pair{region, day};
        arrests[key] += ts.integer(i, "arrests");
        last_jailed[key] = ts.rows[i][ts.column("jailed")];
        auto [it, fresh] = ticks.try_emplace(key, t, t);
        it->second.second = t;
    }
    ASSERT_EQ(daily.rows.size(), arrests.size());
    std::int64_t total = 0;
    for (std::size_t i = 0; i < daily.rows.size(); ++i) {
        const auto key =
            std::pair{daily.rows[i][daily.column("region")], daily.rows[i][daily.column("date")]};
        ASSERT_TRUE(arrests.contains(key)) << key.first << " " << key.second;
        EXPECT_EQ(daily.integer(i, "arrests"), arrests[key]) << key.first << " " << key.second;
        EXPECT_EQ(daily.rows[i][daily.column("jailed")], last_jailed[key]);
        EXPECT_EQ(daily.integer(i, "first_tick"), ticks[key].first);
        EXPECT_EQ(daily.integer(i, "last_tick"), ticks[key].second);
        total += daily.integer(i, "arrests");
    }
    // Six days from 2022-01-02T00:00 (UTC+6): East has days 2..7 January; West, an hour behind,
    // starts on the 1st at 23:00 (ticks 1-6) and ends on the 7th.
    EXPECT_EQ(ticks.at({"East", "2022-01-02"}), (std::pair<Tick, Tick>{1, 144}));
    EXPECT_EQ(ticks.at({"West", "2022-01-01"}), (std::pair<Tick, Tick>{1, 6}));
    EXPECT_EQ(ticks.at({"West", "2022-01-02"}), (std::pair<Tick, Tick>{7, 150}));
    EXPECT_EQ(ticks.at({"West", "2022-01-07"}), (std::pair<Tick, Tick>{727, 864}));
    const nlohmann::json summary = read_json(*out_ / "summary.json");
    EXPECT_EQ(total, summary["totals"]["arrests"].get<std::int64_t>());
}

// events.csv lists every timeline event applied, in each region's local time.
TEST_F(TwoCities, EventsCsvListsWhatWasApplied) {
    EXPECT_EQ(read_file(*out_ / "events.csv"),
              "tick,time,region,type,id,phase,details\n"
              "1,2022-01-01T23:00,West,price,lpg_price,at,fuel_price unset -> 120\n"
              "361,2022-01-04T11:00,West,legitimacy,shock,at,legitimacy 0.82 -> 0.76\n"
              "361,2022-01-04T12:00,East,legitimacy,shock,at,legitimacy 0.82 -> 0.76\n"
              "541,2022-01-05T18:00,East,comms,east_cut,start,comms 1 -> 0\n"
              "793,2022-01-07T12:00,East,comms,east_cut,end,comms 0 -> 1\n");
}

// Counts are in persons: 10 per agent here, so every count is a multiple of 10 and legitimacy is
// not scaled.
TEST_F(TwoCities, CountsAreInPersons) {
    const Csv ts = read_csv(*out_ / "timeseries.csv");
    for (std::size_t i = 0; i < ts.rows.size(); ++i) {
        for (const char* column : {"quiet", "active", "jailed", "cops", "arrests"}) {
            EXPECT_EQ(ts.integer(i, column) % 10, 0) << column << " row " << i;
        }
    }
    EXPECT_EQ(ts.rows.front()[ts.column("legitimacy")], "0.82");
    // West: round(0.72 x 3600) = 2592 citizens, 25920 persons; East: 0.7 x 3600 = 2520.
    EXPECT_EQ(ts.integer(0, "quiet"), 25920);
    EXPECT_EQ(ts.integer(1, "quiet"), 25200);
}

// With every new block present but off (one region named main, no news weights, news effects 0,
// feedback off, one person per agent, a timeline whose only event is disabled), run 2 gives the
// same bytes as the classic file.
TEST(NewBlocksOff, GiveTheClassicBytes) {
    const TempDir tmp;
    const std::string classic = read_file(run2());
    const std::string legitimacy = "legitimacy: 0.82\n";
    ASSERT_NE(classic.find(legitimacy), std::string::npos);
    std::string text = classic;
    text.replace(text.find(legitimacy), legitimacy.size(),
                 "legitimacy: {initial: 0.82, feedback: {enabled: false, "
                 "arrest_sensitivity: 0, recovery: 0}}\n");
    const fs::path with_blocks = tmp / "run2_with_blocks.yaml";
    write_file(with_blocks,
               text + "regions:\n  - {name: main}\n"
                      "news: {perceived_support: 0, grievance: 0, weights: {}}\n"
                      "scale: {persons_per_agent: 1}\n"
                      "timeline:\n"
                      "  - {type: legitimacy, id: never, at: 10, set: 0.1, enabled: false}\n");
    const std::vector<std::string> args{"--ticks", "300"};
    const fs::path a = run_ok(tmp, "classic", run2(), args);
    const fs::path b = run_ok(tmp, "blocks", with_blocks.string(), args);
    for (const char* file : {"timeseries.csv", "summary.json", "events.csv"}) {
        EXPECT_EQ(read_file(a / file), read_file(b / file)) << file;
    }
    EXPECT_FALSE(read_file(a / "timeseries.csv").empty());
}

} // namespace
} // namespace unrest::cli_test
