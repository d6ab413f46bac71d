// What unrest must never do, end to end: replace or empty a directory it did not write, let two
// processes write one output, delete a directory that merely looks like its temporary, crash on
// absurd thread counts, or leave a temporary behind when its terminal closes. Each case was a
// defect of an earlier version (issue 6).
#include "cli_test_util.hpp"
#include "sweep_test_util.hpp"

#include <chrono>
#include <csignal>
#include <thread>

namespace unrest::cli_test {
namespace {

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// A scenario file of our own (a copy of run 2) in `dir`.
fs::path own_scenario(const fs::path& dir) {
    fs::create_directories(dir);
    const fs::path file = dir / "base.yaml";
    write_file(file, read_file(run2()));
    return file;
}

// `unrest run FILE --out OUT --ticks 5 --threads 1 --quiet EXTRA...`, from `cwd` if given.
Result run_quick(const fs::path& file, const std::string& out, std::vector<std::string> extra = {},
                 const fs::path& cwd = {}) {
    std::vector<std::string> args{"run", file.string(), "--out", out,      "--ticks",
                                  "5",   "--threads",   "1",     "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return unrest(args, cwd.empty() ? std::string() : "cd " + shell_quote(cwd.string()) + " &&");
}

void expect_refused(const Result& r, std::string_view fragment) {
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find(fragment), std::string::npos) << "expected '" << fragment << "' in\n"
                                                       << r.err;
}

// Files of a user's that no command may touch.
void fill_with_precious(const fs::path& dir) {
    fs::create_directories(dir / "sub");
    write_file(dir / "thesis.tex", "years of work\n");
    write_file(dir / "sub" / "data.csv", "1,2,3\n");
}

void expect_precious(const fs::path& dir) {
    EXPECT_EQ(read_file(dir / "thesis.tex"), "years of work\n") << dir;
    EXPECT_EQ(read_file(dir / "sub" / "data.csv"), "1,2,3\n") << dir;
}

// --- 1. --force replaces only what unrest wrote -----------------------------------------------

TEST(CliSafety, ForceWithATrailingDotDoesNotEmptyTheDirectory) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path victim = tmp / "victim";
    fill_with_precious(victim);
    expect_refused(run_quick(file, (victim / ".").string(), {"--force"}),
                   "holds no manifest.json written by unrest");
    expect_precious(victim);
    EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"in", "victim"}));
}

TEST(CliSafety, ForceOnAnAncestorOfTheWorkingDirectoryIsRefused) {
    const TempDir tmp;
    const fs::path p = tmp / "p";
    const fs::path file = own_scenario(p);
    fs::create_directories(p / "c");
    expect_refused(run_quick(file, "..", {"--force"}, p / "c"),
                   "refusing an ancestor of the working directory");
    expect_refused(run_quick(file, ".", {"--force"}, p / "c"), "refusing the working directory");
    EXPECT_EQ(read_file(file), read_file(run2()));
    EXPECT_EQ(listing(p), (std::vector<std::string>{"base.yaml", "c"}));
}

TEST(CliSafety, TheRootIsRefusedInEveryForm) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    for (const char* root : {"/", "/.", "//", "/tmp/.."}) {
        SCOPED_TRACE(root);
        expect_refused(run_quick(file, root, {"--force"}), "refusing the root directory");
        const fs::path sweep_file = SweepFile{}.write(tmp / "sweep.yaml");
        expect_refused(sweep(sweep_file, root, {"--force"}), "refusing the root directory");
    }
}

TEST(CliSafety, TheHomeDirectoryIsRefused) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path home = tmp / "home";
    fill_with_precious(home);
    const std::string env = "HOME=" + shell_quote(home.string());
    const Result r =
        unrest({"run", file.string(), "--out", home.string(), "--ticks", "5", "--force"}, env);
    expect_refused(r, "refusing the home directory");
    expect_precious(home);
}

TEST(CliSafety, ADirectoryHoldingTheScenarioIsRefusedEvenIfUnrestWroteIt) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path out = tmp / "out";
    ASSERT_EQ(run_quick(file, out.string()).status, 0);
    const fs::path inside = own_scenario(out / "mine"); // the user keeps a scenario there
    expect_refused(run_quick(inside, out.string(), {"--force"}),
                   "refusing a directory that holds the input file");
    EXPECT_EQ(read_file(inside), read_file(run2()));
}

TEST(CliSafety, SweepForceDoesNotReplaceARegularFile) {
    const TempDir tmp;
    const fs::path sweep_file = SweepFile{}.write(tmp / "sweep.yaml");
    const fs::path target = tmp / "results";
    write_file(target, "a file of mine\n");
    expect_refused(sweep(sweep_file, target, {"--force"}), "exists and is not a directory");
    EXPECT_EQ(read_file(target), "a file of mine\n");
}

