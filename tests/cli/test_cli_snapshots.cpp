// `unrest run --snapshot-every`: snapshots.npz and snapshots.json (docs/outputs.md, Snapshots)
// from the real program on a small calendar scenario with sites, movement, violence and a
// contingent in two regions (tests/cli/data/snapshots/city.yaml), read back with an independent
// zip/npy reader (tests/output/npz_reader.hpp) and checked against timeseries.csv and sites.csv.
#include "../output/npz_reader.hpp"
#include "cli_test_util.hpp"

#include <gtest/gtest.h>
#include <map>

namespace unrest {
namespace {

using namespace cli_test;
using npz_test::NpyArray;

const int layers = 5;

std::string city() {
    return (source_dir() / "tests/cli/data/snapshots/city.yaml").string();
}

Result run_city(const fs::path& out, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"run", city(), "--out", out.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return unrest(args);
}

std::map<std::string, NpyArray> read_snapshots(const fs::path& dir) {
    return npz_test::read_npz(read_file(dir / "snapshots.npz"));
}

// One run every hour (6 ticks) over the 72 ticks: 13 frames, the last at the last tick.
class SnapshotFiles : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        tmp_ = new TempDir();
        const Result r = run_city(*tmp_ / "hourly", {"--snapshot-every", "1h", "--threads", "2"});
        ASSERT_EQ(r.status, 0) << describe(r);
        arrays_ = new std::map<std::string, NpyArray>(read_snapshots(*tmp_ / "hourly"));
    }
    static void TearDownTestSuite() {
        delete arrays_;
        delete tmp_;
    }
    static fs::path dir() { return *tmp_ / "hourly"; }
    static const NpyArray& array(const std::string& name) { return arrays_->at(name); }

    static TempDir* tmp_;
    static std::map<std::string, NpyArray>* arrays_;
};

TempDir* SnapshotFiles::tmp_ = nullptr;
std::map<std::string, NpyArray>* SnapshotFiles::arrays_ = nullptr;

TEST_F(SnapshotFiles, TheArchiveHoldsTheTicksAndEachRegionsFramesAndSites) {
    std::vector<std::string> names;
    for (const auto& [name, a] : *arrays_) {
        names.push_back(name);
        EXPECT_FALSE(a.fortran_order) << name;
    }
    // town-2 has no sites: no sites member.
    EXPECT_EQ(names,
              (std::vector<std::string>{"frames_city", "frames_town-2", "sites_city", "ticks"}));
    const NpyArray& ticks = array("ticks");
    EXPECT_EQ(ticks.descr, "<i8");
    ASSERT_EQ(ticks.shape, (std::vector<std::int64_t>{13}));
    for (std::size_t f = 0; f < 13; ++f) {
        EXPECT_EQ(ticks.i64(f), static_cast<std::int64_t>(6 * f));
    }
    EXPECT_EQ(array("frames_city").descr, "|u1");
    EXPECT_EQ(array("frames_city").shape, (std::vector<std::int64_t>{13, 5, 36, 48}));
    EXPECT_EQ(array("frames_town-2").shape, (std::vector<std::int64_t>{13, 5, 30, 20}));
    EXPECT_EQ(array("sites_city").descr, "|u1");
    EXPECT_EQ(array("sites_city").shape, (std::vector<std::int64_t>{13, 4}));
    // The archive's members in the documented order: ticks first, then per region.
    const std::vector<npz_test::ZipEntry> entries =
        npz_test::zip_entries(read_file(dir() / "snapshots.npz"));
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].name, "ticks.npy");
    EXPECT_EQ(entries[1].name, "frames_city.npy");
    EXPECT_EQ(entries[2].name, "sites_city.npy");
    EXPECT_EQ(entries[3].name, "frames_town-2.npy");
}

