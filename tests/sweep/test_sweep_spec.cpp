// Sweep files: every form parses to the right SweepSpec; every problem is a ScenarioError at
// FILE:LINE:COLUMN: key.path.
#include "sim/output/summary.hpp"
#include "sim/scenario/load.hpp"
#include "sim/sweep/sweep_spec.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace unrest {
namespace {

namespace fs = std::filesystem;

const std::string& run2() {
    static const std::string path =
        fmt::format("{}/scenarios/epstein2002/run2.yaml", UNREST_SOURCE_DIR);
    return path;
}

// Line 1 of every test sweep names run2 by its absolute path; `body` starts on line 2.
std::string sweep_text(const std::string& body) {
    return fmt::format("scenario: {}\n{}", run2(), body);
}

SweepSpec load(const std::string& body) {
    return load_sweep_text(sweep_text(body), "s.yaml");
}

// The what() of the ScenarioError that loading `body` throws, or "no error".
std::string load_error(const std::string& body) {
    try {
        load(body);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

// "a, b, c"
std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        out += out.empty() ? "" : ", ";
        out += n;
    }
    return out;
}

const std::string metrics = "metrics: [outbursts.count]\n";

// A fresh folder under the system's temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = fs::temp_directory_path() / fmt::format("unrest_sweep_spec_{}_{}", info->name(),
                                                        fs::path(run2()).stem().string());
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    std::string write(const std::string& name, const std::string& text) const {
        const fs::path p = path_ / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p.string();
    }

private:
    fs::path path_;
};

// ---------------------------------------------------------------------------------------------
// Forms

TEST(SweepSpec, EveryParameterForm) {
    const SweepSpec spec = load("parameters:\n"
                                "  legitimacy.initial: [0.7, 0.8, 0.9]\n"
                                "  population.cop_density: {from: 0.02, to: 0.08, count: 4}\n"
                                "  arrest.k: {from: 0.5, to: 5, count: 5, scale: log}\n"
                                "  vision.radius: {distribution: uniform, low: 2, high: 7}\n"
                                "  jail.max_term: {distribution: log_uniform, low: 5, high: 50}\n"
                                "  grid.width: [30, 40]\n"
                                "  ticks: 1000\n"
                                "  vision.shape: moore\n"
                                "design: lhs\n"
                                "points: 64\n"
                                "design_seed: 7\n"
                                "replicates: 3\n"
                                "base_seed: 1000\n"
                                "metrics: [outbursts.count, activity.mean_active_fraction, "
                                "final.jailed]\n"
                                "keep: summary\n"
                                "on_error: stop\n");
    EXPECT_EQ(spec.file, "s.yaml");
    EXPECT_EQ(spec.scenario_file, run2());
    ASSERT_EQ(spec.axes.size(), 6U);

    const SweepAxis& l = spec.axes[0];
    EXPECT_EQ(l.key, "legitimacy.initial");
    EXPECT_EQ(l.kind, SweepAxis::Kind::list);
    EXPECT_EQ(l.values, (std::vector<std::string>{"0.7", "0.8", "0.9"}));
    EXPECT_FALSE(l.integer);

    const SweepAxis& c = spec.axes[1];
    EXPECT_EQ(c.key, "population.cop_density");
    EXPECT_EQ(c.kind, SweepAxis::Kind::linear);
    EXPECT_DOUBLE_EQ(c.low, 0.02);
    EXPECT_DOUBLE_EQ(c.high, 0.08);
    EXPECT_EQ(c.count, 4);
    EXPECT_TRUE(c.values.empty());

    const SweepAxis& k = spec.axes[2];
    EXPECT_EQ(k.key, "arrest.k");
    EXPECT_EQ(k.kind, SweepAxis::Kind::log);
    EXPECT_DOUBLE_EQ(k.low, 0.5);
    EXPECT_DOUBLE_EQ(k.high, 5.0);
    EXPECT_EQ(k.count, 5);

    const SweepAxis& v = spec.axes[3];
    EXPECT_EQ(v.key, "vision.radius");
    EXPECT_EQ(v.kind, SweepAxis::Kind::uniform);
    EXPECT_DOUBLE_EQ(v.low, 2.0);
    EXPECT_DOUBLE_EQ(v.high, 7.0);
    EXPECT_EQ(v.count, 0);
    EXPECT_FALSE(v.integer);

    const SweepAxis& j = spec.axes[4];
    EXPECT_EQ(j.key, "jail.max_term");
    EXPECT_EQ(j.kind, SweepAxis::Kind::log_uniform);
    EXPECT_DOUBLE_EQ(j.low, 5.0);
    EXPECT_DOUBLE_EQ(j.high, 50.0);

    const SweepAxis& w = spec.axes[5];
    EXPECT_EQ(w.key, "grid.width");
    EXPECT_EQ(w.values, (std::vector<std::string>{"30", "40"}));
    EXPECT_TRUE(w.integer);

    ASSERT_EQ(spec.fixed.size(), 2U);
    EXPECT_EQ(spec.fixed[0].key, "ticks");
    EXPECT_EQ(spec.fixed[0].value, "1000");
    EXPECT_EQ(spec.fixed[1].key, "vision.shape");
    EXPECT_EQ(spec.fixed[1].value, "moore");

    EXPECT_EQ(spec.design, SweepDesign::lhs);
    EXPECT_EQ(spec.points, 64);
    EXPECT_EQ(spec.design_seed, 7U);
    EXPECT_EQ(spec.seeds, (std::vector<std::uint64_t>{1000, 1001, 1002}));
    EXPECT_EQ(spec.metrics,
              (std::vector<std::string>{"outbursts.count", "activity.mean_active_fraction",
                                        "final.jailed"}));
    EXPECT_EQ(spec.keep, SweepKeep::summary);
    EXPECT_EQ(spec.on_error, SweepOnError::stop);
}

