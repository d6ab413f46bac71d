#include "sim/output/output_dir.hpp"

#include <algorithm>
#include <csignal>
#include <cstdlib>
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

OutputRules rules(bool force) {
    OutputRules r;
    r.kind = OutputKind::run;
    r.force = force;
    return r;
}

// A manifest.json of the shape unrest writes: what --force requires before replacing a directory.
void write_run_manifest(const fs::path& dir) {
    write(dir / "manifest.json", R"({"program": {"version": "0.1.0", "git_revision": "abc"},)"
                                 R"( "run": {"scenario_sha256": "00"}})");
}

TEST_F(OutputDirectoryTest, CommitRenamesTempOntoFinal) {
    const fs::path final_dir = root_ / "nested" / "run";
    auto dir = OutputDirectory::prepare(final_dir, rules(false));
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
        (void)OutputDirectory::prepare(final_dir, rules(false));
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
    EXPECT_THROW((void)OutputDirectory::prepare(root_ / "run", rules(true)), OutputError);
}

TEST_F(OutputDirectoryTest, EmptyExistingDirectoryIsReplaced) {
    const fs::path final_dir = root_ / "run";
    fs::create_directories(final_dir);
    auto dir = OutputDirectory::prepare(final_dir, rules(false));
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
    write_run_manifest(final_dir);
    auto dir = OutputDirectory::prepare(final_dir, rules(true));
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
    auto dir = OutputDirectory::prepare(final_dir, rules(false));
    fs::create_directories(final_dir);
    write(final_dir / "other.txt", "someone else's");
    EXPECT_THROW(dir.commit(), OutputError);
    EXPECT_EQ(read(final_dir / "other.txt"), "someone else's");
}

TEST_F(OutputDirectoryTest, DestructorRemovesUncommittedTemp) {
    fs::path temp;
    {
        auto dir = OutputDirectory::prepare(root_ / "run", rules(false));
        temp = dir.temp();
        fs::create_directories(temp / "sub");
        write(temp / "sub" / "partial.csv", "tick,quiet\n0,");
    } // e.g. the run threw
    EXPECT_FALSE(fs::exists(temp));
    EXPECT_TRUE(entries().empty());
}

TEST_F(OutputDirectoryTest, MovedFromOwnsNothing) {
    auto a = OutputDirectory::prepare(root_ / "run", rules(false));
    const fs::path temp = a.temp();
    OutputDirectory b = std::move(a);
    EXPECT_EQ(b.temp(), temp);
    EXPECT_TRUE(fs::is_directory(temp));
    b.commit();
    EXPECT_TRUE(fs::is_directory(root_ / "run"));
}

TEST_F(OutputDirectoryTest, ASecondWriterOfTheSameOutputIsRefused) {
    auto a = OutputDirectory::prepare(root_ / "run", rules(false));
    try {
        auto b = OutputDirectory::prepare(root_ / "run", rules(false));
        ADD_FAILURE() << "a second writer was let in";
    } catch (const OutputError& e) {
        EXPECT_NE(
            std::string(e.what()).find(fmt::format("another unrest process (pid {}", ::getpid())),
            std::string::npos)
            << e.what();
    }
    // The first is untouched and the refused one left nothing.
    EXPECT_TRUE(fs::is_directory(a.temp()));
    EXPECT_EQ(entries(), std::vector<std::string>{a.temp().filename().string()});
    a.commit();
    // Once the first is done, another may write (it replaces nothing: --force is not given).
    write(root_ / "run" / "manifest.json", "{}");
    EXPECT_THROW((void)OutputDirectory::prepare(root_ / "run", rules(false)), OutputError);
}

TEST_F(OutputDirectoryTest, TheMarkerIsNotPartOfTheOutput) {
    auto dir = OutputDirectory::prepare(root_ / "run", rules(false));
    EXPECT_TRUE(fs::is_regular_file(dir.temp() / temp_marker_name));
    write(dir.temp() / "a.txt", "a");
    dir.commit();
    EXPECT_FALSE(fs::exists(root_ / "run" / temp_marker_name));
    EXPECT_TRUE(fs::exists(root_ / "run" / "a.txt"));
}