TEST_F(SnapshotFiles, EachLayersSumIsTheTimeseriesCountInAgents) {
    const Csv ts = read_csv(dir() / "timeseries.csv");
    std::map<std::pair<std::int64_t, std::string>, std::size_t> row_of;
    for (std::size_t i = 0; i < ts.rows.size(); ++i) {
        row_of[{ts.integer(i, "tick"), ts.rows[i][ts.column("region")]}] = i;
    }
    const char* columns[layers] = {"quiet", "active", "violent", "cops", "military"};
    std::array<std::int64_t, layers> seen{};
    for (const auto& [region, width, height] :
         std::vector<std::tuple<std::string, std::size_t, std::size_t>>{{"city", 48, 36},
                                                                        {"town-2", 20, 30}}) {
        const NpyArray& frames = array("frames_" + region);
        const std::size_t cells = width * height;
        for (std::size_t f = 0; f < 13; ++f) {
            const std::size_t row = row_of.at({static_cast<std::int64_t>(6 * f), region});
            for (int layer = 0; layer < layers; ++layer) {
                std::int64_t sum = 0;
                for (std::size_t c = 0; c < cells; ++c) {
                    const std::uint8_t n =
                        frames.u8((f * layers + static_cast<std::size_t>(layer)) * cells + c);
                    ASSERT_LT(n, 255) << "a saturated cell: the sums cannot be compared";
                    sum += n;
                }
                // timeseries.csv is in persons: 5 per agent.
                EXPECT_EQ(sum * 5, ts.integer(row, columns[layer]))
                    << region << " frame " << f << " layer " << columns[layer];
                seen[static_cast<std::size_t>(layer)] += sum;
            }
        }
    }
    // Every layer is populated at some frame: the checks above mean something.
    for (int layer = 0; layer < layers; ++layer) {
        EXPECT_GT(seen[static_cast<std::size_t>(layer)], 0) << columns[layer];
    }
}

TEST_F(SnapshotFiles, SiteStatusesFollowSitesCsv) {
    const Csv sites = read_csv(dir() / "sites.csv");
    ASSERT_EQ(sites.rows.size(), 4u);
    const NpyArray& status = array("sites_city");
    const std::vector<std::string> names = {"intact", "damaged", "seized", "burned"};
    bool seized = false;
    bool burned = false;
    for (std::size_t s = 0; s < 4; ++s) {
        // The last frame is the last tick (72): the final status of sites.csv.
        EXPECT_EQ(names.at(status.u8(12 * 4 + s)), sites.rows[s][sites.column("status")])
            << sites.rows[s][0];
        const std::int64_t seized_tick = sites.integer(s, "seized_tick");
        const std::int64_t burned_tick = sites.integer(s, "burned_tick");
        seized = seized || seized_tick > 0;
        burned = burned || burned_tick > 0;
        for (std::size_t f = 0; f < 13; ++f) {
            const std::int64_t tick = static_cast<std::int64_t>(6 * f);
            const std::uint8_t st = status.u8(f * 4 + s);
            EXPECT_EQ(st >= 2, seized_tick > 0 && seized_tick <= tick)
                << sites.rows[s][0] << " frame " << f;
            EXPECT_EQ(st == 3, burned_tick > 0 && burned_tick <= tick)
                << sites.rows[s][0] << " frame " << f;
            if (f > 0) {
                EXPECT_GE(st, status.u8((f - 1) * 4 + s)) << "a site's status never goes back";
            }
        }
    }
    EXPECT_TRUE(seized && burned) << "the scenario must seize and burn a site for this check";
}

