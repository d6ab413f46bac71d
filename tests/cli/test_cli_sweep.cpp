// `unrest sweep` end to end: the same runs.csv bytes whatever the parallelism (threads or MPI
// ranks), common random numbers, resumption after SIGKILL, failed runs recorded or stopping the
// sweep, bad input refused before anything is written, and the per-run outputs kept.
#include "cli_test_util.hpp"
#include "sweep_test_util.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace unrest::cli_test {
namespace {

const std::vector<std::string> legitimacy_values{"0.7", "0.8"};
const std::vector<std::string> cop_values{"0.03", "0.05"};

// 2 x 2 grid x 3 replicates (seeds 7, 8, 9), 200 ticks: 12 short runs.
SweepFile small_grid(std::string replicates = std::string("3")) {
    return SweepFile{.parameters = {"legitimacy.initial: [0.7, 0.8]",
                                    "population.cop_density: [0.03, 0.05]", "ticks: 200"},
                     .replicates = std::move(replicates)};
}

const std::vector<std::string> small_grid_header{"run_id",
                                                 "point",
                                                 "replicate",
                                                 "seed",
                                                 "legitimacy.initial",
                                                 "population.cop_density",
                                                 "outbursts.count",
                                                 "activity.mean_active_fraction",
                                                 "totals.arrests",
                                                 "outbursts.waiting_time.mean",
                                                 "status",
                                                 "error"};

// 4 x 3 grid x 4 replicates, 400 ticks: 48 runs, long enough to be killed part way.
SweepFile larger_grid() {
    return SweepFile{.parameters = {"legitimacy.initial: [0.7, 0.75, 0.8, 0.85]",
                                    "population.cop_density: [0.03, 0.04, 0.05]", "ticks: 400"},
                     .replicates = std::string("4"),
                     .base_seed = std::string("11")};
}

// The outputs of a finished sweep: runs.csv, the manifest complete, no journal.
void expect_complete(const fs::path& dir, std::int64_t runs) {
    ASSERT_TRUE(fs::exists(dir / "runs.csv")) << dir;
    EXPECT_FALSE(fs::exists(dir / "runs.journal.csv")) << "journal left in " << dir;
    EXPECT_FALSE(fs::exists(dir / "runs.csv.tmp")) << dir;
    const nlohmann::json m = read_json(dir / "sweep_manifest.json");
    EXPECT_EQ(m.at("status"), "complete");
    EXPECT_TRUE(m.at("finished_utc").is_string());
    EXPECT_EQ(m.at("design").at("runs"), runs);
    // timings.csv: a header, then one line per run.
    EXPECT_EQ(count_newlines(dir / "timings.csv"), runs + 1) << dir;
}

// Column index by name, failing the test when absent.
std::size_t col(const Csv& csv, std::string_view name) {
    return csv.column(name);
}

std::vector<std::string> directory_names(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// mpirun for 2 ranks. In the sanitizer build OpenMPI's components are unloaded before
// LeakSanitizer reports, so their process-lifetime allocations cannot be suppressed by name: the
// ranks run without leak detection there (ASan's other checks stay on; the variable means
// nothing to a plain build).
const std::string mpirun_prefix =
    "mpirun --allow-run-as-root --oversubscribe -x ASAN_OPTIONS=detect_leaks=0 -np 2";

TEST(CliSweep, RunsCsvIsTheSameBytesForOneJobTwoJobsAndMpi) {
    ASSERT_TRUE(have_program("mpirun")) << "mpirun not found: the setup installs openmpi-bin";
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");

    const Result one = sweep(file, tmp / "jobs1", {"--jobs", "1"});
    ASSERT_EQ(one.status, 0) << describe(one);
    EXPECT_TRUE(one.out.empty()) << "--quiet printed: " << one.out;
    const Result two = sweep(file, tmp / "jobs2", {"--jobs", "2"});
    ASSERT_EQ(two.status, 0) << describe(two);
    const Result mpi = sweep(file, tmp / "mpi", {}, mpirun_prefix);
    ASSERT_EQ(mpi.status, 0) << describe(mpi);

    for (const char* name : {"jobs1", "jobs2", "mpi"}) {
        SCOPED_TRACE(name);
        expect_complete(tmp / name, 12);
    }
    const std::string bytes = read_file(tmp / "jobs1" / "runs.csv");
    EXPECT_EQ(read_file(tmp / "jobs2" / "runs.csv"), bytes);
    EXPECT_EQ(read_file(tmp / "mpi" / "runs.csv"), bytes);

    EXPECT_EQ(read_json(tmp / "jobs1" / "sweep_manifest.json").at("jobs"), 1);
    EXPECT_EQ(read_json(tmp / "jobs1" / "sweep_manifest.json").at("ranks"), 1);
    EXPECT_EQ(read_json(tmp / "jobs2" / "sweep_manifest.json").at("jobs"), 2);
    EXPECT_EQ(read_json(tmp / "mpi" / "sweep_manifest.json").at("ranks"), 2);

    const Csv csv = read_runs_csv(tmp / "jobs1" / "runs.csv");
    EXPECT_EQ(csv.header, small_grid_header);
    ASSERT_EQ(csv.rows.size(), 12U);
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        EXPECT_EQ(csv.integer(i, "run_id"), static_cast<std::int64_t>(i));
        EXPECT_EQ(csv.rows[i][col(csv, "status")], "ok") << "run " << i;
        EXPECT_EQ(csv.rows[i][col(csv, "error")], "") << "run " << i;
        EXPECT_FALSE(csv.rows[i][col(csv, "outbursts.count")].empty()) << "run " << i;
        EXPECT_FALSE(csv.rows[i][col(csv, "totals.arrests")].empty()) << "run " << i;
    }
    // Legitimacy 0.7 with few cops: there is unrest, and the seed makes a difference.
    EXPECT_GT(csv.integer(0, "totals.arrests"), 0);
    EXPECT_FALSE(csv.rows[0][col(csv, "totals.arrests")] ==
                     csv.rows[1][col(csv, "totals.arrests")] &&
                 csv.rows[1][col(csv, "totals.arrests")] == csv.rows[2][col(csv, "totals.arrests")])
        << "three replicates with identical results: are the seeds used?";
}

TEST(CliSweep, CommonRandomNumbersAndGridValues) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    const Result r = sweep(file, tmp / "out", {"--jobs", "2"});
    ASSERT_EQ(r.status, 0) << describe(r);
    const Csv csv = read_runs_csv(tmp / "out" / "runs.csv");
    ASSERT_EQ(csv.rows.size(), 12U);
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        const std::int64_t point = csv.integer(i, "point");
        const std::int64_t replicate = csv.integer(i, "replicate");
        EXPECT_EQ(point, static_cast<std::int64_t>(i / 3)) << "run " << i;
        EXPECT_EQ(replicate, static_cast<std::int64_t>(i % 3)) << "run " << i;
        EXPECT_EQ(csv.integer(i, "run_id"), point * 3 + replicate);
        // Replicate r has seed base_seed + r at every point.
        EXPECT_EQ(csv.integer(i, "seed"), 7 + replicate) << "run " << i;
        // The grid, last axis fastest.
        const auto p = static_cast<std::size_t>(point);
        EXPECT_EQ(csv.rows[i][col(csv, "legitimacy.initial")], legitimacy_values[p / 2]);
        EXPECT_EQ(csv.rows[i][col(csv, "population.cop_density")], cop_values[p % 2]);
    }
}