TEST(CliSafety, ASymlinkToAUsersDirectoryIsRefused) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    fill_with_precious(tmp / "real");
    fs::create_directory_symlink(tmp / "real", tmp / "link");
    expect_refused(run_quick(file, (tmp / "link").string(), {"--force"}),
                   fmt::format("(that is '{}')", (tmp / "real").string()));
    expect_precious(tmp / "real");
    EXPECT_TRUE(fs::is_symlink(tmp / "link"));
}

// --- 2. one writer per output ------------------------------------------------------------------

// Waits until `out` has a temporary sibling (a run has started writing it).
void wait_for_temporary(Background& bg, const fs::path& out) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (temp_siblings(out).empty()) {
        ASSERT_TRUE(bg.running()) << "the run ended before its output was checked";
        ASSERT_LT(std::chrono::steady_clock::now(), deadline);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

TEST(CliSafety, ASecondRunIntoTheSameOutputIsRefusedNamingTheFirst) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path out = tmp / "out";
    Background first({"run", file.string(), "--out", out.string(), "--ticks", "100000000",
                      "--threads", "1", "--quiet"});
    ASSERT_TRUE(first.started());
    ASSERT_NO_FATAL_FAILURE(wait_for_temporary(first, out));
    for (const bool force : {false, true}) {
        const Result second =
            run_quick(file, out.string(),
                      force ? std::vector<std::string>{"--force"} : std::vector<std::string>{});
        expect_refused(second, fmt::format("another unrest process (pid {}", first.pid()));
    }
    ASSERT_TRUE(first.running());
    // Killed, it cannot clean up: its temporary stays until the next run into `out`, which
    // removes it (nobody holds its lock any more) and succeeds.
    ASSERT_TRUE(first.kill_now());
    ASSERT_EQ(temp_siblings(out).size(), 1U);
    const Result third = run_quick(file, out.string());
    ASSERT_EQ(third.status, 0) << describe(third);
    EXPECT_TRUE(temp_siblings(out).empty());
    EXPECT_EQ(listing(out),
              (std::vector<std::string>{"dictionary.json", "events.csv", "manifest.json",
                                        "summary.json", "timeseries.csv"}));
}

TEST(CliSafety, ASecondSweepInTheSameDirectoryIsRefusedAndTheFirstCompletes) {
    const TempDir tmp;
    const SweepFile spec{.parameters = {"legitimacy.initial: [0.7, 0.75, 0.8, 0.85]",
                                        "population.cop_density: [0.03, 0.05]", "ticks: 300"},
                         .replicates = std::string("3")};
    const fs::path file = spec.write(tmp / "sweep.yaml");
    ASSERT_EQ(sweep(file, tmp / "whole", {"--jobs", "1"}).status, 0);

    const fs::path dir = tmp / "cc";
    Background first({"sweep", file.string(), "--out", dir.string(), "--jobs", "1", "--quiet"});
    ASSERT_TRUE(first.started());
    ASSERT_NO_FATAL_FAILURE(wait_for_rows(first, dir, 1));
    const std::string holder = fmt::format("another unrest process (pid {}", first.pid());
    expect_refused(sweep(file, dir, {"--resume"}), holder);
    expect_refused(sweep(file, dir, {"--force"}), holder);
    ASSERT_TRUE(first.running()) << "the first sweep did not survive the attempts";
    // Let it finish: every row once, the same bytes as an undisturbed sweep.
    int raw = 0;
    ::waitpid(first.pid(), &raw, 0);
    ASSERT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0);
    EXPECT_EQ(read_file(dir / "runs.csv"), read_file(tmp / "whole" / "runs.csv"));
    EXPECT_EQ(sweep_status(dir), "complete");
    EXPECT_FALSE(fs::exists(dir / "runs.csv.tmp"));
}

TEST(CliSafety, TheSweepLockDiesWithItsProcess) {
    const TempDir tmp;
    const SweepFile spec{.parameters = {"legitimacy.initial: [0.7, 0.8]", "ticks: 300"},
                         .replicates = std::string("6")};
    const fs::path file = spec.write(tmp / "sweep.yaml");
    ASSERT_EQ(sweep(file, tmp / "whole", {"--jobs", "1"}).status, 0);
    const fs::path dir = tmp / "killed";
    {
        Background first({"sweep", file.string(), "--out", dir.string(), "--jobs", "1"});
        ASSERT_NO_FATAL_FAILURE(wait_for_rows(first, dir, 1));
        ASSERT_TRUE(first.kill_now());
    }
    const Result resumed = sweep(file, dir, {"--resume"});
    ASSERT_EQ(resumed.status, 0) << describe(resumed);
    EXPECT_EQ(read_file(dir / "runs.csv"), read_file(tmp / "whole" / "runs.csv"));
}