TEST(SweepSpec, Defaults) {
    const SweepSpec spec = load("parameters:\n  legitimacy.initial: [0.7, 0.9]\n" + metrics);
    EXPECT_EQ(spec.design, SweepDesign::grid);
    EXPECT_EQ(spec.points, 0);
    EXPECT_EQ(spec.design_seed, 1U);
    EXPECT_EQ(spec.seeds, (std::vector<std::uint64_t>{1}));
    EXPECT_EQ(spec.keep, SweepKeep::none);
    EXPECT_EQ(spec.on_error, SweepOnError::continue_running);
    EXPECT_TRUE(spec.fixed.empty());
}

// `parameters:` without a value varies nothing: every run is the scenario as it is.
TEST(SweepSpec, ParametersMayBeEmpty) {
    const SweepSpec spec = load("parameters:\n" + metrics);
    EXPECT_TRUE(spec.axes.empty());
    EXPECT_TRUE(spec.fixed.empty());
}

TEST(SweepSpec, ReplicateCountFromBaseSeed) {
    EXPECT_EQ(load("parameters: {ticks: 10}\nreplicates: 4\n" + metrics).seeds,
              (std::vector<std::uint64_t>{1, 2, 3, 4}));
    EXPECT_EQ(load("parameters: {ticks: 10}\nreplicates: 2\nbase_seed: 0\n" + metrics).seeds,
              (std::vector<std::uint64_t>{0, 1}));
    EXPECT_EQ(
        load("parameters: {ticks: 10}\nreplicates: 2\nbase_seed: 18446744073709551614\n" + metrics)
            .seeds,
        (std::vector<std::uint64_t>{18446744073709551614U, 18446744073709551615U}));
}

TEST(SweepSpec, ExplicitReplicateSeeds) {
    EXPECT_EQ(load("parameters: {ticks: 10}\nreplicates: [11, 42, 7]\n" + metrics).seeds,
              (std::vector<std::uint64_t>{11, 42, 7}));
}

TEST(SweepSpec, GridAcceptsListsAndRanges) {
    const SweepSpec spec = load("parameters:\n"
                                "  vision.shape: [disc, von_neumann, moore]\n"
                                "  movement.enabled: [true, false]\n"
                                "  grid.height: {from: 30, to: 50, count: 3}\n"
                                "  arrest.k: {from: 1, to: 4, count: 3, scale: linear}\n"
                                "design: grid\n" +
                                metrics);
    ASSERT_EQ(spec.axes.size(), 4U);
    EXPECT_EQ(spec.axes[0].values, (std::vector<std::string>{"disc", "von_neumann", "moore"}));
    EXPECT_FALSE(spec.axes[0].integer);
    EXPECT_EQ(spec.axes[1].values, (std::vector<std::string>{"true", "false"}));
    EXPECT_EQ(spec.axes[2].kind, SweepAxis::Kind::linear);
    EXPECT_TRUE(spec.axes[2].integer);
    EXPECT_EQ(spec.axes[3].kind, SweepAxis::Kind::linear);
}