TEST(CliSweep, ARowIsTheSingleRunWithTheSameSeedAndParameters) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    ASSERT_EQ(sweep(file, tmp / "out", {"--jobs", "2"}).status, 0);
    const Csv csv = read_runs_csv(tmp / "out" / "runs.csv");
    ASSERT_EQ(csv.rows.size(), 12U);
    const std::size_t i = 4; // point 1 (0.7, 0.05), replicate 1, seed 8
    const Result run = unrest({"run", run2(), "--out", (tmp / "single").string(), "--quiet",
                               "--threads", "1", "--seed", "8", "--set", "ticks=200", "--set",
                               "legitimacy.initial=0.7", "--set", "population.cop_density=0.05"});
    ASSERT_EQ(run.status, 0) << describe(run);
    const nlohmann::json s = read_json(tmp / "single" / "summary.json");
    EXPECT_EQ(csv.integer(i, "seed"), 8);
    EXPECT_EQ(csv.integer(i, "outbursts.count"), s.at("outbursts").at("count").get<std::int64_t>());
    EXPECT_EQ(csv.integer(i, "totals.arrests"), s.at("totals").at("arrests").get<std::int64_t>());
    EXPECT_EQ(csv.number(i, "activity.mean_active_fraction"),
              s.at("activity").at("mean_active_fraction").get<double>());
    const nlohmann::json& wait = s.at("outbursts").at("waiting_time").at("mean");
    if (wait.is_null()) {
        EXPECT_EQ(csv.rows[i][col(csv, "outbursts.waiting_time.mean")], "");
    } else {
        EXPECT_EQ(csv.number(i, "outbursts.waiting_time.mean"), wait.get<double>());
    }
}

