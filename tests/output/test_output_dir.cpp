#include "sim/output/output_dir.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace unrest {
namespace {

class OutputDirectoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        root_ = fs::path(::testing::TempDir()) /
                ("unrest_output_dir_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    // Names in root_, to check that no temporary directory is left behind.
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(root_)) {
            names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path root_;
};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

TEST_F(OutputDirectoryTest, CommitRenamesTempOntoFinal) {
    const fs::path final_dir = root_ / "nested" / "run";
    auto dir = OutputDirectory::prepare(final_dir, false);
    EXPECT_EQ(dir.temp().parent_path(), final_dir.parent_path());
    EXPECT_EQ(
        dir.temp().filename().string().rfind("run.tmp-" + std::to_string(::getpid()) + "-", 0), 0u);
    EXPECT_TRUE(fs::is_directory(dir.temp()));
    EXPECT_FALSE(fs::exists(final_dir));
    write(dir.temp() / "a.txt", "hello");
    dir.commit();
    EXPECT_TRUE(dir.committed());
    EXPECT_EQ(read(final_dir / "a.txt"), "hello");
    EXPECT_FALSE(fs::exists(dir.temp()));
    EXPECT_THROW(dir.commit(), OutputError);
}

TEST_F(OutputDirectoryTest, RefusesNonEmptyWithoutForce) {
    const fs::path final_dir = root_ / "run";
    fs::create_directories(final_dir);
    write(final_dir / "old.txt", "old");
    try {
        (void)OutputDirectory::prepare(final_dir, false);
        FAIL() << "expected OutputError";
    } catch (const OutputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(final_dir.string()), std::string::npos) << message;
        EXPECT_NE(message.find("--force"), std::string::npos) << message;
    }
    EXPECT_EQ(entries(), std::vector<std::string>{"run"});
    EXPECT_EQ(read(final_dir / "old.txt"), "old");
}

TEST_F(OutputDirectoryTest, RefusesAFile) {
    write(root_ / "run", "not a directory");
    EXPECT_THROW((void)OutputDirectory::prepare(root_ / "run", true), OutputError);
}

TEST_F(OutputDirectoryTest, EmptyExistingDirectoryIsReplaced) {
    const fs::path final_dir = root_ / "run";
    fs::create_directories(final_dir);
    auto dir = OutputDirectory::prepare(final_dir, false);
    write(dir.temp() / "a.txt", "new");
    dir.commit();
    EXPECT_EQ(read(final_dir / "a.txt"), "new");
    EXPECT_EQ(entries(), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, ForceReplacesNonEmpty) {
    const fs::path final_dir = root_ / "run";
    fs::create_directories(final_dir / "sub");
    write(final_dir / "old.txt", "old");
    write(final_dir / "sub" / "deep.txt", "deep");
    auto dir = OutputDirectory::prepare(final_dir, true);
    EXPECT_EQ(read(final_dir / "old.txt"), "old"); // untouched until commit
    write(dir.temp() / "new.txt", "new");
    dir.commit();
    EXPECT_FALSE(fs::exists(final_dir / "old.txt"));
    EXPECT_FALSE(fs::exists(final_dir / "sub"));
    EXPECT_EQ(read(final_dir / "new.txt"), "new");
    EXPECT_EQ(entries(), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, CommitRefusesADirectoryThatAppearedMeanwhile) {
    const fs::path final_dir = root_ / "run";
    auto dir = OutputDirectory::prepare(final_dir, false);
    fs::create_directories(final_dir);
    write(final_dir / "other.txt", "someone else's");
    EXPECT_THROW(dir.commit(), OutputError);
    EXPECT_EQ(read(final_dir / "other.txt"), "someone else's");
}

TEST_F(OutputDirectoryTest, DestructorRemovesUncommittedTemp) {
    fs::path temp;
    {
        auto dir = OutputDirectory::prepare(root_ / "run", false);
        temp = dir.temp();
        fs::create_directories(temp / "sub");
        write(temp / "sub" / "partial.csv", "tick,quiet\n0,");
    } // e.g. the run threw
    EXPECT_FALSE(fs::exists(temp));
    EXPECT_TRUE(entries().empty());
}

TEST_F(OutputDirectoryTest, MovedFromOwnsNothing) {
    auto a = OutputDirectory::prepare(root_ / "run", false);
    const fs::path temp = a.temp();
    OutputDirectory b = std::move(a);
    EXPECT_EQ(b.temp(), temp);
    EXPECT_TRUE(fs::is_directory(temp));
    b.commit();
    EXPECT_TRUE(fs::is_directory(root_ / "run"));
}

TEST_F(OutputDirectoryTest, TwoPreparationsGetDistinctTemps) {
    auto a = OutputDirectory::prepare(root_ / "run", false);
    auto b = OutputDirectory::prepare(root_ / "run", false);
    EXPECT_NE(a.temp(), b.temp());
}

TEST_F(OutputDirectoryTest, TrailingSeparator) {
    auto dir = OutputDirectory::prepare(root_.string() + "/run/", false);
    EXPECT_EQ(dir.final_path(), root_ / "run");
    dir.commit();
    EXPECT_TRUE(fs::is_directory(root_ / "run"));
}

TEST_F(OutputDirectoryTest, WriteFileAtomically) {
    const fs::path file = root_ / "summary.json";
    write_file_atomically(file, "{\"a\":1}\n");
    EXPECT_EQ(read(file), "{\"a\":1}\n");
    write_file_atomically(file, "{}\n"); // replaces
    EXPECT_EQ(read(file), "{}\n");
    EXPECT_EQ(entries(), std::vector<std::string>{"summary.json"});
    EXPECT_THROW(write_file_atomically(root_ / "missing" / "x.json", "{}"), OutputError);
}

} // namespace
} // namespace unrest

namespace unrest {
namespace {

// A run killed with SIGKILL leaves "<out>.tmp-<pid>-<n>": the next preparation of the same
// output removes it when that process is gone, and leaves a live process's temporary alone.
TEST(OutputDirectoryStale, RemovesTemporariesOfDeadProcessesOnly) {
    const fs::path root =
        fs::path(::testing::TempDir()) / fmt::format("unrest_output_dir_stale_{}", ::getpid());
    fs::remove_all(root);
    fs::create_directories(root);
    const pid_t child = ::fork();
    if (child == 0) {
        ::_exit(0);
    }
    ASSERT_GT(child, 0);
    ::waitpid(child, nullptr, 0); // reaped: the pid no longer exists
    const fs::path final_dir = root / "out";
    const fs::path stale = fmt::format("{}.tmp-{}-0", final_dir.string(), child);
    const fs::path live = fmt::format("{}.tmp-{}-999", final_dir.string(), ::getpid());
    const fs::path other = root / "other.tmp-1-0"; // another output's temporary: not ours
    for (const fs::path& p : {stale, live, other}) {
        fs::create_directories(p);
    }
    {
        OutputDirectory out = OutputDirectory::prepare(final_dir, false);
        EXPECT_FALSE(fs::exists(stale));
        EXPECT_TRUE(fs::exists(live));
        EXPECT_TRUE(fs::exists(other));
    }
    fs::remove_all(root);
}

} // namespace
} // namespace unrest