TEST(SweepSpec, SobolAcceptsEveryKind) {
    const SweepSpec spec = load("parameters:\n"
                                "  legitimacy.initial: [0.7, 0.9]\n"
                                "  arrest.k: {from: 1, to: 4, count: 3}\n"
                                "  citizen.threshold: {distribution: uniform, low: 0, high: 0.2}\n"
                                "design: sobol\n"
                                "points: 16\n" +
                                metrics);
    EXPECT_EQ(spec.design, SweepDesign::sobol);
    EXPECT_EQ(spec.points, 16);
    EXPECT_EQ(spec.axes.size(), 3U);
}

TEST(SweepSpec, FixedValuesKeepTheirText) {
    const SweepSpec spec = load("parameters:\n"
                                "  population.initial_counts: exact\n"
                                "  population.citizens: ~\n"
                                "  jail.max_term: .inf\n"
                                "  cops.steps_onto_arrestee: false\n"
                                "  legitimacy.initial: [0.8]\n" +
                                metrics);
    ASSERT_EQ(spec.fixed.size(), 4U);
    EXPECT_EQ(spec.fixed[0].value, "exact");
    EXPECT_EQ(spec.fixed[1].value, "~");
    EXPECT_EQ(spec.fixed[2].value, ".inf");
    EXPECT_EQ(spec.fixed[3].value, "false");
}

TEST(SweepSpec, EveryParameterKeyIsAScenarioLeaf) {
    const std::vector<std::string>& keys = sweep_parameter_keys();
    EXPECT_NE(std::find(keys.begin(), keys.end(), "legitimacy.initial"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "grid.width"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "ticks"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "news.perceived_support"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "scale.persons_per_agent"), keys.end());
    for (const char* excluded :
         {"name", "description", "source", "seed", "legitimacy", "legitimacy.changes",
          "cops.density_changes", "regions", "regions[].name", "regions[].BLOCK", "news.weights",
          "calendar.start", "timeline", "timeline.comms.severity"}) {
        EXPECT_EQ(std::find(keys.begin(), keys.end(), excluded), keys.end()) << excluded;
    }
}

TEST(SweepSpec, ScenarioPathIsRelativeToTheSweepFile) {
    const TempDir dir;
    std::ifstream in(run2());
    const std::string scenario((std::istreambuf_iterator<char>(in)), {});
    dir.write("scenarios/base.yaml", scenario);
    const std::string file = dir.write("sweeps/s.yaml", "scenario: ../scenarios/base.yaml\n"
                                                        "parameters: {ticks: 10}\n" +
                                                            metrics);
    const SweepSpec spec = load_sweep_file(file);
    EXPECT_EQ(spec.file, file);
    EXPECT_EQ(spec.scenario_file, (dir.path() / "scenarios" / "base.yaml").string());
}

// Every sweep file shipped under scenarios/sweeps/ loads.
TEST(SweepSpec, ShippedSweepFilesLoad) {
    const fs::path folder = fs::path(UNREST_SOURCE_DIR) / "scenarios" / "sweeps";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".yaml") {
            ++files;
            EXPECT_NO_THROW(load_sweep_file(entry.path().string())) << entry.path();
        }
    }
    EXPECT_GE(files, 1);
}

