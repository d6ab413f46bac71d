// The output directory: appears complete or not at all; a non-empty one needs --force.
#include "cli_test_util.hpp"

#include <algorithm>

namespace unrest::cli_test {
namespace {

const std::vector<std::string> output_files{"dictionary.json", "events.csv", "manifest.json",
                                            "summary.json", "timeseries.csv"};

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

Result run_quick(const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"run", run2(),      "--out", out.string(), "--ticks",
                                  "5",   "--threads", "1",     "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return unrest(args);
}

TEST(CliOutputDir, NewDirectoryHoldsExactlyTheOutputs) {
    const TempDir tmp;
    const fs::path out = tmp / "nested" / "deeper" / "out";
    const Result r = run_quick(out);
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(r.out.empty()) << "--quiet printed: " << r.out;
    EXPECT_EQ(listing(out), output_files);
    EXPECT_TRUE(temp_siblings(out).empty());
}

TEST(CliOutputDir, WithoutQuietASummaryIsPrinted) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    const Result r =
        unrest({"run", run2(), "--out", out.string(), "--ticks", "5", "--threads", "1"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("simulated 'epstein2002-run2' for 5 ticks (seed 2002, 1 threads)"),
              std::string::npos)
        << r.out;
    for (const std::string& f : output_files) {
        EXPECT_NE(r.out.find((out / f).string()), std::string::npos) << f << " not listed";
    }
}

TEST(CliOutputDir, TrailingSeparatorNamesTheSameDirectory) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    const Result r = run_quick(fmt::format("{}/", out.string()));
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(listing(out), output_files);
    EXPECT_TRUE(temp_siblings(out).empty());
}

TEST(CliOutputDir, NonEmptyDirectoryIsRefusedWithoutForce) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    fs::create_directory(out);
    write_file(out / "keep.txt", "precious\n");
    const Result r = run_quick(out);
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_NE(r.err.find("not empty"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
    EXPECT_EQ(listing(out), std::vector<std::string>{"keep.txt"});
    EXPECT_EQ(read_file(out / "keep.txt"), "precious\n");
    EXPECT_TRUE(temp_siblings(out).empty());
}

TEST(CliOutputDir, ExistingEmptyDirectoryIsAccepted) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    fs::create_directory(out);
    const Result r = run_quick(out);
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(listing(out), output_files);
    EXPECT_TRUE(temp_siblings(out).empty());
}

TEST(CliOutputDir, ForceReplacesAnEarlierRunsOutput) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    ASSERT_EQ(run_quick(out).status, 0);
    fs::create_directories(out / "sub");
    write_file(out / "old.txt", "old\n");
    write_file(out / "timeseries.csv", "stale\n");
    const Result r = run_quick(out, {"--force", "--seed", "5"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(listing(out), output_files); // the old contents are gone, not merged
    EXPECT_NE(read_file(out / "timeseries.csv"), "stale\n");
    EXPECT_TRUE(temp_siblings(out).empty());
}

TEST(CliOutputDir, ForceLeavesTheDirectoryAloneWhenTheInputIsBad) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    fs::create_directory(out);
    write_file(out / "keep.txt", "precious\n");
    const Result r = run_quick(out, {"--force", "--set", "legitimacy=1.5"});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(listing(out), std::vector<std::string>{"keep.txt"});
    EXPECT_TRUE(temp_siblings(out).empty());
}

TEST(CliOutputDir, OutputPathThatIsAFileIsRefused) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    write_file(out, "a file\n");
    for (const bool force : {false, true}) {
        SCOPED_TRACE(force ? "--force" : "no --force");
        const Result r = force ? run_quick(out, {"--force"}) : run_quick(out);
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_NE(r.err.find("not a directory"), std::string::npos) << r.err;
        EXPECT_EQ(read_file(out), "a file\n");
        EXPECT_TRUE(temp_siblings(out).empty());
    }
    const fs::path below = out / "sub";
    const Result r = run_quick(below);
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_EQ(read_file(out), "a file\n");
}

// SIGINT during a run: exit 130, nothing written (and --force does not remove the old
// directory, which is replaced only at the end of a run).
TEST(CliOutputDir, InterruptedRunLeavesNothingBehind) {
    ASSERT_TRUE(have_program("timeout")) << "coreutils' timeout sends the signal";
    const TempDir tmp;
    const std::string interrupt = "timeout --preserve-status -s INT 1";
    const fs::path out = tmp / "out";
    const Result r = unrest(
        {"run", run2(), "--out", out.string(), "--ticks", "100000000", "--threads", "1", "--quiet"},
        interrupt);
    EXPECT_EQ(r.status, 130) << describe(r);
    EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
    expect_no_output(out);

    const fs::path kept = tmp / "kept";
    ASSERT_EQ(run_quick(kept).status, 0);
    const std::string before = read_file(kept / "timeseries.csv");
    const Result f = unrest({"run", run2(), "--out", kept.string(), "--ticks", "100000000",
                             "--threads", "1", "--quiet", "--force"},
                            interrupt);
    EXPECT_EQ(f.status, 130) << describe(f);
    EXPECT_EQ(listing(kept), output_files);
    EXPECT_EQ(read_file(kept / "timeseries.csv"), before);
    EXPECT_TRUE(temp_siblings(kept).empty());
}

} // namespace
} // namespace unrest::cli_test
