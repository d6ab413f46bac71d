// The sweep journal: header on creation, rows appended in completion order, runs.csv sorted by
// run_id at the end, resumption (rows kept, a torn last line dropped), and its refusals.
#include "sim/sweep/run_journal.hpp"

#include <atomic>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <initializer_list>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace unrest;

namespace {

namespace fs = std::filesystem;

const std::string header = "run_id,point,replicate,seed,x,m,status,error\n";

std::string row(std::int64_t id) {
    return fmt::format("{},{},{},{},0.{},{},ok,\n", id, id / 2, id % 2, 100 + id % 2, id, id * 3);
}

// Concatenation without std::string operator+ (GCC 12 -O3 warns falsely, -Wrestrict, on it).
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (const std::string_view p : parts) {
        out.append(p);
    }
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void append_raw(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::app);
    out << bytes;
}

class TempDir {
public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        std::random_device rd;
        for (;;) {
            path_ = fs::temp_directory_path() /
                    fmt::format("unrest-journal-test-{}-{}-{:08x}", ::getpid(), counter++, rd());
            if (fs::create_directory(path_)) {
                break;
            }
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

// Every row, sorted by run_id, after the header.
std::string sorted_csv(std::int64_t runs) {
    std::string text = header;
    for (std::int64_t id = 0; id < runs; ++id) {
        text.append(row(id));
    }
    return text;
}

} // namespace

TEST(RunJournal, FreshJournalHoldsTheHeader) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    {
        const RunJournal journal(file, header, 4, false);
        EXPECT_EQ(journal.done_count(), 0);
        for (std::int64_t id = 0; id < 4; ++id) {
            EXPECT_FALSE(journal.done(id));
        }
        EXPECT_EQ(read_all(file), header);
    }
    EXPECT_EQ(read_all(file), header);
}

TEST(RunJournal, FreshJournalReplacesAnOldFile) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, row(0), row(1)}));
    const RunJournal journal(file, header, 2, false);
    EXPECT_EQ(journal.done_count(), 0);
    EXPECT_EQ(read_all(file), header);
}

TEST(RunJournal, RowsInCompletionOrderRunsCsvSortedByRunId) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    const std::vector<std::int64_t> order{3, 0, 5, 1, 4, 2};
    RunJournal journal(file, header, 6, false);
    std::string expected_journal = header;
    for (const std::int64_t id : order) {
        journal.append(id, row(id));
        expected_journal.append(row(id));
        EXPECT_TRUE(journal.done(id));
        // Each row is on disk as soon as it is appended.
        EXPECT_EQ(read_all(file), expected_journal);
    }
    EXPECT_EQ(journal.done_count(), 6);
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), sorted_csv(6));
    EXPECT_FALSE(fs::exists(tmp / "runs.csv.tmp"));
    // finish leaves the journal as it was (the runner removes it).
    EXPECT_EQ(read_all(file), expected_journal);
}

TEST(RunJournal, RowsOfDifferentLengthsAreCopiedWhole) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    RunJournal journal(file, header, 3, false);
    const std::string r0 = "0,0,0,1,0.5,,error,\"a long, quoted \"\"error\"\" text\"\n";
    const std::string r1 = "1,0,1,2,0.5,7,ok,\n";
    const std::string r2 = "2,1,0,1,0.75,123456789,ok,\n";
    journal.append(2, r2);
    journal.append(0, r0);
    journal.append(1, r1);
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), cat({header, r0, r1, r2}));
}