// Every metric is a number (or null) in a real summary.json, at its dotted path.
TEST(SweepSpec, MetricsAreSummaryPaths) {
    const std::vector<std::string>& names = sweep_metric_names();
    // The names sweeps used before the metric registry still work.
    for (const char* classic : {"ticks",
                                "citizens",
                                "final.quiet",
                                "final.active",
                                "final.jailed",
                                "final.cops",
                                "final.legitimacy",
                                "totals.arrests",
                                "totals.releases",
                                "activity.mean_active_fraction",
                                "activity.peak_active",
                                "activity.peak_tick",
                                "activity.peak_active_fraction",
                                "activity.quiet_tick_fraction",
                                "outbursts.count",
                                "outbursts.censored",
                                "outbursts.total_activation.n",
                                "outbursts.duration.mean",
                                "outbursts.waiting_time.sd",
                                "outbursts.inter_start_interval.mean"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), classic), names.end()) << classic;
    }
    // Every metric of the registry: its last value, or its total for a flow.
    for (const Metric& m : unrest::metrics) {
        const std::string path =
            fmt::format("{}.{}", m.daily == Reduction::sum ? "totals" : "final", m.name);
        EXPECT_NE(std::find(names.begin(), names.end(), path), names.end()) << path;
    }
    // Settings echoed in the summary are not metrics.
    for (const char* setting : {"final.tick", "outbursts.threshold", "outbursts.definition"}) {
        EXPECT_EQ(std::find(names.begin(), names.end(), setting), names.end()) << setting;
    }
    // Model I's 28, the 10 states added by issue 7, and issue 8's 19 metrics.
    EXPECT_EQ(names.size(), 28U + 10U + 19U);
    SummaryAccumulator acc(AnalysisSettings{}, 1000);
    for (Tick t = 0; t <= 20; ++t) {
        TickRecord r;
        r.tick = t;
        r.active = t % 7 == 0 ? 80 : 5;
        r.quiet = 1000 - r.active;
        r.cops = 40;
        r.legitimacy = 0.8;
        acc.add(r);
    }
    const nlohmann::ordered_json summary = acc.finish();
    for (const std::string& name : names) {
        const nlohmann::ordered_json* node = &summary;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = name.find('.', start);
            const std::string part =
                name.substr(start, dot == std::string::npos ? dot : dot - start);
            ASSERT_TRUE(node->is_object() && node->contains(part)) << name;
            node = &(*node)[part];
            if (dot == std::string::npos) {
                break;
            }
            start = dot + 1;
        }
        EXPECT_TRUE(node->is_number() || node->is_null()) << name;
    }
    EXPECT_EQ(std::count(names.begin(), names.end(), "outbursts.duration.mean"), 1);
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(SweepSpecErrors, ErrorCarriesItsParts) {
    try {
        load("parameters:\n  legitimacy.intial: [0.7]\n" + metrics);
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.file(), "s.yaml");
        EXPECT_EQ(e.line(), 3);
        EXPECT_EQ(e.column(), 3);
        EXPECT_EQ(e.key_path(), "parameters.legitimacy.intial");
        EXPECT_EQ(e.message(),
                  "unknown key 'legitimacy.intial', did you mean 'legitimacy.initial'?");
        EXPECT_STREQ(e.what(), "s.yaml:3:3: parameters.legitimacy.intial: unknown key "
                               "'legitimacy.intial', did you mean 'legitimacy.initial'?");
    }
}

TEST(SweepSpecErrors, MalformedYaml) {
    EXPECT_EQ(load_error("parameters: [1, 2\n"),
              "s.yaml:3:1: expected valid YAML, found end of sequence flow not found");
}

TEST(SweepSpecErrors, FileNotFound) {
    try {
        load_sweep_file("/nonexistent/sweep.yaml");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_STREQ(e.what(),
                     "/nonexistent/sweep.yaml: expected a readable file, found no such file");
    }
}

TEST(SweepSpecErrors, BinaryOrOversizedText) {
    const auto error = [](const std::string& text) {
        try {
            load_sweep_text(text, "s.yaml");
        } catch (const ScenarioError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error(std::string("scenario: x\0", 12)),
              "s.yaml:1:12: expected a text file (YAML in UTF-8), found binary data (byte 0x00)");
    EXPECT_EQ(error("scenario: caf\xe9.yaml\n"),
              "s.yaml:1:14: expected a text file (YAML in UTF-8), found binary data (byte 0xe9)");
    EXPECT_EQ(error(std::string(16777217, '#')),
              "s.yaml: expected an input file of at most 16 MiB (16777216 bytes), found 16777217 "
              "bytes");
}

// The pre-pass refuses a key before its value is parsed, with the reader's message.
TEST(SweepSpecErrors, KeysAreCheckedBeforeTheirValuesAreParsed) {
    EXPECT_EQ(load_error("desing: [lhs\n"),
              "s.yaml:2:1: desing: unknown key 'desing', did you mean 'design'?");
    EXPECT_EQ(load_error("parameters:\n  zzz: [1, 2\n"),
              fmt::format("s.yaml:3:3: parameters.zzz: unknown key 'zzz', expected one of: {}",
                          joined(sweep_parameter_keys())));
    EXPECT_EQ(load_error("parameters:\n  seed: [\n"),
              "s.yaml:3:3: parameters.seed: expected a model parameter, found 'seed' (the "
              "replicates set each run's seed: use replicates and base_seed)");
    EXPECT_EQ(load_error("parameters:\n  arrest.k:\n    from: 1\n    cuont: [3\n"),
              "s.yaml:5:5: parameters.arrest.k.cuont: unknown key 'cuont', did you mean "
              "'count'?");
    EXPECT_EQ(load_error("parameters: {ticks: 10}\nmetrics: [ticks]\nmetrics: [\n"),
              "s.yaml:4:1: metrics: expected each key once, found 'metrics' again (first on line "
              "3)");
    EXPECT_EQ(load_error("parameters: {ticks: 10}\n" + metrics + "---\nparameters: {ticks: 20}\n"),
              "s.yaml:4:1: expected one YAML document, found a second");
}

TEST(SweepSpecErrors, UnknownTopLevelKey) {
    EXPECT_EQ(load_error("parameters: {ticks: 10}\ndesing: lhs\n" + metrics),
              "s.yaml:3:1: desing: unknown key 'desing', did you mean 'design'?");
}

TEST(SweepSpecErrors, RequiredKeys) {
    EXPECT_EQ(load_error(metrics),
              "s.yaml:1:1: parameters: expected a value for required key 'parameters', found "
              "none");
    EXPECT_EQ(load_error("parameters: {ticks: 10}\n"),
              "s.yaml:1:1: metrics: expected a value for required key 'metrics', found none");
    try {
        load_sweep_text("parameters: {ticks: 10}\n" + metrics, "s.yaml");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_STREQ(e.what(),
                     "s.yaml:1:1: scenario: expected a value for required key 'scenario', found "
                     "none");
    }
}

TEST(SweepSpecErrors, ScenarioFileMissing) {
    try {
        load_sweep_text("parameters: {ticks: 10}\nscenario: ../nope.yaml\n" + metrics,
                        "sweeps/a/s.yaml");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_STREQ(e.what(), "sweeps/a/s.yaml:2:11: scenario: expected a readable scenario "
                               "file, found 'sweeps/nope.yaml' (no such file)");
        EXPECT_EQ(e.line(), 2);
        EXPECT_EQ(e.column(), 11);
    }
}

TEST(SweepSpecErrors, ScenarioFileWithItsOwnProblem) {
    const TempDir dir;
    const std::string scenario = dir.write("bad.yaml", "name: bad\nticks: -1\n");
    try {
        load_sweep_text("scenario: bad.yaml\nparameters: {arrest.k: 2}\n" + metrics,
                        (dir.path() / "s.yaml").string());
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.what(),
                  fmt::format("{}:2:8: ticks: expected an integer >= 0, found -1", scenario));
    }
}