TEST_F(SnapshotFiles, TheJsonDescribesFramesRegionsAndSites) {
    const nlohmann::json j = read_json(dir() / "snapshots.json");
    const auto ordered = nlohmann::ordered_json::parse(read_file(dir() / "snapshots.json"));
    std::vector<std::string> keys; // in the file's order
    for (const auto& [k, v] : ordered.items()) {
        keys.push_back(k);
    }
    EXPECT_EQ(keys,
              (std::vector<std::string>{"format", "version", "every_ticks", "layers", "site_status",
                                        "persons_per_agent", "frames", "regions"}));
    EXPECT_EQ(j["format"], "unrest-snapshots");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["every_ticks"], 6);
    EXPECT_EQ(j["persons_per_agent"], 5);
    // Each frame's time is the first region's local time of its tick in timeseries.csv.
    const Csv ts = read_csv(dir() / "timeseries.csv");
    std::map<std::int64_t, std::string> time_of;
    for (std::size_t i = 0; i < ts.rows.size(); ++i) {
        if (ts.rows[i][ts.column("region")] == "city") {
            time_of[ts.integer(i, "tick")] = ts.rows[i][ts.column("time")];
        }
    }
    ASSERT_EQ(j["frames"].size(), 13u);
    for (std::size_t f = 0; f < 13; ++f) {
        const nlohmann::json& frame = j["frames"][f];
        EXPECT_EQ(frame["frame"], f);
        EXPECT_EQ(frame["tick"], 6 * f);
        EXPECT_EQ(frame["time"], time_of.at(static_cast<std::int64_t>(6 * f))) << f;
    }
    // As in timeseries.csv, a tick shows the time it starts: tick 6 of 10-minute ticks from 00:00.
    EXPECT_EQ(j["frames"][1]["time"], "2022-01-05T00:50");
    EXPECT_EQ(j["regions"], nlohmann::json::parse(R"([
      {"name": "city", "width": 48, "height": 36, "cell_size_m": null, "origin": null,
       "utc_offset": "+06:00", "member": "frames_city", "sites_member": "sites_city",
       "sites": [{"name": "square", "type": "square", "x": 24, "y": 18},
                 {"name": "akimat", "type": "akimat", "x": 26, "y": 20},
                 {"name": "bank", "type": "bank", "x": 10, "y": 30},
                 {"name": "police", "type": "police_hq", "x": 40, "y": 5}]},
      {"name": "town-2", "width": 20, "height": 30, "cell_size_m": null, "origin": null,
       "utc_offset": "+05:00", "member": "frames_town-2", "sites_member": null, "sites": []}
    ])"));
}

TEST_F(SnapshotFiles, TheDictionaryAndTheManifestListTheFiles) {
    const nlohmann::json dict = read_json(dir() / "dictionary.json");
    std::vector<std::string> files;
    for (const auto& f : dict["files"]) {
        files.push_back(f["name"]);
    }
    EXPECT_NE(std::find(files.begin(), files.end(), "snapshots.npz"), files.end());
    EXPECT_NE(std::find(files.begin(), files.end(), "snapshots.json"), files.end());
    const nlohmann::json manifest = read_json(dir() / "manifest.json");
    const std::vector<std::string> listed = manifest["files"];
    EXPECT_NE(std::find(listed.begin(), listed.end(), "snapshots.npz"), listed.end());
    EXPECT_NE(std::find(listed.begin(), listed.end(), "snapshots.json"), listed.end());
}

