// A disk that fills up during a run or a sweep (issue 6, item 5). The disk is a real one: a
// 4 MiB tmpfs mounted for the test (root only; CI runs as root), filled with a filler file until
// only a little room is left. A sweep that runs out of room exits 1 with the reason, its manifest
// says "failed", its journal holds whole rows only; once room is made, --resume finishes with a
// runs.csv identical to an undisturbed sweep's, the runs that failed for want of room done again
// rather than recorded as model errors.
#include "cli_test_util.hpp"
#include "sweep_test_util.hpp"

#include <cerrno>
#include <cstring>
#include <sys/mount.h>

namespace unrest::cli_test {
namespace {

class SmallDisk {
public:
    explicit SmallDisk(const fs::path& where) : path_(where) {
        fs::create_directories(path_);
        if (::mount("tmpfs", path_.c_str(), "tmpfs", 0, "size=4m") == 0) {
            mounted_ = true;
        } else {
            error_ = std::strerror(errno);
        }
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    ~SmallDisk() {
        if (mounted_) {
            ::umount2(path_.c_str(), MNT_DETACH);
        }
    }
    bool mounted() const { return mounted_; }
    const std::string& error() const { return error_; }
    const fs::path& path() const { return path_; }

    // Fills the disk with `filler`, then gives back `room` bytes of it.
    void leave_room(std::uintmax_t room) const {
        const fs::path filler = path_ / "filler";
        {
            std::ofstream out(filler, std::ios::binary);
            const std::string block(4096, 'x');
            while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
            }
        }
        const std::uintmax_t size = fs::file_size(filler);
        fs::resize_file(filler, size > room ? size - room : 0);
    }
    void make_room() const { fs::remove(path_ / "filler"); }

private:
    fs::path path_;
    bool mounted_ = false;
    std::string error_;
};

SweepFile kept_sweep() {
    return SweepFile{.parameters = {"legitimacy.initial: [0.7, 0.8]", "ticks: 400"},
                     .replicates = std::string("8"),
                     .keep = std::string("all")};
}

TEST(CliDiskFull, ASweepThatFillsTheDiskFailsCleanlyAndResumeFinishesIt) {
    if (::geteuid() != 0) {
        GTEST_SKIP() << "mounting a tmpfs needs root";
    }
    const TempDir tmp;
    const fs::path file = kept_sweep().write(tmp / "sweep.yaml");
    const Result whole = sweep(file, tmp / "whole", {"--jobs", "2"});
    ASSERT_EQ(whole.status, 0) << describe(whole);

    const SmallDisk disk(tmp / "disk");
    ASSERT_TRUE(disk.mounted()) << "mount tmpfs: " << disk.error();
    disk.leave_room(200u << 10);
    const fs::path dir = disk.path() / "out";
    const Result full = sweep(file, dir, {"--jobs", "2"});
    EXPECT_EQ(full.status, 1) << describe(full);
    EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
    EXPECT_NE(full.err.find("--resume"), std::string::npos) << full.err;
    EXPECT_EQ(sweep_status(dir), "failed");
    EXPECT_FALSE(fs::exists(dir / "runs.csv"));
    const std::string journal = read_file(dir / "runs.journal.csv");
    ASSERT_FALSE(journal.empty());
    EXPECT_EQ(journal.back(), '\n') << "a torn row was left in the journal";
    const std::int64_t rows = count_newlines(dir / "runs.journal.csv") - 1;
    EXPECT_LT(rows, 16) << "the disk did not fill";
    // No row records a failure: running out of room is not a result of the model.
    EXPECT_EQ(journal.find(",error,"), std::string::npos) << journal;

    disk.make_room();
    const Result resumed = sweep(file, dir, {"--resume", "--jobs", "2"});
    ASSERT_EQ(resumed.status, 0) << describe(resumed);
    EXPECT_EQ(read_file(dir / "runs.csv"), read_file(tmp / "whole" / "runs.csv"));
    EXPECT_EQ(sweep_status(dir), "complete");
    for (int run = 0; run < 16; ++run) {
        const fs::path run_dir = dir / "runs" / std::to_string(run);
        EXPECT_EQ(read_file(run_dir / "timeseries.csv"),
                  read_file(tmp / "whole" / "runs" / std::to_string(run) / "timeseries.csv"))
            << run_dir;
    }
    for (const auto& e : fs::directory_iterator(dir / "runs")) {
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    }
}

TEST(CliDiskFull, ARunThatFillsTheDiskLeavesNothing) {
    if (::geteuid() != 0) {
        GTEST_SKIP() << "mounting a tmpfs needs root";
    }
    const TempDir tmp;
    const SmallDisk disk(tmp / "disk");
    ASSERT_TRUE(disk.mounted()) << "mount tmpfs: " << disk.error();
    disk.leave_room(16u << 10);
    const fs::path out = disk.path() / "out";
    const Result r =
        unrest({"run", run2(), "--out", out.string(), "--ticks", "2000", "--threads", "1"});
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
    expect_no_output(out);
}

} // namespace
} // namespace unrest::cli_test