TEST(SweepSpecErrors, ParameterKeys) {
    EXPECT_EQ(load_error("parameters:\n  seed: [1, 2]\n" + metrics),
              "s.yaml:3:3: parameters.seed: expected a model parameter, found 'seed' (the "
              "replicates set each run's seed: use replicates and base_seed)");
    EXPECT_EQ(load_error("parameters:\n  name: x\n" + metrics),
              "s.yaml:3:3: parameters.name: expected a model parameter, found 'name' (a label "
              "of the scenario, not a parameter)");
    EXPECT_EQ(load_error("parameters:\n  legitimacy.changes: []\n" + metrics),
              "s.yaml:3:3: parameters.legitimacy.changes: expected a parameter with a single "
              "value, found 'legitimacy.changes' (a list of changes: write each schedule in its "
              "own scenario file)");
    EXPECT_EQ(load_error("parameters:\n  grid: [1, 2]\n" + metrics),
              "s.yaml:3:3: parameters.grid: expected a full key path such as 'grid.width', found "
              "'grid' (it holds further keys)");
    EXPECT_EQ(load_error("parameters:\n  legitimacy: [0.5]\n" + metrics),
              "s.yaml:3:3: parameters.legitimacy: expected a full key path such as "
              "'legitimacy.initial', found 'legitimacy' (it holds further keys)");
    EXPECT_EQ(load_error("parameters:\n  ticks: 10\n  zzz: 3\n" + metrics),
              fmt::format("s.yaml:4:3: parameters.zzz: unknown key 'zzz', expected one of: {}",
                          joined(sweep_parameter_keys())));
}

TEST(SweepSpecErrors, ParameterGivenTwice) {
    EXPECT_EQ(load_error("parameters:\n  ticks: 10\n  ticks: [1, 2]\n" + metrics),
              "s.yaml:4:3: parameters.ticks: expected each key once, found 'ticks' again (first "
              "on line 3)");
}

TEST(SweepSpecErrors, ParametersNotAMapping) {
    EXPECT_EQ(load_error("parameters: [ticks]\n" + metrics),
              "s.yaml:2:13: parameters: expected a mapping, found a list");
}

TEST(SweepSpecErrors, Lists) {
    EXPECT_EQ(load_error("parameters:\n  ticks: []\n" + metrics),
              "s.yaml:3:10: parameters.ticks: expected a non-empty list of values, found an "
              "empty list");
    EXPECT_EQ(load_error("parameters:\n  ticks: [1, [2, 3]]\n" + metrics),
              "s.yaml:3:14: parameters.ticks[1]: expected a single value, found a list");
}