// Waits until the journal in `dir` holds at least `rows` complete rows while `bg` runs.
TEST(CliSweep, ResumeAfterSigkillRunsOnlyTheMissingRunsAndGivesTheSameBytes) {
    const TempDir tmp;
    const fs::path file = larger_grid().write(tmp / "sweep.yaml");
    constexpr std::int64_t runs = 48;

    const Result whole = sweep(file, tmp / "whole", {"--jobs", "2"});
    ASSERT_EQ(whole.status, 0) << describe(whole);
    expect_complete(tmp / "whole", runs);

    const fs::path dir = tmp / "killed";
    const fs::path journal = dir / "runs.journal.csv";
    {
        Background bg({"sweep", file.string(), "--out", dir.string(), "--jobs", "2", "--quiet"});
        ASSERT_TRUE(bg.started());
        ASSERT_NO_FATAL_FAILURE(wait_for_rows(bg, dir, 3));
        ASSERT_TRUE(bg.kill_now()) << "the sweep ended before it could be killed";
    }
    EXPECT_FALSE(fs::exists(dir / "runs.csv"));
    ASSERT_TRUE(fs::exists(journal));
    EXPECT_EQ(sweep_status(dir), "running"); // SIGKILL: no chance to record anything
    // Complete journal rows (a torn last line, if any, has no line end and will be dropped).
    const std::int64_t journaled = count_newlines(journal) - 1;
    ASSERT_GE(journaled, 3);
    ASSERT_LT(journaled, runs) << "the sweep finished before the kill";
    std::set<std::int64_t> missing;
    for (std::int64_t id = 0; id < runs; ++id) {
        missing.insert(id);
    }
    {
        const std::vector<std::string> lines = split(read_file(journal), '\n');
        for (std::size_t k = 1; k + 1 < lines.size(); ++k) { // the last piece: "" or torn
            missing.erase(std::stoll(lines[k].substr(0, lines[k].find(','))));
        }
    }
    ASSERT_EQ(static_cast<std::int64_t>(missing.size()), runs - journaled);
    const std::int64_t timings_before = count_newlines(dir / "timings.csv");

    const Result resumed = sweep(file, dir, {"--jobs", "2", "--resume"});
    ASSERT_EQ(resumed.status, 0) << describe(resumed);
    EXPECT_EQ(read_file(dir / "runs.csv"), read_file(tmp / "whole" / "runs.csv"));
    EXPECT_FALSE(fs::exists(journal));
    EXPECT_EQ(sweep_status(dir), "complete");

    // The resumed process ran exactly the runs missing from the journal, each once: its lines
    // of timings.csv (appended after the killed process's) name exactly those runs.
    const std::vector<std::string> timing_lines = split(read_file(dir / "timings.csv"), '\n');
    const std::int64_t timings_after = count_newlines(dir / "timings.csv");
    ASSERT_EQ(timings_after - timings_before, runs - journaled);
    std::multiset<std::int64_t> rerun;
    for (std::size_t k = static_cast<std::size_t>(timings_before);
         k < static_cast<std::size_t>(timings_after); ++k) {
        rerun.insert(std::stoll(timing_lines[k].substr(0, timing_lines[k].find(','))));
    }
    EXPECT_EQ(rerun, std::multiset<std::int64_t>(missing.begin(), missing.end()));
}

