// The command line itself: --version, --help, usage errors.
#include "cli_test_util.hpp"

#include <regex>

namespace unrest::cli_test {
namespace {

TEST(CliUsage, VersionNamesTheProgramVersionAndGitRevision) {
    const Result r = unrest({"--version"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(r.out.starts_with("unrest 0.1.0 (git ")) << r.out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(\(git ([^ ,]+), )"))) << r.out;
    const std::string revision = m[1];
    EXPECT_FALSE(revision.empty());
    if (fs::exists(source_dir() / ".git")) {
        // `git describe --always --dirty --abbrev=12`: ends in a 12-digit abbreviated hash
        // (optionally "-dirty"), or is a tag.
        EXPECT_NE(revision, "unknown") << "built from a git checkout, yet no revision";
        EXPECT_TRUE(std::regex_search(revision, std::regex("[0-9a-f]{12}(-dirty)?$")) ||
                    std::regex_search(revision, std::regex("^v?[0-9]")))
            << revision;
    }
}

TEST(CliUsage, HelpExitsZeroAndMentionsOut) {
    const Result top = unrest({"--help"});
    EXPECT_EQ(top.status, 0) << describe(top);
    for (const char* sub : {"run", "validate", "params", "sweep", "report"}) {
        EXPECT_NE(top.out.find(sub), std::string::npos) << sub << " missing from\n" << top.out;
    }
    const Result run = unrest({"run", "--help"});
    EXPECT_EQ(run.status, 0) << describe(run);
    for (const char* option : {"--out", "--seed", "--ticks", "--threads", "--set", "--force",
                               "--quiet", "--check", "--snapshot-every"}) {
        EXPECT_NE(run.out.find(option), std::string::npos) << option << " missing from\n"
                                                           << run.out;
    }
    const Result validate = unrest({"validate", "--help"});
    EXPECT_EQ(validate.status, 0) << describe(validate);
    EXPECT_NE(validate.out.find("--print"), std::string::npos) << validate.out;
}

TEST(CliUsage, ParamsPrintsTheParameterTable) {
    const Result r = unrest({"params"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(r.out.starts_with("| key |")) << r.out;
    for (const char* key : {"`name`", "`ticks`", "`vision.radius`", "`legitimacy.initial`",
                            "`activation.mode`", "`analysis.outburst_threshold`"}) {
        EXPECT_NE(r.out.find(key), std::string::npos) << key;
    }
}

TEST(CliUsage, BadUsageExitsTwo) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    const std::vector<std::vector<std::string>> cases{
        {},                                                // no subcommand
        {"frobnicate"},                                    // unknown subcommand
        {"run", run2()},                                   // no --out
        {"run", "--out", out.string()},                    // no scenario file
        {"run", run2(), "--out", out.string(), "--bogus"}, // unknown option
        {"run", run2(), "--out", out.string(), "--seed", "abc"},
        {"run", run2(), "--out", out.string(), "--ticks", "1.5"},
        {"run", run2(), "--out", out.string(), "--ticks", "-1"},
        {"run", run2(), "--out", out.string(), "--threads", "0"},
        {"validate"}, // no scenario file
    };
    for (const auto& args : cases) {
        SCOPED_TRACE(fmt::format("unrest {}", fmt::join(args, " ")));
        const Result r = unrest(args);
        EXPECT_EQ(r.status, 2) << describe(r);
        EXPECT_FALSE(r.err.empty()) << "no message on stderr";
        expect_no_output(out);
    }
    EXPECT_EQ(unrest({"run", run2(), "--out", out.string(), "--ticks", "-1"}).first_error_line(),
              "error: --ticks: ticks: expected an integer in [0, 4294967295], found '-1'");
    EXPECT_EQ(
        unrest({"run", run2(), "--out", out.string(), "--ticks", "4294967296"}).first_error_line(),
        "error: --ticks: ticks: expected an integer in [0, 4294967295], found '4294967296'");
    EXPECT_EQ(unrest({"run", run2(), "--out", out.string(), "--seed", "+1"}).first_error_line(),
              "error: --seed: seed: expected an integer in [0, 2^64), found '+1'");
    for (const char* threads : {"0", "100000", "2147483647"}) {
        const std::string line =
            unrest({"run", run2(), "--out", out.string(), "--threads", threads}).first_error_line();
        EXPECT_TRUE(line.starts_with("error: --threads: expected an integer in [1, ")) << line;
        EXPECT_TRUE(line.ends_with(fmt::format("cores), found {}", threads))) << line;
    }
}

TEST(CliUsage, UnknownCommandIsNamed) {
    const Result unknown = unrest({"frobnicate"});
    EXPECT_EQ(unknown.status, 2) << describe(unknown);
    EXPECT_EQ(
        unknown.err,
        "error: unknown command 'frobnicate' (commands: run, validate, sweep, params, report)\n");
    const Result typo = unrest({"rn", run2(), "--out", "x"});
    EXPECT_EQ(typo.status, 2) << describe(typo);
    EXPECT_EQ(typo.err,
              "error: unknown command 'rn' (commands: run, validate, sweep, params, report), did "
              "you mean 'run'?\n");
    EXPECT_EQ(
        unrest({"valdiate", run2()}).err,
        "error: unknown command 'valdiate' (commands: run, validate, sweep, params, report), did "
        "you mean 'validate'?\n");
    // No command at all: CLI11's usage message.
    const Result none = unrest({});
    EXPECT_EQ(none.status, 2) << describe(none);
    EXPECT_TRUE(none.err.starts_with("A subcommand is required")) << none.err;
}

// Bug: CLI11 converts out-of-range integers leniently: `--seed -1` wraps to 2^64 - 1 and
// `--seed 18446744073709551616` (2^64) saturates to 2^64 - 1, both accepted with exit 0, while
// the scenario file's `seed: -1` is rejected (exit 2). `--ticks 99999999999999999999` saturates
// to 2^63 - 1 and runs (practically) for ever. Disabled until fixed.
TEST(CliUsage, OutOfRangeIntegerOptionsAreRejected) {
    const TempDir tmp;
    const fs::path out = tmp / "out";
    for (const char* seed : {"-1", "18446744073709551616", "99999999999999999999999"}) {
        SCOPED_TRACE(fmt::format("--seed {}", seed));
        const Result r = unrest(
            {"run", run2(), "--out", out.string(), "--ticks", "2", "--quiet", "--seed", seed});
        EXPECT_EQ(r.status, 2) << describe(r);
        expect_no_output(out);
        std::error_code ignored;
        fs::remove_all(out, ignored);
    }
    const std::string prefix = have_program("timeout") ? "timeout 10" : "";
    const Result r =
        unrest({"run", run2(), "--out", out.string(), "--quiet", "--ticks", "99999999999999999999"},
               prefix);
    EXPECT_EQ(r.status, 2) << describe(r);
    expect_no_output(out);
}

} // namespace
} // namespace unrest::cli_test