TEST(SweepSpecErrors, GridNeedsListsOrRanges) {
    EXPECT_EQ(
        load_error("parameters:\n  arrest.k: {distribution: uniform, low: 1, high: 3}\n" + metrics),
        "s.yaml:3:13: parameters.arrest.k: expected a list or a range with count for a "
        "grid design, found a distribution");
}

TEST(SweepSpecErrors, RangeOnANonNumericKey) {
    EXPECT_EQ(load_error("parameters:\n  vision.shape: {from: 1, to: 3, count: 3}\n" + metrics),
              "s.yaml:3:17: parameters.vision.shape: expected a list of values or a single value "
              "(vision.shape takes disc | von_neumann | moore, not a number), found a range");
    EXPECT_EQ(load_error("parameters:\n  movement.enabled: {distribution: uniform, low: 0, high: "
                         "1}\ndesign: lhs\npoints: 4\n" +
                         metrics),
              "s.yaml:3:21: parameters.movement.enabled: expected a list of values or a single "
              "value (movement.enabled takes boolean, not a number), found a distribution");
}

TEST(SweepSpecErrors, Ranges) {
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {from: 1, to: 3, cuont: 3}\n" + metrics),
              "s.yaml:3:30: parameters.arrest.k.cuont: unknown key 'cuont', did you mean "
              "'count'?");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {from: 1, to: 3}\n" + metrics),
              "s.yaml:3:13: parameters.arrest.k.count: expected a value for required key "
              "'count', found none");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {from: 1, to: 3, count: 0}\n" + metrics),
              "s.yaml:3:37: parameters.arrest.k.count: expected an integer >= 1, found 0");
    EXPECT_EQ(
        load_error("parameters:\n  arrest.k: {from: 0, to: 3, count: 3, scale: log}\n" + metrics),
        "s.yaml:3:20: parameters.arrest.k.from: expected a number > 0 with scale: log, "
        "found 0");
    EXPECT_EQ(
        load_error("parameters:\n  arrest.k: {from: 1, to: 3, count: 3, scale: lgo}\n" + metrics),
        "s.yaml:3:47: parameters.arrest.k.scale: expected one of linear, log, found 'lgo' "
        "(did you mean 'log'?)");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {from: 1, to: x, count: 3}\n" + metrics),
              "s.yaml:3:27: parameters.arrest.k.to: expected a number, found 'x'");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {from: 1, to: 3, count: 3, low: 1}\n" + metrics),
              "s.yaml:3:40: parameters.arrest.k.low: expected 'low' only with a distribution (or "
              "from, to and count for a range), found it without one");
}

TEST(SweepSpecErrors, Distributions) {
    const std::string lhs = "design: lhs\npoints: 8\n" + metrics;
    EXPECT_EQ(
        load_error("parameters:\n  arrest.k: {distribution: uniform, low: 3, high: 3}\n" + lhs),
        "s.yaml:3:51: parameters.arrest.k.high: expected a number > low (3), found 3");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {distribution: log_uniform, low: 0, high: "
                         "3}\n" +
                         lhs),
              "s.yaml:3:46: parameters.arrest.k.low: expected a number > 0 with distribution: "
              "log_uniform, found 0");
    EXPECT_EQ(
        load_error("parameters:\n  arrest.k: {distribution: normal, low: 1, high: 3}\n" + lhs),
        "s.yaml:3:28: parameters.arrest.k.distribution: expected one of uniform, "
        "log_uniform, found 'normal'");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {distribution: uniform, low: 1, high: 3, "
                         "count: 4}\n" +
                         lhs),
              "s.yaml:3:54: parameters.arrest.k.count: expected low and high with a "
              "distribution, found 'count'");
}

TEST(SweepSpecErrors, Design) {
    EXPECT_EQ(load_error("parameters: {arrest.k: [1, 2]}\ndesign: sobel\n" + metrics),
              "s.yaml:3:9: design: expected one of grid, lhs, sobol, found 'sobel' (did you "
              "mean 'sobol'?)");
    EXPECT_EQ(load_error("parameters: {arrest.k: [1, 2]}\npoints: 10\n" + metrics),
              "s.yaml:3:9: points: expected no points with design: grid (one point per "
              "combination of values), found '10'");
    EXPECT_EQ(load_error("parameters: {arrest.k: [1, 2]}\ndesign: lhs\n" + metrics),
              "s.yaml:3:9: points: expected a value for key 'points' with design: lhs, found "
              "none");
    EXPECT_EQ(load_error("parameters: {arrest.k: [1, 2]}\ndesign: sobol\npoints: 0\n" + metrics),
              "s.yaml:4:9: points: expected an integer >= 1, found 0");
    EXPECT_EQ(load_error("parameters: {ticks: 10}\ndesign: lhs\npoints: 3\n" + metrics),
              "s.yaml:2:13: parameters: expected at least one varied parameter with design: lhs, "
              "found none");
    EXPECT_EQ(load_error("parameters: {arrest.k: [1, 2]}\ndesign_seed: -1\n" + metrics),
              "s.yaml:3:14: design_seed: expected an integer in [0, 2^64), found '-1'");
}