TEST(CliSweep, SigtermInterruptsAfterTheRunsInFlightAndResumeFinishes) {
    const TempDir tmp;
    SweepFile f = larger_grid();
    f.replicates = std::string("2"); // 24 runs
    const fs::path file = f.write(tmp / "sweep.yaml");
    const Result whole = sweep(file, tmp / "whole", {"--jobs", "2"});
    ASSERT_EQ(whole.status, 0) << describe(whole);

    const fs::path dir = tmp / "stopped";
    {
        Background bg({"sweep", file.string(), "--out", dir.string(), "--jobs", "2", "--quiet"});
        ASSERT_TRUE(bg.started());
        ASSERT_NO_FATAL_FAILURE(wait_for_rows(bg, dir, 2));
        EXPECT_EQ(bg.signal_and_wait(SIGTERM), 1) << "an interrupted sweep exits with status 1";
    }
    EXPECT_EQ(sweep_status(dir), "interrupted");
    EXPECT_FALSE(fs::exists(dir / "runs.csv"));
    // Every run begun was finished and recorded: the journal has no torn line, and timings.csv
    // one line per journal row.
    const std::string journal = read_file(dir / "runs.journal.csv");
    ASSERT_FALSE(journal.empty());
    EXPECT_EQ(journal.back(), '\n');
    const std::int64_t rows = count_newlines(dir / "runs.journal.csv") - 1;
    EXPECT_LT(rows, 24);
    EXPECT_EQ(count_newlines(dir / "timings.csv") - 1, rows);

    const Result resumed = sweep(file, dir, {"--resume", "--jobs", "1"});
    ASSERT_EQ(resumed.status, 0) << describe(resumed);
    EXPECT_EQ(read_file(dir / "runs.csv"), read_file(tmp / "whole" / "runs.csv"));
    expect_complete(dir, 24);
}

TEST(CliSweep, ResumeOfACompletedSweepChangesNothing) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    ASSERT_EQ(sweep(file, dir, {"--jobs", "2"}).status, 0);
    const std::string before = read_file(dir / "runs.csv");
    const std::string timings = read_file(dir / "timings.csv");

    const Result again = sweep(file, dir, {"--resume"});
    ASSERT_EQ(again.status, 0) << describe(again);
    EXPECT_EQ(read_file(dir / "runs.csv"), before);
    EXPECT_EQ(read_file(dir / "timings.csv"), timings) << "a completed sweep ran runs again";
    expect_complete(dir, 12);
}

// population.citizen_density + population.cop_density must be <= 1: each value is fine with the
// other axis's first value (so the sweep file is accepted), but 0.97 + 0.05 fails when run.
SweepFile invalid_corner(std::string on_error, std::string citizens = std::string("[0.5, 0.97]")) {
    return SweepFile{.parameters = {fmt::format("population.citizen_density: {}", citizens),
                                    "population.cop_density: [0.02, 0.05]", "ticks: 100"},
                     .replicates = std::string("2"),
                     .on_error = std::move(on_error)};
}

TEST(CliSweep, FailedRunsAreRecordedWithOnErrorContinue) {
    const TempDir tmp;
    const fs::path file = invalid_corner(std::string("continue")).write(tmp / "sweep.yaml");
    const Result r = sweep(file, tmp / "out", {"--jobs", "2"});
    ASSERT_EQ(r.status, 0) << describe(r);
    expect_complete(tmp / "out", 8);
    const Csv csv = read_runs_csv(tmp / "out" / "runs.csv");
    ASSERT_EQ(csv.rows.size(), 8U);
    const std::vector<std::string> metrics{"outbursts.count", "activity.mean_active_fraction",
                                           "totals.arrests", "outbursts.waiting_time.mean"};
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        SCOPED_TRACE(fmt::format("run {}", i));
        const bool bad = csv.integer(i, "point") == 3; // (0.97, 0.05)
        if (bad) {
            EXPECT_EQ(csv.rows[i][col(csv, "population.citizen_density")], "0.97");
            EXPECT_EQ(csv.rows[i][col(csv, "population.cop_density")], "0.05");
            EXPECT_EQ(csv.rows[i][col(csv, "status")], "error");
            const std::string& error = csv.rows[i][col(csv, "error")];
            EXPECT_NE(error.find("cop_density"), std::string::npos) << error;
            EXPECT_NE(error.find("<= 1"), std::string::npos) << error;
            for (const std::string& m : metrics) {
                EXPECT_EQ(csv.rows[i][col(csv, m)], "") << m;
            }
        } else {
            EXPECT_EQ(csv.rows[i][col(csv, "status")], "ok");
            EXPECT_EQ(csv.rows[i][col(csv, "error")], "");
            EXPECT_FALSE(csv.rows[i][col(csv, "totals.arrests")].empty());
        }
    }
}

