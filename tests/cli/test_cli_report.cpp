// `unrest report`: the program runs `PYTHON -m unrest_analysis report ARGS...` with the analysis
// package first on PYTHONPATH, passes ARGS unchanged (no shell) and returns the package's exit
// status. A fake interpreter (a shell script chosen by UNREST_PYTHON) records what it was given;
// the last tests run the real package with Debian's Python.
#include "cli_test_util.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

namespace unrest {
namespace {

using namespace cli_test;

// Records its arguments (NUL-separated), PYTHONPATH ("<unset>" when unset) and exits with
// $FAKE_STATUS, or kills itself with $FAKE_SIGNAL.
const char* const fake_python = R"(#!/bin/sh
printf '%s\0' "$@" > "$FAKE_RECORD/argv"
printf '%s' "${PYTHONPATH-<unset>}" > "$FAKE_RECORD/pythonpath"
if [ -n "$FAKE_SIGNAL" ]; then kill -s "$FAKE_SIGNAL" $$; fi
exit "${FAKE_STATUS:-0}"
)";

class Report : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(tmp_ / "python", fake_python);
        ::chmod((tmp_ / "python").c_str(), 0755);
    }

    // `unrest report ARGS...` with the fake interpreter, the variables `set` (NAME=VALUE) and
    // those named in `unset` removed; UNREST_ANALYSIS_DIR is unset unless `set` gives it.
    Result report(const std::vector<std::string>& args, const std::vector<std::string>& set = {},
                  const std::vector<std::string>& unset = {}) const {
        std::vector<std::string> words{"env", "-u", "UNREST_ANALYSIS_DIR"};
        for (const std::string& name : unset) {
            words.push_back("-u");
            words.push_back(name);
        }
        words.push_back("UNREST_PYTHON=" + (tmp_ / "python").string());
        words.push_back("FAKE_RECORD=" + tmp_.path().string());
        words.insert(words.end(), set.begin(), set.end());
        std::vector<std::string> quoted;
        for (const std::string& w : words) {
            quoted.push_back(shell_quote(w));
        }
        std::vector<std::string> all{"report"};
        all.insert(all.end(), args.begin(), args.end());
        return unrest(all, fmt::format("{}", fmt::join(quoted, " ")));
    }

    std::vector<std::string> recorded_argv() const {
        std::vector<std::string> argv = split(read_file(tmp_ / "argv"), '\0');
        EXPECT_FALSE(argv.empty());
        EXPECT_EQ(argv.back(), "") << "every argument ends with a NUL";
        argv.pop_back();
        return argv;
    }
    std::string recorded_pythonpath() const { return read_file(tmp_ / "pythonpath"); }

    const TempDir tmp_;
};

TEST_F(Report, TheArgumentsReachThePackageUnchanged) {
    const std::vector<std::string> args = {"my run dir",
                                           "--out",
                                           "it's \"quoted\" $HOME `x`.html",
                                           "--at",
                                           "2022-01-05T12:00",
                                           "--at",
                                           "5 Jan; rm -rf *",
                                           "--no-animation",
                                           "--video",
                                           "gif",
                                           "--max-frames",
                                           "7",
                                           "",
                                           "--help",
                                           "ü\t\\n"};
    const Result r = report(args);
    ASSERT_EQ(r.status, 0) << describe(r);
    std::vector<std::string> expected = {"-m", "unrest_analysis", "report"};
    expected.insert(expected.end(), args.begin(), args.end());
    EXPECT_EQ(recorded_argv(), expected);
}

TEST_F(Report, TheAnalysisDirectoryComesFirstOnPythonpath) {
    const std::string analysis = (source_dir() / "analysis").string();
    ASSERT_EQ(report({"d"}, {"PYTHONPATH=/x:/y z"}).status, 0);
    EXPECT_EQ(recorded_pythonpath(), analysis + ":/x:/y z");
    ASSERT_EQ(report({"d"}, {}, {"PYTHONPATH"}).status, 0);
    EXPECT_EQ(recorded_pythonpath(), analysis);
    // An empty entry would put the working directory on the path: none is added.
    ASSERT_EQ(report({"d"}, {"PYTHONPATH="}).status, 0);
    EXPECT_EQ(recorded_pythonpath(), analysis);
}

TEST_F(Report, UnrestAnalysisDirChoosesThePackage) {
    fs::create_directories(tmp_ / "pkg" / "unrest_analysis");
    write_file(tmp_ / "pkg" / "unrest_analysis" / "__main__.py", "");
    const Result r =
        report({"d"}, {"UNREST_ANALYSIS_DIR=" + (tmp_ / "pkg").string()}, {"PYTHONPATH"});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(recorded_pythonpath(), (tmp_ / "pkg").string());
}

TEST_F(Report, TheExitStatusIsThePackages) {
    for (const int status : {0, 1, 2, 5}) {
        const Result r = report({"d"}, {"FAKE_STATUS=" + std::to_string(status)});
        EXPECT_EQ(r.status, status) << describe(r);
    }
    // Killed by a signal: 128 + its number, as a shell reports it.
    EXPECT_EQ(report({"d"}, {"FAKE_SIGNAL=TERM"}).status, 128 + SIGTERM);
}

TEST_F(Report, AMissingInterpreterIsNamed) {
    const std::string missing = (tmp_ / "no-such-python").string();
    const Result r = report({"d"}, {"UNREST_PYTHON=" + missing});
    EXPECT_EQ(r.status, 127) << describe(r);
    EXPECT_EQ(r.first_error_line(),
              fmt::format("error: unrest report: cannot run Python '{}' (from UNREST_PYTHON): No "
                          "such file or directory; set UNREST_PYTHON to a Python 3 that has "
                          "numpy, pandas and matplotlib (Debian: /usr/bin/python3, from "
                          "scripts/setup.sh)",
                          missing));
    EXPECT_TRUE(r.out.empty());
}

TEST_F(Report, AMissingPackageIsNamed) {
    const Result r = report({"d"}, {"UNREST_ANALYSIS_DIR=" + tmp_.path().string()});
    EXPECT_EQ(r.status, 127) << describe(r);
    EXPECT_NE(r.err.find(fmt::format("is not in '{}' (UNREST_ANALYSIS_DIR)", tmp_.path().string())),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(tmp_ / "argv")) << "the interpreter must not have been started";
}

// The real package with Debian's Python (installed by scripts/setup.sh).
TEST(ReportPackage, WritesThePageOfARun) {
    const TempDir tmp;
    const Result run =
        unrest({"run", run2(), "--out", (tmp / "run").string(), "--quiet", "--ticks", "5"});
    ASSERT_EQ(run.status, 0) << describe(run);
    const Result r =
        unrest({"report", (tmp / "run").string(), "--out", (tmp / "my page.html").string()},
               "env -u UNREST_PYTHON -u UNREST_ANALYSIS_DIR");
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(fs::is_regular_file(tmp / "my page.html"));
}

TEST(ReportPackage, ABadDirectoryIsExitStatus2) {
    const TempDir tmp;
    const Result r = unrest({"report", (tmp / "missing").string()},
                            "env -u UNREST_PYTHON -u UNREST_ANALYSIS_DIR");
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_TRUE(r.err.starts_with("error: ")) << r.err;
    EXPECT_EQ(r.err.find("Traceback"), std::string::npos) << r.err;
}

} // namespace
} // namespace unrest