TEST(SweepSpecErrors, Replicates) {
    const std::string params = "parameters: {ticks: 10}\n";
    EXPECT_EQ(load_error(params + "replicates: 0\n" + metrics),
              "s.yaml:3:13: replicates: expected an integer >= 1, found 0");
    EXPECT_EQ(load_error(params + "replicates: [1, 2]\nbase_seed: 5\n" + metrics),
              "s.yaml:4:12: base_seed: expected no base_seed with a list of replicate seeds, "
              "found '5'");
    EXPECT_EQ(load_error(params + "replicates: [4, 5, 4]\n" + metrics),
              "s.yaml:3:20: replicates[2]: expected each seed once, found 4 again "
              "(replicates[0])");
    EXPECT_EQ(load_error(params + "replicates: []\n" + metrics),
              "s.yaml:3:13: replicates: expected a count >= 1 or a non-empty list of seeds, found "
              "an empty list");
    EXPECT_EQ(load_error(params + "replicates: [1, x]\n" + metrics),
              "s.yaml:3:17: replicates[1]: expected an integer in [0, 2^64), found 'x'");
    EXPECT_EQ(load_error(params + "replicates: 3\nbase_seed: 18446744073709551614\n" + metrics),
              "s.yaml:4:12: base_seed: expected base_seed + replicates - 1 < 2^64, found "
              "18446744073709551614");
}

TEST(SweepSpecErrors, Metrics) {
    const std::string params = "parameters: {ticks: 10}\n";
    EXPECT_EQ(load_error(params + "metrics: [outburst.count]\n"),
              "s.yaml:3:11: metrics[0]: expected a summary metric, found 'outburst.count' (did "
              "you mean 'outbursts.count'?)");
    EXPECT_EQ(load_error(params + "metrics: [ticks, zzz]\n"),
              fmt::format("s.yaml:3:18: metrics[1]: expected a summary metric (one of {}), found "
                          "'zzz'",
                          joined(sweep_metric_names())));
    EXPECT_EQ(load_error(params + "metrics: [ticks, final.jailed, ticks]\n"),
              "s.yaml:3:32: metrics[2]: expected each metric once, found 'ticks' again");
    EXPECT_EQ(load_error(params + "metrics: []\n"),
              "s.yaml:3:10: metrics: expected a non-empty list of summary metrics, found an "
              "empty list");
    EXPECT_EQ(load_error(params + "metrics: ticks\n"),
              "s.yaml:3:10: metrics: expected a non-empty list of summary metrics, found 'ticks'");
}

TEST(SweepSpecErrors, KeepAndOnError) {
    const std::string params = "parameters: {ticks: 10}\n" + metrics;
    EXPECT_EQ(load_error(params + "keep: some\n"),
              "s.yaml:4:7: keep: expected one of none, summary, all, found 'some'");
    EXPECT_EQ(load_error(params + "on_error: abort\n"),
              "s.yaml:4:11: on_error: expected one of continue, stop, found 'abort'");
}

// Values the scenario rejects are reported where the sweep file sets them.
TEST(SweepSpecErrors, ValuesTheScenarioRejects) {
    EXPECT_EQ(load_error("parameters:\n  ticks: -5\n" + metrics),
              "s.yaml:3:10: parameters.ticks: expected a value the scenario accepts, found -5 "
              "(expected an integer >= 0, found -5)");
    EXPECT_EQ(load_error("parameters:\n  legitimacy.initial: [0.5, 0.7, 1.5]\n" + metrics),
              "s.yaml:3:34: parameters.legitimacy.initial[2]: expected a value the scenario "
              "accepts, found 1.5 (expected a probability in [0, 1], found 1.5)");
    EXPECT_EQ(load_error("parameters:\n  vision.shape: [disc, square]\n" + metrics),
              "s.yaml:3:24: parameters.vision.shape[1]: expected a value the scenario accepts, "
              "found square (expected one of disc, von_neumann, moore, found 'square')");
    // A range's ends, rounded for an integer key.
    EXPECT_EQ(load_error("parameters:\n  grid.width: {from: 40, to: 0.4, count: 3}\n" + metrics),
              "s.yaml:3:30: parameters.grid.width.to: expected a value the scenario accepts, "
              "found 0 (expected an integer >= 1, found 0)");
    EXPECT_EQ(load_error("parameters:\n  arrest.k: {distribution: uniform, low: -1, high: 3}\n"
                         "design: lhs\npoints: 4\n" +
                         metrics),
              "s.yaml:3:42: parameters.arrest.k.low: expected a value the scenario accepts, "
              "found -1 (expected a finite number > 0, found -1)");
}