TEST(RunJournal, ConcurrentAppendsKeepWholeLines) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    constexpr std::int64_t runs = 200;
    RunJournal journal(file, header, runs, false);
    std::vector<std::thread> threads;
    for (std::int64_t t = 0; t < 4; ++t) {
        threads.emplace_back([&journal, t] {
            for (std::int64_t id = t; id < runs; id += 4) {
                journal.append(id, row(id));
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    EXPECT_EQ(journal.done_count(), runs);
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), sorted_csv(runs));
}

TEST(RunJournal, ResumeKeepsRowsAndDoneRuns) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    {
        RunJournal journal(file, header, 5, false);
        journal.append(4, row(4));
        journal.append(1, row(1));
    }
    const std::string before = read_all(file);
    RunJournal journal(file, header, 5, true);
    EXPECT_EQ(read_all(file), before);
    EXPECT_EQ(journal.done_count(), 2);
    EXPECT_TRUE(journal.done(1));
    EXPECT_TRUE(journal.done(4));
    EXPECT_FALSE(journal.done(0));
    EXPECT_FALSE(journal.done(2));
    EXPECT_FALSE(journal.done(3));
    journal.append(2, row(2));
    journal.append(0, row(0));
    journal.append(3, row(3));
    EXPECT_EQ(read_all(file), cat({before, row(2), row(0), row(3)}));
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), sorted_csv(5));
}

TEST(RunJournal, ResumeWithoutAJournalStartsAfresh) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    const RunJournal journal(file, header, 3, true);
    EXPECT_EQ(journal.done_count(), 0);
    EXPECT_EQ(read_all(file), header);
}

TEST(RunJournal, ResumeOfATornHeaderStartsAfresh) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, header.substr(0, 10));
    const RunJournal journal(file, header, 3, true);
    EXPECT_EQ(journal.done_count(), 0);
    EXPECT_EQ(read_all(file), header);
}

TEST(RunJournal, TornLastLineIsDroppedAndCutOff) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    {
        RunJournal journal(file, header, 4, false);
        journal.append(2, row(2));
        journal.append(0, row(0));
    }
    const std::string whole = read_all(file);
    // A kill in the middle of a write: part of run 3's row, no line end.
    const std::string r3 = row(3);
    append_raw(file, r3.substr(0, r3.size() - 4));
    ASSERT_EQ(fs::file_size(file), whole.size() + r3.size() - 4);

    RunJournal journal(file, header, 4, true);
    EXPECT_EQ(read_all(file), whole) << "the torn line was not cut off";
    EXPECT_EQ(journal.done_count(), 2);
    EXPECT_FALSE(journal.done(3));
    EXPECT_FALSE(journal.done(1));
    journal.append(3, r3);
    journal.append(1, row(1));
    EXPECT_EQ(read_all(file), cat({whole, r3, row(1)}));
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), sorted_csv(4));
}

TEST(RunJournal, TornLineOfACompleteRowIdIsStillDropped) {
    // Even a torn row that holds every field but the line end is not counted as done.
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    const std::string r1 = row(1);
    append_raw(file, cat({header, row(0), r1.substr(0, r1.size() - 1)}));
    const RunJournal journal(file, header, 2, true);
    EXPECT_TRUE(journal.done(0));
    EXPECT_FALSE(journal.done(1));
    EXPECT_EQ(read_all(file), cat({header, row(0)}));
}

// The journal's problems are JournalErrors that name the file, the line and what is wrong; the
// file is left as it was.
std::string journal_error(const fs::path& file, std::int64_t runs,
                          const JournalRowCheck& check = {}) {
    const std::string before = read_all(file);
    try {
        const RunJournal journal(file, header, runs, true, check);
    } catch (const JournalError& e) {
        EXPECT_EQ(read_all(file), before) << "the journal was changed";
        return e.what();
    }
    return "no error";
}

TEST(RunJournal, HeaderMismatchIsAnErrorOnLineOne) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({"run_id,point,replicate,seed,y,m,status,error\n", row(0)}));
    EXPECT_EQ(journal_error(file, 3),
              file.string() +
                  ":1: expected this sweep's header 'run_id,point,replicate,seed,x,m,status,error'"
                  ", found 'run_id,point,replicate,seed,y,m,status,error': not the journal of "
                  "this sweep");
}

TEST(RunJournal, RowWithTooFewFieldsIsAnError) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, row(0), "1,0,1,101\n"}));
    EXPECT_EQ(journal_error(file, 3),
              file.string() + ":3: expected a row of 8 fields (this sweep's columns), found 4");
}

TEST(RunJournal, RowWithRunIdOutOfRangeIsAnError) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, row(7)}));
    EXPECT_EQ(journal_error(file, 3), file.string() + ":2: expected a run_id in [0, 3), found '7'");
}

