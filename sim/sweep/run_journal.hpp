// The sweep's journal (DIR/runs.journal.csv): a header, then one row per finished run in the
// order runs finish. Each row goes to disk in a single write() as soon as its run ends, so a
// sweep killed at any moment (SIGKILL included) loses at most the runs in flight; a torn last
// line is dropped when the journal is reopened. When every run is in, finish() writes runs.csv
// sorted by run_id (atomically: a temporary file renamed), keeping only byte offsets in memory.
//
// A journal read back is checked line by line: anything but a torn last line that is not a row
// of this sweep (a control character, wrong number of fields, a run_id out of range or given
// twice, fields that differ from the run's plan) is a JournalError naming the file and line;
// nothing is changed then.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace unrest {

// A journal (or runs.csv) that is not what this sweep wrote: "FILE:LINE: message".
class JournalError : public std::runtime_error {
public:
    JournalError(const std::filesystem::path& file, std::int64_t line, const std::string& message);
    std::int64_t line() const noexcept { return line_; }
    const std::string& message() const noexcept { return message_; }

private:
    std::int64_t line_;
    std::string message_;
};

// Checks the fields of one row of run `run_id` against the sweep's plan: "" when they belong to
// it, else what is wrong ("expected ..., found ...").
using JournalRowCheck =
    std::function<std::string(std::int64_t run_id, const std::vector<std::string>& fields)>;

// Where each run's row lies in a journal read back.
struct JournalIndex {
    struct Row {
        std::int64_t offset = -1; // -1: not done
        std::int64_t length = 0;
    };
    std::vector<Row> rows;        // one per run_id
    std::int64_t done = 0;        // rows present
    std::int64_t whole_bytes = 0; // bytes up to the end of the last complete line (0: no header)
};

// Reads a journal: the header must equal `header` (with its "\n"), every complete line after it
// must be a row of a run in [0, runs) given once and accepted by `check` (if set); a last line
// without "\n" is torn and ignored. Throws JournalError, naming `file` and the line.
JournalIndex read_journal(std::istream& in, const std::filesystem::path& file,
                          const std::string& header, std::int64_t runs,
                          const JournalRowCheck& check = {});

class RunJournal {
public:
    // Creates the journal (fresh) or reopens it (resume: read_journal, then the torn last line is
    // cut off and the rows already there count as done). Throws JournalError when the journal is
    // not this sweep's (nothing is changed then), OutputError when it cannot be written.
    RunJournal(std::filesystem::path file, std::string header, std::int64_t runs, bool resume,
               const JournalRowCheck& check = {});
    ~RunJournal();
    RunJournal(const RunJournal&) = delete;
    RunJournal& operator=(const RunJournal&) = delete;

    bool done(std::int64_t run_id) const;
    std::int64_t done_count() const;
    // Appends one row (a whole line with "\n"); thread-safe. A failed write (the disk full) is
    // undone, the row is not counted, and OutputError is thrown; the journal stays as it was.
    void append(std::int64_t run_id, const std::string& line);
    // Writes every row, sorted by run_id, to `runs_csv` (via "<runs_csv>.tmp" and a rename).
    // Every run must be done (else std::logic_error); OutputError when it cannot be written
    // (the temporary file is removed).
    void finish(const std::filesystem::path& runs_csv) const;

private:
    bool write_all(const std::string& data); // false with errno set

    std::filesystem::path file_;
    std::string header_;
    std::vector<JournalIndex::Row> rows_;
    std::int64_t size_ = 0;
    std::int64_t done_ = 0;
    int fd_ = -1;
    bool broken_ = false; // a failed write could not be undone: refuse further rows
    mutable std::mutex mutex_;
};

} // namespace unrest