// A check that spans keys: blamed on the sweep value that breaks it, with the scenario's own
// message (located in the scenario file).
TEST(SweepSpecErrors, ValuesTheScenarioRejectsTogether) {
    const TempDir dir;
    const std::string scenario =
        dir.write("base.yaml", "name: base\nticks: 10\npopulation:\n  cop_density: 0.04\n");
    try {
        load_sweep_text(fmt::format("scenario: {}\nparameters:\n  ticks: 100\n"
                                    "  population.citizen_density: 0.97\n{}",
                                    scenario, metrics),
                        "s.yaml");
        FAIL() << "no error";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.what(), fmt::format("s.yaml:4:31: parameters.population.citizen_density: "
                                        "expected a value the scenario accepts, found 0.97 "
                                        "({}:4:16: population.cop_density: expected "
                                        "citizen_density + cop_density <= 1, found 0.97 + 0.04 "
                                        "= 1.01)",
                                        scenario));
    }
    // Each value is tried with the other axes' first values: radius 7 fits 40 x 40 but not 10.
    EXPECT_EQ(load_error("parameters:\n  vision.radius: [7]\n  grid.width: [40, 10]\n" + metrics),
              "s.yaml:4:20: parameters.grid.width[1]: expected a value the scenario accepts, "
              "found 10 (vision.radius: expected a vision reach of at most 4 on the 10 x 40 grid "
              "(2 reach + 1 <= 10), found radius 7 (reach 7))");
}

} // namespace
} // namespace unrest

namespace unrest {
namespace {

// Issue 8's counterfactuals from a sweep: a timeline event by its id, a region's parameter by the
// region's name; both checked against the scenario like every value.
TEST(SweepSpec, TimelineEventsAndRegionsByName) {
    const std::string two_cities =
        fmt::format("{}/scenarios/examples/two_cities.yaml", UNREST_SOURCE_DIR);
    const std::string text = fmt::format("scenario: {}\nparameters:\n", two_cities) +
                             "  timeline.east_cut.enabled: [true, false]\n"
                             "  timeline.shock.shift: {from: -0.1, to: 0, count: 3}\n"
                             "  regions.East.legitimacy.initial: 0.8\n" +
                             metrics;
    const SweepSpec spec = load_sweep_text(text, "s.yaml");
    ASSERT_EQ(spec.axes.size(), 2U);
    EXPECT_EQ(spec.axes[0].key, "timeline.east_cut.enabled");
    EXPECT_EQ(spec.axes[0].values, (std::vector<std::string>{"true", "false"}));
    EXPECT_EQ(spec.axes[1].key, "timeline.shock.shift");
    ASSERT_EQ(spec.fixed.size(), 1U);
    EXPECT_EQ(spec.fixed[0].key, "regions.East.legitimacy.initial");
    const auto error = [&](const std::string& parameters) {
        try {
            load_sweep_text(fmt::format("scenario: {}\nparameters:\n{}", two_cities, parameters) +
                                metrics,
                            "s.yaml");
        } catch (const ScenarioError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(error("  timeline.nope.enabled: [true, false]\n")
                  .find("expected the id of a timeline event of the file (lpg_price, shock, "
                        "east_cut), found 'nope'"),
              std::string::npos);
    EXPECT_EQ(error("  timeline.shock.type: [a]\n"),
              "s.yaml:3:3: parameters.timeline.shock.type: expected timeline.<id>.<key> (a key of "
              "the timeline event with that id: enabled, at, from, to or one of its type's keys) "
              "or regions.<name>.<model key>, found 'timeline.shock.type'");
    EXPECT_NE(error("  regions.Nowhere.legitimacy.initial: [0.5]\n").find("'Nowhere'"),
              std::string::npos);
}

} // namespace
} // namespace unrest
