// The sweep's journal (DIR/runs.journal.csv): a header, then one row per finished run in the
// order runs finish. Each row goes to disk in a single write() as soon as its run ends, so a
// sweep killed at any moment (SIGKILL included) loses at most the runs in flight; a torn last
// line is dropped when the journal is reopened. When every run is in, finish() writes runs.csv
// sorted by run_id (atomically: a temporary file renamed), keeping only byte offsets in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace unrest {

class RunJournal {
public:
    // Creates the journal (fresh) or reopens it (resume: the header must match, a torn last line
    // is cut off, rows already there count as done). Throws std::runtime_error on mismatch.
    RunJournal(std::filesystem::path file, std::string header, std::int64_t runs, bool resume);
    ~RunJournal();
    RunJournal(const RunJournal&) = delete;
    RunJournal& operator=(const RunJournal&) = delete;

    bool done(std::int64_t run_id) const;
    std::int64_t done_count() const;
    // Appends one row (a whole line with "\n"); thread-safe.
    void append(std::int64_t run_id, const std::string& line);
    // Writes every row, sorted by run_id, to `runs_csv` (via "<runs_csv>.tmp" and a rename).
    // Every run must be done.
    void finish(const std::filesystem::path& runs_csv) const;

private:
    struct Row {
        std::int64_t offset = -1; // -1: not done
        std::int64_t length = 0;
    };
    std::filesystem::path file_;
    std::string header_;
    std::vector<Row> rows_;
    std::int64_t size_ = 0;
    std::int64_t done_ = 0;
    int fd_ = -1;
    mutable std::mutex mutex_;
};

} // namespace unrest
