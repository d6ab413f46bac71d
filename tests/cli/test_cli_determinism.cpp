// Reproducibility (byte-identical outputs across thread counts and repeated runs), the manifest's
// provenance, and --set overrides.
#include "cli_test_util.hpp"
#include "sim/output/timeseries.hpp"

#include <regex>

namespace unrest::cli_test {
namespace {

struct Outputs {
    std::string timeseries;
    std::string summary;
    nlohmann::json manifest;
};

// Runs run2.yaml with `args` into tmp/label and returns its outputs.
Outputs run_ok(const TempDir& tmp, const std::string& label, std::vector<std::string> args,
               const std::string& scenario = run2()) {
    const fs::path out = tmp / label;
    std::vector<std::string> all{"run", scenario, "--out", out.string(), "--quiet"};
    all.insert(all.end(), args.begin(), args.end());
    const Result r = unrest(all);
    EXPECT_EQ(r.status, 0) << label << ": " << describe(r);
    Outputs o;
    o.timeseries = read_file(out / "timeseries.csv");
    o.summary = read_file(out / "summary.json");
    const std::string manifest = read_file(out / "manifest.json");
    o.manifest = manifest.empty() ? nlohmann::json() : nlohmann::json::parse(manifest);
    return o;
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

void expect_reproducible(const std::string& label, const std::vector<std::string>& args,
                         std::size_t expected_rows) {
    SCOPED_TRACE(label);
    const TempDir tmp;
    const Outputs one = run_ok(tmp, "t1", with(args, {"--threads", "1"}));
    ASSERT_FALSE(one.timeseries.empty());
    EXPECT_EQ(std::count(one.timeseries.begin(), one.timeseries.end(), '\n'),
              static_cast<std::ptrdiff_t>(expected_rows + 1));
    EXPECT_EQ(one.manifest["run"]["threads"], 1);
    for (const int threads : {2, 4}) {
        SCOPED_TRACE(fmt::format("--threads {}", threads));
        const Outputs many = run_ok(tmp, fmt::format("t{}", threads),
                                    with(args, {"--threads", std::to_string(threads)}));
        EXPECT_TRUE(many.timeseries == one.timeseries) << "timeseries.csv differs from 1 thread";
        EXPECT_TRUE(many.summary == one.summary) << "summary.json differs from 1 thread";
        EXPECT_EQ(many.manifest["run"]["threads"], threads);
        EXPECT_EQ(many.manifest["parameters"], one.manifest["parameters"]);
    }
    const Outputs again = run_ok(tmp, "again", with(args, {"--threads", "2"}));
    EXPECT_TRUE(again.timeseries == one.timeseries) << "the same run twice differs";
    EXPECT_TRUE(again.summary == one.summary) << "the same run twice differs";

    const Outputs other = run_ok(tmp, "other-seed", with(args, {"--threads", "2", "--seed", "77"}));
    EXPECT_FALSE(other.timeseries == one.timeseries) << "--seed 77 changes nothing";
    EXPECT_EQ(other.manifest["run"]["seed"], 77);
    EXPECT_EQ(other.manifest["parameters"]["seed"], 77);
}

TEST(CliDeterminism, Run2IsByteIdenticalAcrossThreadsAndRepeats) {
    expect_reproducible("run2", {"--ticks", "200"}, 201);
}

TEST(CliDeterminism, SimultaneousActivationIsByteIdenticalAcrossThreadsAndRepeats) {
    expect_reproducible("simultaneous", {"--ticks", "200", "--set", "activation.mode=simultaneous"},
                        201);
}

TEST(CliDeterminism, LargeTiledGridIsByteIdenticalAcrossThreadsAndRepeats) {
    expect_reproducible("150 x 150",
                        {"--ticks", "60", "--set", "grid.width=150", "--set", "grid.height=150",
                         "--set", "vision.radius=3"},
                        61);
}

TEST(CliDeterminism, SeedGivenInTheFileOrOnTheCommandLineIsTheSameRun) {
    const TempDir tmp;
    const Outputs by_option = run_ok(tmp, "option", {"--ticks", "50", "--seed", "5"});
    const Outputs by_set = run_ok(tmp, "set", {"--ticks", "50", "--set", "seed=5"});
    EXPECT_TRUE(by_option.timeseries == by_set.timeseries);
    EXPECT_TRUE(by_option.summary == by_set.summary);
    const Outputs largest =
        run_ok(tmp, "largest", {"--ticks", "5", "--seed", "18446744073709551615"});
    EXPECT_EQ(largest.manifest["run"]["seed"].get<std::uint64_t>(), 18446744073709551615ULL);
}

std::string sha256_of(const fs::path& file) {
    if (!have_program("sha256sum")) {
        return {};
    }
    const Result r = run_shell(fmt::format("sha256sum {}", shell_quote(file.string())));
    return r.status == 0 ? r.out.substr(0, 64) : std::string();
}

TEST(CliManifest, RecordsProvenanceAndEveryParameter) {
    const TempDir tmp;
    const Outputs o = run_ok(tmp, "out", {"--ticks", "20", "--threads", "2"});
    const nlohmann::json& m = o.manifest;
    ASSERT_TRUE(m.is_object());

    // program
    const Result version = unrest({"--version"});
    EXPECT_EQ(m["program"]["version"], "0.1.0");
    const std::string revision = m["program"]["git_revision"].get<std::string>();
    EXPECT_FALSE(revision.empty());
    EXPECT_NE(version.out.find(fmt::format("(git {},", revision)), std::string::npos)
        << "manifest revision " << revision << " vs " << version.out;
    for (const char* key : {"build_type", "compiler", "flags"}) {
        EXPECT_TRUE(m["program"].contains(key)) << key;
    }

    // run
    const nlohmann::json& run = m["run"];
    EXPECT_EQ(run["scenario_name"], "epstein2002-run2");
    EXPECT_EQ(run["scenario_file"], run2());
    const std::string sha = run["scenario_sha256"].get<std::string>();
    EXPECT_TRUE(std::regex_match(sha, std::regex("[0-9a-f]{64}"))) << sha;
    if (const std::string expected = sha256_of(run2()); !expected.empty()) {
        EXPECT_EQ(sha, expected);
    }
    EXPECT_EQ(run["seed"], 2002);
    EXPECT_EQ(run["ticks"], 20);
    EXPECT_EQ(run["threads"], 2);
    EXPECT_TRUE(std::regex_match(run["started_utc"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
        << run["started_utc"];
    EXPECT_TRUE(run["wall_seconds"].is_number());
    EXPECT_GE(run["wall_seconds"].get<double>(), 0.0);
    EXPECT_EQ(run["overrides"], nlohmann::json::array());
    const std::string command_line = run["command_line"].get<std::string>();
    EXPECT_NE(command_line.find("--ticks 20"), std::string::npos) << command_line;
    EXPECT_NE(command_line.find(run2()), std::string::npos) << command_line;

    // parameters: typed values, defaults filled in, --ticks applied
    const nlohmann::json& p = m["parameters"];
    EXPECT_EQ(p["name"], "epstein2002-run2");
    EXPECT_EQ(p["ticks"], 20);
    EXPECT_EQ(p["seed"], 2002);
    EXPECT_TRUE(p["vision"]["radius"].is_number_integer()) << p["vision"]["radius"];
    EXPECT_EQ(p["vision"]["radius"], 7);
    EXPECT_EQ(p["vision"]["shape"], "disc");
    EXPECT_EQ(p["vision"]["include_own_cell"], true);
    EXPECT_EQ(p["legitimacy"]["initial"], 0.82);
    EXPECT_EQ(p["legitimacy"]["changes"], nlohmann::json::array());
    EXPECT_EQ(p["grid"]["width"], 40);
    EXPECT_EQ(p["population"]["citizen_density"], 0.7);
    EXPECT_TRUE(p["population"]["citizens"].is_null());
    EXPECT_EQ(p["arrest"]["ratio"], "floor");
    EXPECT_EQ(p["jail"]["max_term"], 30);
    EXPECT_EQ(p["analysis"]["outburst_threshold"], 50);

    // The summary agrees with the run.
    const nlohmann::json summary = nlohmann::json::parse(o.summary);
    EXPECT_EQ(summary["ticks"], 20);
    EXPECT_EQ(summary["citizens"], 1120); // round(0.7 x 1600), initial_counts: exact
}

TEST(CliManifest, LifeSentenceIsTheStringInf) {
    const TempDir tmp;
    const Outputs o =
        run_ok(tmp, "out", {"--ticks", "3"}, scenario_path("epstein2002/run3.yaml").string());
    EXPECT_EQ(o.manifest["parameters"]["jail"]["max_term"], "inf");
    EXPECT_EQ(o.manifest["parameters"]["legitimacy"]["initial"], 0.9);
}

TEST(CliOverrides, ChangeTheResultAndAreRecorded) {
    const TempDir tmp;
    const std::vector<std::string> base{"--ticks", "100", "--threads", "2"};
    const Outputs plain = run_ok(tmp, "plain", base);
    const Outputs changed =
        run_ok(tmp, "changed",
               with(base, {"--set", "legitimacy.initial=0.6", "--set", "vision.radius=3", "--set",
                           "analysis.outburst_threshold=20"}));
    EXPECT_FALSE(changed.timeseries == plain.timeseries) << "the overrides changed nothing";
    EXPECT_FALSE(changed.summary == plain.summary);
    EXPECT_EQ(changed.manifest["run"]["overrides"],
              (nlohmann::json{"legitimacy.initial=0.6", "vision.radius=3",
                              "analysis.outburst_threshold=20"}));
    const nlohmann::json& p = changed.manifest["parameters"];
    EXPECT_EQ(p["legitimacy"]["initial"], 0.6);
    EXPECT_EQ(p["vision"]["radius"], 3);
    EXPECT_EQ(p["analysis"]["outburst_threshold"], 20);
    EXPECT_EQ(nlohmann::json::parse(changed.summary)["outbursts"]["threshold"], 20);
    // The legitimacy column shows the overridden value from tick 0.
    const Csv changed_csv = parse_csv(changed.timeseries);
    EXPECT_EQ(changed_csv.integer(0, "tick"), 0);
    EXPECT_EQ(changed_csv.rows.at(0).at(changed_csv.column("legitimacy")), "0.6");

    // The same override twice: the last one wins.
    const Outputs twice =
        run_ok(tmp, "twice", with(base, {"--set", "legitimacy=0.3", "--set", "legitimacy=0.82"}));
    EXPECT_TRUE(twice.timeseries == plain.timeseries);
    EXPECT_EQ(twice.manifest["run"]["overrides"],
              (nlohmann::json{"legitimacy=0.3", "legitimacy=0.82"}));

    // Overriding a value with what the file has changes nothing.
    const Outputs same = run_ok(tmp, "same", with(base, {"--set", "vision.radius=7"}));
    EXPECT_TRUE(same.timeseries == plain.timeseries);
    EXPECT_TRUE(same.summary == plain.summary);
}

TEST(CliOverrides, ScheduleOverrideByIndex) {
    const TempDir tmp;
    const std::string run4 = scenario_path("epstein2002/run4.yaml").string();
    const Outputs o =
        run_ok(tmp, "out", {"--ticks", "12", "--set", "legitimacy.changes[0].at=10"}, run4);
    const Csv csv = parse_csv(o.timeseries);
    ASSERT_GE(csv.rows.size(), 12U);
    EXPECT_EQ(csv.integer(9, "tick"), 9);
    EXPECT_EQ(csv.rows.at(9).at(csv.column("legitimacy")), "0.9");
    EXPECT_EQ(csv.integer(10, "tick"), 10);
    EXPECT_EQ(csv.rows.at(10).at(csv.column("legitimacy")), "0.7");
    EXPECT_EQ(o.manifest["parameters"]["legitimacy"]["changes"][0]["at"], 10);
}

TEST(CliOverrides, TicksZeroWritesOnlyTheInitialState) {
    const TempDir tmp;
    const Outputs o = run_ok(tmp, "out", {"--ticks", "0"});
    EXPECT_EQ(o.timeseries, timeseries_csv_header(false) +
                                "\n0,main,1120,0,0,0,0,0,64,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                                "0,0,0,0,0.82,1,0,0,0,0\n");
    const nlohmann::json s = nlohmann::json::parse(o.summary);
    EXPECT_EQ(s["ticks"], 0);
    EXPECT_EQ(s["final"]["tick"], 0);
    EXPECT_TRUE(s["activity"]["mean_active_fraction"].is_null());
}

} // namespace
} // namespace unrest::cli_test