TEST_F(OutputDirectoryTest, ForceRefusesADirectoryThatIsNotAnUnrestOutput) {
    const fs::path final_dir = root_ / "victim";
    fs::create_directories(final_dir);
    write(final_dir / "thesis.tex", "years of work");
    try {
        (void)OutputDirectory::prepare(final_dir, rules(true));
        ADD_FAILURE() << "a directory that unrest did not write was accepted for --force";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("holds no manifest.json written by unrest"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(read(final_dir / "thesis.tex"), "years of work");
    EXPECT_EQ(entries(), std::vector<std::string>{"victim"});
}

TEST_F(OutputDirectoryTest, AFileNamedManifestIsNotEnough) {
    const fs::path final_dir = root_ / "victim";
    fs::create_directories(final_dir);
    write(final_dir / "manifest.json", "{\"mine\": true}");
    EXPECT_THROW((void)OutputDirectory::prepare(final_dir, rules(true)), OutputError);
    EXPECT_TRUE(fs::exists(final_dir / "manifest.json"));
}

TEST_F(OutputDirectoryTest, DotAndDotDotAreResolvedBeforeDeciding) {
    // "victim/." is victim itself: refused like victim (not an unrest output).
    const fs::path victim = root_ / "victim";
    fs::create_directories(victim);
    write(victim / "keep.txt", "keep");
    EXPECT_THROW((void)OutputDirectory::prepare(victim / ".", rules(true)), OutputError);
    EXPECT_THROW((void)OutputDirectory::prepare(victim / "sub" / "..", rules(true)), OutputError);
    EXPECT_EQ(read(victim / "keep.txt"), "keep");
    EXPECT_EQ(entries(), std::vector<std::string>{"victim"});
}

TEST_F(OutputDirectoryTest, ASymlinkIsFollowedToWhatItNames) {
    const fs::path real = root_ / "real";
    fs::create_directories(real);
    write(real / "keep.txt", "keep");
    fs::create_directory_symlink(real, root_ / "link");
    EXPECT_THROW((void)OutputDirectory::prepare(root_ / "link", rules(true)), OutputError);
    EXPECT_EQ(read(real / "keep.txt"), "keep");
    // An unrest output behind a link is replaced where it is; the link stays a link.
    write_run_manifest(real);
    auto dir = OutputDirectory::prepare(root_ / "link", rules(true));
    EXPECT_EQ(dir.final_path(), fs::canonical(real));
    write(dir.temp() / "new.txt", "new");
    dir.commit();
    EXPECT_TRUE(fs::is_symlink(root_ / "link"));
    EXPECT_EQ(read(root_ / "link" / "new.txt"), "new");
    EXPECT_FALSE(fs::exists(real / "keep.txt"));
}

TEST_F(OutputDirectoryTest, InputsInsideTheOutputAreRefused) {
    const fs::path dir = root_ / "project";
    fs::create_directories(dir);
    write(dir / "base.yaml", "name: x\n");
    write_run_manifest(dir);
    OutputRules r = rules(true);
    r.inputs = {dir / "base.yaml"};
    try {
        (void)OutputDirectory::prepare(dir, r);
        ADD_FAILURE() << "the directory of the input was accepted";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("holds the input file"), std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(fs::exists(dir / "base.yaml"));
}

TEST_F(OutputDirectoryTest, RootHomeAndTheWorkingDirectoryAreRefused) {
    for (const fs::path& p : {fs::path("/"), fs::path("/."), fs::path("/tmp/..")}) {
        EXPECT_THROW((void)OutputDirectory::prepare(p, rules(true)), OutputError) << p;
    }
    const fs::path cwd = fs::current_path();
    fs::current_path(root_);
    fs::create_directories(root_ / "here");
    fs::current_path(root_ / "here");
    for (const fs::path& p : {fs::path("."), fs::path(".."), fs::path("../..")}) {
        EXPECT_THROW((void)OutputDirectory::prepare(p, rules(true)), OutputError) << p;
    }
    fs::current_path(cwd);
    if (const char* home = std::getenv("HOME"); home != nullptr && fs::is_directory(home)) {
        EXPECT_THROW((void)OutputDirectory::prepare(home, rules(true)), OutputError);
    }
    EXPECT_EQ(entries(), std::vector<std::string>{"here"});
}

TEST_F(OutputDirectoryTest, TrailingSeparator) {
    auto dir = OutputDirectory::prepare(root_.string() + "/run/", rules(false));
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

// A run killed with SIGKILL leaves "<out>.tmp-<pid>-<n>" with its marker: the next preparation of
// the same output removes it (nobody holds the marker's lock any more), refuses while a live
// process holds it, and never touches a directory without a marker.
TEST(OutputDirectoryStale, RemovesOnlyMarkedTemporariesOfEndedProcesses) {
    const fs::path root =
        fs::path(::testing::TempDir()) / fmt::format("unrest_output_dir_stale_{}", ::getpid());
    fs::remove_all(root);
    fs::create_directories(root);
    const fs::path final_dir = root / "out";
    const fs::path stale = fmt::format("{}.tmp-99999-0", final_dir.string());
    const fs::path user = fmt::format("{}.tmp-99999-mybackup", final_dir.string());
    const fs::path other = root / "other.tmp-1-0"; // another output's temporary: not ours
    for (const fs::path& p : {stale, user, other}) {
        fs::create_directories(p);
    }
    std::ofstream(stale / temp_marker_name) << "pid 99999\n"; // a marker nobody holds
    std::ofstream(user / "precious.txt") << "mine\n";
    {
        OutputRules r;
        OutputDirectory out = OutputDirectory::prepare(final_dir, r);
        EXPECT_FALSE(fs::exists(stale));
        EXPECT_TRUE(fs::exists(user / "precious.txt"));
        EXPECT_TRUE(fs::exists(other));
    }
    fs::remove_all(root);
}

TEST(OutputDirectoryStale, AMarkerHeldByALiveProcessIsNotStale) {
    const fs::path root =
        fs::path(::testing::TempDir()) / fmt::format("unrest_output_dir_live_{}", ::getpid());
    fs::remove_all(root);
    fs::create_directories(root);
    const fs::path temp = root / "out.tmp-1-0";
    fs::create_directories(temp);
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        // Holds the marker's lock until killed.
        const FileLock lock = FileLock::create_locked(temp / temp_marker_name);
        (void)::write(ready[1], "x", 1);
        ::pause();
        ::_exit(0);
    }
    char c = 0;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);
    EXPECT_FALSE(lock_is_stale(temp / temp_marker_name));
    try {
        (void)OutputDirectory::prepare(root / "out", OutputRules{});
        ADD_FAILURE() << "prepared an output that a live process is writing";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find(fmt::format("pid {}", child)), std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(fs::exists(temp));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    // Killed: the kernel released its lock; the temporary is stale now.
    EXPECT_TRUE(lock_is_stale(temp / temp_marker_name));
    {
        OutputDirectory out = OutputDirectory::prepare(root / "out", OutputRules{});
        EXPECT_FALSE(fs::exists(temp));
    }
    ::close(ready[0]);
    ::close(ready[1]);
    fs::remove_all(root);
}

} // namespace
} // namespace unrest