TEST(SnapshotFlag, WithoutTheFlagNothingIsAdded) {
    const TempDir tmp;
    const Result r = run_city(tmp / "plain", {"--ticks", "3"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_FALSE(fs::exists(tmp / "plain" / "snapshots.npz"));
    EXPECT_FALSE(fs::exists(tmp / "plain" / "snapshots.json"));
    EXPECT_EQ(read_file(tmp / "plain" / "dictionary.json").find("snapshots"), std::string::npos);
}

TEST(SnapshotFlag, AnIntervalThatDoesNotDivideTheRunEndsAtItsLastMultiple) {
    const TempDir tmp;
    // 7 ticks = 70 minutes, in each of the three ways to say it; 72 ticks: frames at 0..70.
    for (const char* every : {"7", "7ticks", "70min"}) {
        const Result r = run_city(tmp / every, {"--snapshot-every", every, "--ticks", "72"});
        ASSERT_EQ(r.status, 0) << describe(r);
    }
    const NpyArray ticks = read_snapshots(tmp / "7").at("ticks");
    ASSERT_EQ(ticks.shape, (std::vector<std::int64_t>{11}));
    for (std::size_t f = 0; f < 11; ++f) {
        EXPECT_EQ(ticks.i64(f), static_cast<std::int64_t>(7 * f));
    }
    EXPECT_EQ(read_snapshots(tmp / "7").at("frames_city").shape,
              (std::vector<std::int64_t>{11, 5, 36, 48}));
    EXPECT_EQ(read_json(tmp / "7" / "snapshots.json")["frames"].back()["tick"], 70);
    for (const char* file : {"snapshots.npz", "snapshots.json"}) {
        EXPECT_EQ(read_file(tmp / "7ticks" / file), read_file(tmp / "7" / file)) << file;
        EXPECT_EQ(read_file(tmp / "70min" / file), read_file(tmp / "7" / file)) << file;
    }
}

TEST(SnapshotFlag, AnIntervalLongerThanTheRunGivesTheInitialFrameOnly) {
    const TempDir tmp;
    const Result r = run_city(tmp / "o", {"--snapshot-every", "1d", "--ticks", "10"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(read_snapshots(tmp / "o").at("ticks").shape, (std::vector<std::int64_t>{1}));
    EXPECT_EQ(read_json(tmp / "o" / "snapshots.json")["every_ticks"], 144);
}

TEST(SnapshotFlag, ModelIRunsHaveNoTimes) {
    const TempDir tmp;
    const Result r = unrest({"run", run2(), "--out", (tmp / "o").string(), "--quiet", "--ticks",
                             "10", "--snapshot-every", "5"});
    ASSERT_EQ(r.status, 0) << describe(r);
    const nlohmann::json j = read_json(tmp / "o" / "snapshots.json");
    EXPECT_EQ(j["frames"], nlohmann::json::parse(R"([{"frame": 0, "tick": 0},
        {"frame": 1, "tick": 5}, {"frame": 2, "tick": 10}])"));
    EXPECT_EQ(j["regions"][0]["name"], "main");
    EXPECT_TRUE(j["regions"][0]["utc_offset"].is_null());
    EXPECT_EQ(read_snapshots(tmp / "o").at("frames_main").shape,
              (std::vector<std::int64_t>{3, 5, 40, 40}));
}

TEST(SnapshotFlag, TheArchiveIsByteIdenticalFor1And2And4Threads) {
    const TempDir tmp;
    // Vision 2: tiles of 12 cells, so that the city's 48 x 36 grid is activated in parallel.
    for (const int threads : {1, 2, 4}) {
        const Result r = run_city(tmp / std::to_string(threads),
                                  {"--snapshot-every", "30min", "--set", "vision.radius=2",
                                   "--threads", std::to_string(threads)});
        ASSERT_EQ(r.status, 0) << describe(r);
    }
    for (const char* file : {"snapshots.npz", "snapshots.json"}) {
        EXPECT_EQ(read_file(tmp / "2" / file), read_file(tmp / "1" / file)) << file;
        EXPECT_EQ(read_file(tmp / "4" / file), read_file(tmp / "1" / file)) << file;
    }
}

TEST(SnapshotFlag, BadIntervalsAreRefusedBeforeAnythingIsWritten) {
    const TempDir tmp;
    struct Case {
        std::string scenario;
        std::string every;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {city(), "0", "found '0'"},
        {city(), "-1", "found '-1'"},
        {city(), "7min", "whole multiple of the tick (10min)"},
        {city(), "abc", "found 'abc'"},
        {city(), "1.5h", "found '1.5h'"},
        {city(), "", "found ''"},
        {run2(), "1h", "needs the scenario's calendar"},
    };
    for (const Case& c : cases) {
        const fs::path out = tmp / "out";
        const Result r = unrest(
            {"run", c.scenario, "--out", out.string(), "--quiet", "--snapshot-every", c.every});
        EXPECT_EQ(r.status, 2) << c.every << "\n" << describe(r);
        EXPECT_TRUE(r.err.starts_with("error: --snapshot-every: expected ")) << r.err;
        EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        expect_no_output(out);
    }
}

} // namespace
} // namespace unrest
