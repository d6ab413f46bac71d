// Every scenario file shipped under scenarios/ validates, runs with invariant checks, writes
// consistent outputs, and survives a round trip through `unrest validate --print`.
#include "cli_test_util.hpp"

#include <algorithm>
#include <cctype>

namespace unrest::cli_test {
namespace {

constexpr int check_ticks = 30;

// Every *.yaml under scenarios/, relative to it, sorted; files under a `sweeps/` folder are sweep
// definitions, and files with a top-level `reported:` reported figures
// (docs/reported_figures.md), not scenarios.
std::vector<std::string> scenario_files() {
    std::vector<std::string> files;
    const fs::path root = source_dir() / "scenarios";
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file() || it->path().extension() != ".yaml") {
            continue;
        }
        const fs::path relative = fs::relative(it->path(), root);
        const bool in_sweeps = std::any_of(relative.begin(), relative.end(),
                                           [](const fs::path& part) { return part == "sweeps"; });
        const std::string text = read_file(it->path());
        const bool reported =
            text.starts_with("reported:") || text.find("\nreported:") != std::string::npos;
        if (!in_sweeps && !reported) {
            files.push_back(relative.generic_string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
    std::string name;
    for (const char c : info.param) {
        name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    }
    return name;
}

TEST(CliScenarios, ThePresetsAreFound) {
    const std::vector<std::string> files = scenario_files();
    for (const char* preset :
         {"epstein2002/run1.yaml", "epstein2002/run2.yaml", "epstein2002/run3.yaml",
          "epstein2002/run4.yaml", "epstein2002/run5.yaml", "epstein2002/mesa.yaml",
          "epstein2002/netlogo_rebellion.yaml"}) {
        EXPECT_NE(std::find(files.begin(), files.end(), preset), files.end()) << preset;
    }
}

class ScenarioFile : public testing::TestWithParam<std::string> {};

// Checks a run's outputs against each other and the documented format: every region's rows
// (one per tick), their stocks and flows, and the summary's whole-run and per-region figures.
void check_outputs(const fs::path& out, const std::string& name, int ticks) {
    const Csv csv = read_csv(out / "timeseries.csv");
    const nlohmann::json summary = read_json(out / "summary.json");
    const nlohmann::json manifest = read_json(out / "manifest.json");
    const bool calendar = !summary["calendar"].is_null();
    EXPECT_EQ(csv.header, documented_columns(calendar));
    const nlohmann::json& regions = summary["regions"];
    ASSERT_FALSE(regions.empty());
    ASSERT_EQ(csv.rows.size(), static_cast<std::size_t>(ticks + 1) * regions.size());
    EXPECT_EQ(summary["ticks"], ticks);
    EXPECT_EQ(manifest["run"]["ticks"], ticks);
    EXPECT_EQ(manifest["run"]["scenario_name"], name);
    EXPECT_EQ(manifest["parameters"]["name"], name);
    EXPECT_EQ(manifest["parameters"]["ticks"], ticks);
    EXPECT_GT(summary["citizens"].get<std::int64_t>(), 0);

    std::int64_t all_arrests = 0;
    std::int64_t all_releases = 0;
    for (const auto& [region, figures] : regions.items()) {
        SCOPED_TRACE(fmt::format("region {}", region));
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < csv.rows.size(); ++i) {
            if (csv.rows[i][csv.column("region")] == region) {
                rows.push_back(i);
            }
        }
        ASSERT_EQ(rows.size(), static_cast<std::size_t>(ticks + 1));
        const std::int64_t citizens = figures["citizens"].get<std::int64_t>();
        EXPECT_GT(citizens, 0);
        std::int64_t arrests = 0;
        std::int64_t releases = 0;
        std::int64_t peak = 0;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const std::size_t i = rows[k];
            SCOPED_TRACE(fmt::format("timeseries.csv row {}", i));
            EXPECT_EQ(csv.integer(i, "tick"), static_cast<std::int64_t>(k));
            const std::int64_t quiet = csv.integer(i, "quiet");
            const std::int64_t active = csv.integer(i, "active");
            const std::int64_t jailed = csv.integer(i, "jailed");
            // Persons are conserved across the citizens' states (issue 8 adds violent, injured
            // and dead to Model I's quiet, active and jailed).
            const std::int64_t violent = csv.integer(i, "violent");
            const std::int64_t injured = csv.integer(i, "injured");
            const std::int64_t dead = csv.integer(i, "dead");
            EXPECT_EQ(quiet + active + violent + jailed + injured + dead, citizens);
            EXPECT_GE(violent, 0);
            EXPECT_GE(injured, 0);
            EXPECT_GE(dead, 0);
            EXPECT_GE(quiet, 0);
            EXPECT_GE(active, 0);
            EXPECT_GE(jailed, 0);
            EXPECT_GE(csv.integer(i, "cops"), 0);
            const std::int64_t arrested = csv.integer(i, "arrests");
            const std::int64_t released = csv.integer(i, "releases");
            EXPECT_GE(arrested, 0);
            EXPECT_GE(released, 0);
            const double legitimacy = csv.number(i, "legitimacy");
            EXPECT_GE(legitimacy, 0.0);
            EXPECT_LE(legitimacy, 1.0);
            if (k == 0) {
                EXPECT_EQ(arrested, 0);
                EXPECT_EQ(released, 0);
                EXPECT_EQ(jailed, 0);
            } else {
                // Jail changes only by arrests and releases (a zero term jails nobody).
                const std::int64_t before = csv.integer(rows[k - 1], "jailed");
                EXPECT_LE(jailed, before + arrested - released);
                EXPECT_GE(jailed, before - released);
                peak = std::max(peak, active);
            }
            arrests += arrested;
            releases += released;
        }
        const std::size_t last = rows.back();
        EXPECT_EQ(figures["final"]["tick"], ticks);
        for (const char* stock : {"quiet", "active", "jailed", "cops"}) {
            EXPECT_EQ(figures["final"][stock], csv.integer(last, stock)) << stock;
        }
        EXPECT_EQ(figures["totals"]["arrests"], arrests);
        EXPECT_EQ(figures["totals"]["releases"], releases);
        if (ticks > 0) {
            EXPECT_EQ(figures["activity"]["peak_active"], peak);
        }
        all_arrests += arrests;
        all_releases += releases;
    }
    EXPECT_EQ(summary["totals"]["arrests"], all_arrests);
    EXPECT_EQ(summary["totals"]["releases"], all_releases);
}

TEST_P(ScenarioFile, ValidatesRunsWithChecksAndWritesConsistentOutputs) {
    const fs::path file = source_dir() / "scenarios" / GetParam();
    const std::string name = scenario_name_in(file);
    ASSERT_FALSE(name.empty()) << "no name: in " << file;
    const TempDir tmp;

    const Result validate = unrest({"validate", file.string()});
    ASSERT_EQ(validate.status, 0) << describe(validate);
    EXPECT_TRUE(validate.out.starts_with(fmt::format("{}: ok ('{}', ", file.string(), name)))
        << validate.out;

    const fs::path out = tmp / "out";
    const Result run =
        unrest({"run", file.string(), "--out", out.string(), "--ticks", std::to_string(check_ticks),
                "--check", "--quiet", "--threads", "2"});
    ASSERT_EQ(run.status, 0) << describe(run);
    EXPECT_TRUE(temp_siblings(out).empty());
    check_outputs(out, name, check_ticks);
}

// `validate --print` writes the resolved scenario: it validates again, and running it gives the
// same results as running the original file.
TEST_P(ScenarioFile, PrintedScenarioRoundTrips) {
    const fs::path file = source_dir() / "scenarios" / GetParam();
    const TempDir tmp;
    const Result print = unrest({"validate", file.string(), "--print"});
    ASSERT_EQ(print.status, 0) << describe(print);
    const fs::path printed = tmp / "printed.yaml";
    write_file(printed, print.out);

    const Result again = unrest({"validate", printed.string()});
    EXPECT_EQ(again.status, 0) << describe(again) << "\n--- printed ---\n" << print.out;
    const Result reprint = unrest({"validate", printed.string(), "--print"});
    EXPECT_EQ(reprint.status, 0) << describe(reprint);
    EXPECT_EQ(reprint.out, print.out) << "printing is not a fixed point";

    const std::vector<std::string> common{"--ticks", "15", "--quiet", "--threads", "2"};
    auto run_into = [&](const fs::path& scenario, const std::string& label) {
        std::vector<std::string> args{"run", scenario.string(), "--out", (tmp / label).string()};
        args.insert(args.end(), common.begin(), common.end());
        const Result r = unrest(args);
        EXPECT_EQ(r.status, 0) << describe(r);
        return tmp / label;
    };
    const fs::path original = run_into(file, "original");
    const fs::path resolved = run_into(printed, "resolved");
    EXPECT_EQ(read_file(resolved / "timeseries.csv"), read_file(original / "timeseries.csv"));
    EXPECT_EQ(read_file(resolved / "summary.json"), read_file(original / "summary.json"));
    EXPECT_EQ(read_json(resolved / "manifest.json")["parameters"],
              read_json(original / "manifest.json")["parameters"]);
}

INSTANTIATE_TEST_SUITE_P(Shipped, ScenarioFile, testing::ValuesIn(scenario_files()), test_name);

// Overrides given to `validate --print` are baked into the printed scenario.
TEST(CliScenarios, PrintedScenarioCarriesTheOverrides) {
    const TempDir tmp;
    const std::vector<std::string> sets{
        "--set", "legitimacy.initial=0.7", "--set", "vision.shape=moore", "--set", "grid.width=30"};
    std::vector<std::string> print_args{"validate", run2(), "--print"};
    print_args.insert(print_args.end(), sets.begin(), sets.end());
    const Result print = unrest(print_args);
    ASSERT_EQ(print.status, 0) << describe(print);
    const fs::path printed = tmp / "printed.yaml";
    write_file(printed, print.out);
    const Result validate = unrest({"validate", printed.string()});
    ASSERT_EQ(validate.status, 0) << describe(validate);
    EXPECT_NE(validate.out.find("30x40 grid"), std::string::npos) << validate.out;

    std::vector<std::string> with_sets{"run",     run2(), "--out",  (tmp / "sets").string(),
                                       "--ticks", "40",   "--quiet"};
    with_sets.insert(with_sets.end(), sets.begin(), sets.end());
    ASSERT_EQ(unrest(with_sets).status, 0);
    ASSERT_EQ(unrest({"run", printed.string(), "--out", (tmp / "printed").string(), "--ticks", "40",
                      "--quiet"})
                  .status,
              0);
    EXPECT_EQ(read_file(tmp / "printed" / "timeseries.csv"),
              read_file(tmp / "sets" / "timeseries.csv"));
    EXPECT_EQ(read_json(tmp / "printed" / "manifest.json")["parameters"],
              read_json(tmp / "sets" / "manifest.json")["parameters"]);
}

// -0 is read as 0: neither the printed scenario nor a run's outputs say -0.
TEST(CliScenarios, MinusZeroIsWrittenAsZero) {
    const TempDir tmp;
    const std::vector<std::string> sets{"--set", "legitimacy.initial=-0", "--set",
                                        "citizen.threshold=-0.0"};
    std::vector<std::string> print_args{"validate", run2(), "--print"};
    print_args.insert(print_args.end(), sets.begin(), sets.end());
    const Result print = unrest(print_args);
    ASSERT_EQ(print.status, 0) << describe(print);
    EXPECT_NE(print.out.find("initial: 0\n"), std::string::npos) << print.out;
    EXPECT_EQ(print.out.find("-0"), std::string::npos) << print.out;

    std::vector<std::string> run_args{"run",     run2(), "--out",  (tmp / "out").string(),
                                      "--ticks", "3",    "--quiet"};
    run_args.insert(run_args.end(), sets.begin(), sets.end());
    const Result run = unrest(run_args);
    ASSERT_EQ(run.status, 0) << describe(run);
    const nlohmann::json parameters = read_json(tmp / "out" / "manifest.json")["parameters"];
    EXPECT_EQ(parameters["legitimacy"]["initial"].dump(), "0");
    EXPECT_EQ(parameters.dump().find("-0"), std::string::npos) << parameters.dump();
    for (const char* file : {"timeseries.csv", "summary.json"}) {
        const std::string text = read_file(tmp / "out" / file);
        EXPECT_EQ(text.find("-0"), std::string::npos) << file << ":\n" << text;
    }
}

} // namespace
} // namespace unrest::cli_test