TEST(RunJournal, GarbageRowIsAnErrorWithItsBytesEscaped) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, row(0), std::string("\x01\xff,x,,,,,,\n", 12)}));
    EXPECT_EQ(journal_error(file, 3),
              file.string() + ":3: expected a row of text, found binary data (byte 0x01) at "
                              "column 1");
}

TEST(RunJournal, NulBytesAreAnErrorNotATruncation) {
    // What a torn write of a killed process would leave inside the file (not at its end).
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, std::string(8, '\0'), "\n", row(1)}));
    EXPECT_EQ(journal_error(file, 3),
              file.string() + ":2: expected a row of text, found binary data (byte 0x00) at "
                              "column 1");
}

TEST(RunJournal, DuplicateRowInAResumedJournalIsAnError) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, row(1), "1,0,1,101,0.9,999,ok,\n", row(0)}));
    EXPECT_EQ(journal_error(file, 2),
              file.string() + ":3: expected each run once, found run_id 1 again");
}

TEST(RunJournal, RowCheckRejectsARowThatIsNotThePlans) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, row(0), row(1)}));
    const JournalRowCheck check = [](std::int64_t id, const std::vector<std::string>& fields) {
        return id == 1 && fields[3] != "7" ? std::string("expected seed 7, found ") + fields[3]
                                           : std::string();
    };
    EXPECT_EQ(journal_error(file, 2, check), file.string() + ":3: expected seed 7, found 101");
}

TEST(RunJournal, OverlongLineIsAnError) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    append_raw(file, cat({header, std::string(2u << 20, 'x'), "\n"}));
    EXPECT_EQ(journal_error(file, 2),
              file.string() + ":2: expected a row of at most 1048576 bytes, found a longer line");
}

TEST(RunJournal, ReadJournalFromAStream) {
    std::istringstream in(cat({header, row(1), row(0), row(2).substr(0, 5)}));
    const JournalIndex index = read_journal(in, "j.csv", header, 3);
    EXPECT_EQ(index.done, 2);
    EXPECT_EQ(index.rows[1].offset, static_cast<std::int64_t>(header.size()));
    EXPECT_EQ(index.rows[0].offset, static_cast<std::int64_t>(header.size() + row(1).size()));
    EXPECT_EQ(index.rows[2].offset, -1);
    EXPECT_EQ(index.whole_bytes,
              static_cast<std::int64_t>(header.size() + row(1).size() + row(0).size()));
}

TEST(RunJournal, FinishWithAMissingRunThrows) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    RunJournal journal(file, header, 3, false);
    journal.append(0, row(0));
    journal.append(2, row(2));
    try {
        journal.finish(tmp / "runs.csv");
        ADD_FAILURE() << "finish with run 1 missing did not throw";
    } catch (const std::logic_error& e) {
        EXPECT_NE(std::string(e.what()).find("run 1"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(tmp / "runs.csv"));
}

TEST(RunJournal, DuplicateAppendIsIgnored) {
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    RunJournal journal(file, header, 2, false);
    journal.append(1, row(1));
    journal.append(1, "1,0,1,101,0.9,999,ok,\n");
    EXPECT_EQ(journal.done_count(), 1);
    EXPECT_EQ(read_all(file), cat({header, row(1)}));
    journal.append(0, row(0));
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), sorted_csv(2));
}

TEST(RunJournal, ResumeOfAFinishedRunsCsvFinishesIdentically) {
    // A completed sweep resumed: its runs.csv serves as a journal with every row in.
    const TempDir tmp;
    const fs::path file = tmp / "runs.journal.csv";
    {
        RunJournal journal(file, header, 3, false);
        journal.append(2, row(2));
        journal.append(1, row(1));
        journal.append(0, row(0));
        journal.finish(tmp / "runs.csv");
    }
    fs::remove(file);
    fs::copy_file(tmp / "runs.csv", file);
    const RunJournal journal(file, header, 3, true);
    EXPECT_EQ(journal.done_count(), 3);
    journal.finish(tmp / "runs.csv");
    EXPECT_EQ(read_all(tmp / "runs.csv"), sorted_csv(3));
}