TEST(CliSweep, AFailedRunStopsTheSweepWithOnErrorStop) {
    const TempDir tmp;
    // Points: (0.5,0.02) (0.5,0.05) (0.97,0.02) (0.97,0.05)=bad (0.6,0.02) (0.6,0.05) ...: with
    // one job, runs 0-5 succeed, run 6 fails and nothing after it starts.
    const fs::path file = invalid_corner(std::string("stop"), std::string("[0.5, 0.97, 0.6, 0.7]"))
                              .write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    const Result r = sweep(file, dir, {"--jobs", "1"});
    ASSERT_EQ(r.status, 1) << describe(r);
    EXPECT_NE(r.err.find("stopped"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "runs.csv"));
    EXPECT_EQ(sweep_status(dir), "stopped");
    EXPECT_TRUE(read_json(dir / "sweep_manifest.json").at("finished_utc").is_string());
    // The journal keeps what was done, for --resume.
    const Csv journal = read_runs_csv(dir / "runs.journal.csv");
    ASSERT_EQ(journal.rows.size(), 7U);
    for (std::size_t i = 0; i < 7; ++i) {
        EXPECT_EQ(journal.integer(i, "run_id"), static_cast<std::int64_t>(i));
        EXPECT_EQ(journal.rows[i][col(journal, "status")], i < 6 ? "ok" : "error") << i;
    }
}

TEST(CliSweep, AFailedRunStopsTheSweepUnderMpi) {
    ASSERT_TRUE(have_program("mpirun")) << "mpirun not found: the setup installs openmpi-bin";
    const TempDir tmp;
    const fs::path file = invalid_corner(std::string("stop")).write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    const Result r = sweep(file, dir, {}, mpirun_prefix);
    ASSERT_EQ(r.status, 1) << describe(r);
    EXPECT_FALSE(fs::exists(dir / "runs.csv"));
    EXPECT_EQ(sweep_status(dir), "stopped");
}

TEST(CliSweep, UnknownKeyIsRefusedWithItsLocationAndNothingWritten) {
    const TempDir tmp;
    const SweepFile f{.parameters = small_grid().parameters,
                      .extra = std::string("replicatez: 3\n")};
    const fs::path file = f.write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    const Result r = sweep(file, dir);
    EXPECT_EQ(r.status, 2) << describe(r);
    // design is on line 6 (scenario, parameters, 3 parameters), replicatez on line 7.
    const std::string where = fmt::format("{}:7:1: ", file.string());
    EXPECT_NE(r.err.find(where), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("replicatez"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("did you mean 'replicates'"), std::string::npos) << r.err;
    expect_no_output(dir);
}

TEST(CliSweep, MissingSweepFileExitsTwo) {
    const TempDir tmp;
    const Result r = sweep(tmp / "absent.yaml", tmp / "out");
    EXPECT_EQ(r.status, 2) << describe(r);
    expect_no_output(tmp / "out");
}

TEST(CliSweep, NonEmptyDirectoryNeedsForce) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    fs::create_directory(dir);
    write_file(dir / "keep.txt", "precious\n");
    const Result r = sweep(file, dir);
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
    EXPECT_EQ(directory_names(dir), std::vector<std::string>{"keep.txt"});
    EXPECT_EQ(read_file(dir / "keep.txt"), "precious\n");

    // Not a sweep's output: --force does not replace it either.
    const Result refused = sweep(file, dir, {"--force"});
    EXPECT_EQ(refused.status, 2) << describe(refused);
    EXPECT_NE(refused.err.find("holds no sweep_manifest.json written by unrest"), std::string::npos)
        << refused.err;
    EXPECT_EQ(directory_names(dir), std::vector<std::string>{"keep.txt"});

    // An earlier sweep's output: refused without --force, replaced with it.
    const fs::path earlier = tmp / "earlier";
    ASSERT_EQ(sweep(file, earlier).status, 0);
    write_file(earlier / "notes.txt", "mine\n");
    const Result again = sweep(file, earlier);
    EXPECT_EQ(again.status, 2) << describe(again);
    EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
    EXPECT_TRUE(fs::exists(earlier / "notes.txt"));
    const Result forced = sweep(file, earlier, {"--force"});
    ASSERT_EQ(forced.status, 0) << describe(forced);
    EXPECT_FALSE(fs::exists(earlier / "notes.txt"));
    expect_complete(earlier, 12);
}

TEST(CliSweep, EmptyDirectoryIsUsedWithoutForce) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    fs::create_directory(tmp / "out");
    const Result r = sweep(file, tmp / "out", {"--jobs", "2"});
    ASSERT_EQ(r.status, 0) << describe(r);
    expect_complete(tmp / "out", 12);
}

