#include "report_command.hpp"

#include "../scenario/input_text.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

namespace unrest::cli {

namespace {

namespace fs = std::filesystem;

// The environment variable's value, or "" when it is unset or empty.
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? std::string(v) : std::string();
}

bool holds_package(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "unrest_analysis" / "__main__.py", ec);
}

// The directory of the running program (/proc/self/exe), or "" when it cannot be read.
fs::path program_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

} // namespace

ReportLaunch report_launch() {
    ReportLaunch l;
    if (std::string p = env("UNREST_PYTHON"); !p.empty()) {
        l.python = std::move(p);
        l.python_source = "UNREST_PYTHON";
    } else if (::access("/usr/bin/python3", X_OK) == 0) {
        l.python = "/usr/bin/python3";
        l.python_source = "the default";
    } else {
        l.python = "python3";
        l.python_source = "PATH (there is no /usr/bin/python3)";
    }
    if (std::string d = env("UNREST_ANALYSIS_DIR"); !d.empty()) {
        l.analysis_tried = fmt::format("'{}' (UNREST_ANALYSIS_DIR)", d);
        if (holds_package(d)) {
            l.analysis_dir = std::move(d);
        }
        return l;
    }
    std::vector<fs::path> candidates;
#ifdef UNREST_BUILD_ANALYSIS_DIR
    candidates.emplace_back(UNREST_BUILD_ANALYSIS_DIR);
#endif
    if (const fs::path dir = program_dir(); !dir.empty()) {
        candidates.push_back((dir / ".." / "share" / "unrest" / "analysis").lexically_normal());
    }
    for (const fs::path& c : candidates) {
        l.analysis_tried += fmt::format("{}'{}'", l.analysis_tried.empty() ? "" : ", ", c.string());
        if (l.analysis_dir.empty() && holds_package(c)) {
            l.analysis_dir = c.string();
        }
    }
    return l;
}

std::string report_pythonpath(const std::string& analysis_dir, const char* existing) {
    if (existing == nullptr || *existing == '\0') {
        return analysis_dir;
    }
    return analysis_dir + ":" + existing;
}

int report_command(const std::vector<std::string>& args) {
    const ReportLaunch l = report_launch();
    if (l.analysis_dir.empty()) {
        fmt::print(stderr,
                   "error: unrest report: the analysis package (unrest_analysis/__main__.py) is "
                   "not in {}; set UNREST_ANALYSIS_DIR to the directory that holds it (the "
                   "repository's analysis/)\n",
                   detail::printable(l.analysis_tried));
        return 127;
    }
    // Everything the child needs is made before fork(): after it only exec and write are called.
    const std::string pythonpath = report_pythonpath(l.analysis_dir, std::getenv("PYTHONPATH"));
    std::vector<std::string> argv_strings{l.python, "-m", "unrest_analysis", "report"};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_strings) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const std::string failed_prefix = fmt::format(
        "error: unrest report: cannot run Python '{}' (from {}): ", detail::printable(l.python),
        l.python_source);
    const std::string failed_suffix =
        "; set UNREST_PYTHON to a Python 3 that has numpy, pandas and matplotlib (Debian: "
        "/usr/bin/python3, from scripts/setup.sh)\n";
    if (::setenv("PYTHONPATH", pythonpath.c_str(), 1) != 0) {
        fmt::print(stderr, "error: unrest report: cannot set PYTHONPATH: {}\n",
                   std::strerror(errno));
        return 127;
    }

    // Like system(): while the report runs, Ctrl-C stops the child, and the parent reports how
    // it ended.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    struct sigaction old_int {};
    struct sigaction old_quit {};
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    const pid_t child = ::fork();
    if (child == 0) {
        ::sigaction(SIGINT, &old_int, nullptr);
        ::sigaction(SIGQUIT, &old_quit, nullptr);
        ::execvp(argv[0], argv.data());
        const int error = errno;
        const char* reason = std::strerror(error);
        [[maybe_unused]] ssize_t n = ::write(2, failed_prefix.data(), failed_prefix.size());
        n = ::write(2, reason, std::strlen(reason));
        n = ::write(2, failed_suffix.data(), failed_suffix.size());
        ::_exit(127);
    }
    int status = 0;
    int result = 127;
    if (child < 0) {
        fmt::print(stderr, "error: unrest report: cannot start a process: {}\n",
                   std::strerror(errno));
    } else {
        pid_t waited = 0;
        do {
            waited = ::waitpid(child, &status, 0);
        } while (waited < 0 && errno == EINTR);
        if (waited < 0) {
            fmt::print(stderr, "error: unrest report: lost the report process: {}\n",
                       std::strerror(errno));
        } else if (WIFEXITED(status)) {
            result = WEXITSTATUS(status);
        } else if (WIFSIGNALED(status)) {
            result = 128 + WTERMSIG(status);
        }
    }
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    return result;
}

} // namespace unrest::cli
