// Helpers for the end-to-end tests of `unrest sweep`: sweep files written from a few settings,
// runs.csv read with its quoting (error texts hold commas), line counts, and a sweep started in
// the background so that it can be killed.
#pragma once

#include "cli_test_util.hpp"
#include "sim/sweep/runs_table.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <optional>
#include <set>
#include <thread>

namespace unrest::cli_test {

// A sweep file over run 2 (absolute scenario path, so the file may live anywhere).
struct SweepFile {
    std::vector<std::string> parameters; // "key: value" lines under `parameters:`
    std::string design = "grid";
    std::string extra{}; // further top-level lines, e.g. "points: 8\n"
    std::string replicates = "3";
    std::string base_seed = "7";
    std::vector<std::string> metrics{"outbursts.count", "activity.mean_active_fraction",
                                     "totals.arrests", "outbursts.waiting_time.mean"};
    std::string keep = "none";
    std::string on_error = "continue";

    std::string text() const {
        std::string t = fmt::format("scenario: {}\nparameters:\n", run2());
        for (const std::string& p : parameters) {
            t.append(fmt::format("  {}\n", p));
        }
        t.append(fmt::format("design: {}\n{}replicates: {}\nbase_seed: {}\nmetrics:\n", design,
                             extra, replicates, base_seed));
        for (const std::string& m : metrics) {
            t.append(fmt::format("  - {}\n", m));
        }
        t.append(fmt::format("keep: {}\non_error: {}\n", keep, on_error));
        return t;
    }

    fs::path write(const fs::path& file) const {
        write_file(file, text());
        return file;
    }
};

// A runs.csv (every row one line: the runner flattens line breaks in error texts).
inline Csv read_runs_csv(const fs::path& p) {
    const std::string text = read_file(p);
    Csv csv;
    EXPECT_FALSE(text.empty()) << p;
    if (text.empty()) {
        return csv;
    }
    EXPECT_EQ(text.back(), '\n') << p << ": no final line end";
    std::vector<std::string> lines = split(text, '\n');
    lines.pop_back();
    csv.header = split_csv_line(lines.front());
    for (std::size_t i = 1; i < lines.size(); ++i) {
        csv.rows.push_back(split_csv_line(lines[i]));
        EXPECT_EQ(csv.rows.back().size(), csv.header.size()) << p << " line " << i + 1;
    }
    return csv;
}

// How many '\n' a file holds (0 when absent).
inline std::int64_t count_newlines(const fs::path& p) {
    const std::string text = read_file(p);
    return static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
}

inline std::string sweep_status(const fs::path& dir) {
    return read_json(dir / "sweep_manifest.json").at("status").get<std::string>();
}

// `unrest sweep FILE --out DIR --quiet EXTRA...`.
inline Result sweep(const fs::path& file, const fs::path& out,
                    const std::vector<std::string>& extra = {}, const std::string& prefix = "") {
    std::vector<std::string> args{"sweep", file.string(), "--out", out.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return unrest(args, prefix);
}

// `unrest ARGS...` started in the background, its output discarded; killed (SIGKILL) and
// reaped on destruction if still running.
class Background {
public:
    explicit Background(const std::vector<std::string>& args) {
        std::vector<std::string> argv_text{UNREST_BINARY};
        argv_text.insert(argv_text.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : argv_text) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ == 0) {
            const int null = ::open("/dev/null", O_RDWR);
            if (null >= 0) {
                ::dup2(null, 0);
                ::dup2(null, 1);
                ::dup2(null, 2);
            }
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;
    ~Background() {
        if (running()) {
            kill_now();
        }
    }

    bool started() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }

    // Whether it is still running (reaps it, keeping its status, when it has ended).
    bool running() {
        if (pid_ <= 0 || status_) {
            return false;
        }
        int raw = 0;
        if (::waitpid(pid_, &raw, WNOHANG) == pid_) {
            status_ = raw;
            return false;
        }
        return true;
    }

    // SIGKILL, then wait for it; true when it was still running and died of the signal.
    bool kill_now() {
        if (!running()) {
            return false;
        }
        ::kill(pid_, SIGKILL);
        int raw = 0;
        ::waitpid(pid_, &raw, 0);
        status_ = raw;
        return WIFSIGNALED(raw) && WTERMSIG(raw) == SIGKILL;
    }

    // Sends `signal` and waits for the end; the exit status, or -1 when it did not exit normally.
    int signal_and_wait(int signal) {
        if (!running()) {
            return -1;
        }
        ::kill(pid_, signal);
        int raw = 0;
        ::waitpid(pid_, &raw, 0);
        status_ = raw;
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    }

    std::optional<int> raw_status() const { return status_; }

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

// Waits (up to 60 s) until the journal of the sweep `bg` writes in `dir` holds `rows` rows.
inline void wait_for_rows(Background& bg, const fs::path& dir, std::int64_t rows) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (count_newlines(dir / "runs.journal.csv") < 1 + rows) {
        ASSERT_TRUE(bg.running()) << "the sweep ended before it could be stopped";
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "no journal rows in 60 s";
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace unrest::cli_test