TEST(CliSweep, ResumeOfNothingExitsTwo) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    const Result absent = sweep(file, tmp / "absent", {"--resume"});
    EXPECT_EQ(absent.status, 2) << describe(absent);
    EXPECT_NE(absent.err.find("nothing to resume"), std::string::npos) << absent.err;
    expect_no_output(tmp / "absent");

    fs::create_directory(tmp / "empty");
    const Result empty = sweep(file, tmp / "empty", {"--resume"});
    EXPECT_EQ(empty.status, 2) << describe(empty);
    EXPECT_TRUE(fs::is_empty(tmp / "empty"));
}

TEST(CliSweep, ResumeOfADifferentSweepExitsTwoAndChangesNothing) {
    const TempDir tmp;
    const fs::path file = small_grid().write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    ASSERT_EQ(sweep(file, dir, {"--jobs", "2"}).status, 0);
    const std::string runs = read_file(dir / "runs.csv");
    const std::string manifest = read_file(dir / "sweep_manifest.json");

    // Another design: one more replicate.
    const fs::path other_file = small_grid(std::string("4")).write(tmp / "other.yaml");
    const Result r = sweep(other_file, dir, {"--resume"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("different"), std::string::npos) << r.err;

    // Another metric: other columns.
    SweepFile metrics = small_grid();
    metrics.metrics.emplace_back("final.jailed");
    const Result m = sweep(metrics.write(tmp / "metrics.yaml"), dir, {"--resume"});
    EXPECT_EQ(m.status, 2) << describe(m);

    EXPECT_EQ(read_file(dir / "runs.csv"), runs);
    EXPECT_EQ(read_file(dir / "sweep_manifest.json"), manifest);
}

TEST(CliSweep, KeepSummaryAndKeepAll) {
    const TempDir tmp;
    for (const char* keep : {"summary", "all"}) {
        SCOPED_TRACE(keep);
        const SweepFile f{.parameters = {"legitimacy.initial: [0.7, 0.8]", "ticks: 50"},
                          .replicates = std::string("2"),
                          .keep = std::string(keep)};
        const fs::path file = f.write(tmp / fmt::format("{}.yaml", keep));
        const fs::path dir = tmp / keep;
        const Result r = sweep(file, dir, {"--jobs", "2"});
        ASSERT_EQ(r.status, 0) << describe(r);
        expect_complete(dir, 4);
        EXPECT_EQ(directory_names(dir / "runs"), (std::vector<std::string>{"0", "1", "2", "3"}));
        const Csv csv = read_runs_csv(dir / "runs.csv");
        ASSERT_EQ(csv.rows.size(), 4U);
        std::vector<std::string> expected{"manifest.json", "summary.json"};
        if (std::string_view(keep) == "all") {
            expected = {"dictionary.json", "events.csv", "manifest.json", "summary.json",
                        "timeseries.csv"};
        }
        for (std::size_t i = 0; i < 4; ++i) {
            const fs::path run_dir = dir / "runs" / fmt::format("{}", i);
            EXPECT_EQ(directory_names(run_dir), expected) << run_dir;
            const nlohmann::json summary = read_json(run_dir / "summary.json");
            EXPECT_EQ(summary.at("ticks"), 50);
            EXPECT_EQ(summary.at("totals").at("arrests").get<std::int64_t>(),
                      csv.integer(i, "totals.arrests"));
            const nlohmann::json manifest = read_json(run_dir / "manifest.json");
            EXPECT_EQ(manifest.at("run").at("seed").get<std::int64_t>(), csv.integer(i, "seed"));
            if (std::string_view(keep) == "all") {
                // A header and ticks 0..50.
                EXPECT_EQ(count_newlines(run_dir / "timeseries.csv"), 1 + 51);
            }
        }
    }
}

TEST(CliSweep, WithoutQuietASummaryLineIsPrinted) {
    const TempDir tmp;
    const SweepFile f{.parameters = {"ticks: 20"}, .replicates = std::string("2")};
    const fs::path file = f.write(tmp / "sweep.yaml");
    const Result r = unrest({"sweep", file.string(), "--out", (tmp / "out").string()});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("2 runs"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("runs.csv"), std::string::npos) << r.out;
}

} // namespace
} // namespace unrest::cli_test