// --- 3. stale temporaries: only unrest's own ---------------------------------------------------

TEST(CliSafety, ADirectoryNamedLikeATemporaryIsNotRemoved) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path backup = tmp / "res.tmp-99999-mybackup";
    fill_with_precious(backup);
    const Result r = run_quick(file, (tmp / "res").string());
    ASSERT_EQ(r.status, 0) << describe(r);
    expect_precious(backup);
}

// --- 6. thread and job counts ------------------------------------------------------------------

TEST(CliSafety, AbsurdThreadAndJobCountsAreRefusedBeforeAnythingIsWritten) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path out = tmp / "o";
    for (const char* n : {"100000", "2147483647", "0"}) {
        SCOPED_TRACE(n);
        expect_refused(unrest({"run", file.string(), "--out", out.string(), "--threads", n}),
                       "--threads: expected");
        expect_no_output(out);
        const fs::path sweep_file = SweepFile{}.write(tmp / "sweep.yaml");
        expect_refused(sweep(sweep_file, out, {"--jobs", n}), "--jobs: expected");
        expect_no_output(out);
    }
    expect_refused(unrest({"run", file.string(), "--out", out.string()}, "OMP_NUM_THREADS=100000"),
                   "OMP_NUM_THREADS=100000: expected at most");
    expect_no_output(out);
}

// --- 8. a closed terminal ----------------------------------------------------------------------

TEST(CliSafety, SighupIsAnInterruptionThatLeavesNothingBehind) {
    const TempDir tmp;
    const fs::path file = own_scenario(tmp / "in");
    const fs::path out = tmp / "out";
    Background run({"run", file.string(), "--out", out.string(), "--ticks", "100000000",
                    "--threads", "1", "--quiet"});
    ASSERT_NO_FATAL_FAILURE(wait_for_temporary(run, out));
    EXPECT_EQ(run.signal_and_wait(SIGHUP), 130);
    expect_no_output(out);

    const fs::path sweep_file =
        SweepFile{.parameters = {"ticks: 300"}, .replicates = "20"}.write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "sweep";
    Background s({"sweep", sweep_file.string(), "--out", dir.string(), "--jobs", "1"});
    ASSERT_NO_FATAL_FAILURE(wait_for_rows(s, dir, 1));
    EXPECT_EQ(s.signal_and_wait(SIGHUP), 1);
    EXPECT_EQ(sweep_status(dir), "interrupted");
    EXPECT_EQ(sweep(sweep_file, dir, {"--resume"}).status, 0);
}

// --- 4. a journal that is not the sweep's -------------------------------------------------------

TEST(CliSafety, AGarbageJournalIsNamedWithItsLineAndLeftAsItWas) {
    const TempDir tmp;
    const fs::path file = SweepFile{.parameters = {"ticks: 50"}}.write(tmp / "sweep.yaml");
    const fs::path dir = tmp / "out";
    ASSERT_EQ(sweep(file, dir).status, 0);
    const std::string rows = read_file(dir / "runs.csv");
    const std::string header = rows.substr(0, rows.find('\n') + 1);
    const fs::path journal = dir / "runs.journal.csv";
    const std::vector<std::pair<std::string, std::string>> cases{
        {header + "garbage\n", ":2: expected a row of 10 fields (this sweep's columns), found 1"},
        {header + "7,0,0,7,,,,,ok,\n", ":2: expected a run_id in [0, 3), found '7'"},
        {header + "-1,0,0,7,,,,,ok,\n", ":2: expected a run_id in [0, 3), found '-1'"},
        {header + "1,0,1,9,,,,,ok,\n",
         ":2: expected run 1's seed to be 8 as this sweep plans it, found '9'"},
        {"tick,quiet\n", ":1: expected this sweep's header"},
    };
    for (const auto& [text, message] : cases) {
        SCOPED_TRACE(text);
        write_file(journal, text);
        const Result r = sweep(file, dir, {"--resume"});
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_TRUE(r.first_error_line().starts_with("error: " + journal.string() + message))
            << r.first_error_line();
        EXPECT_EQ(read_file(journal), text);
        EXPECT_EQ(read_file(dir / "runs.csv"), rows);
    }
}

} // namespace
} // namespace unrest::cli_test
