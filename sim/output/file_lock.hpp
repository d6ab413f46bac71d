// An exclusive lock on a file (flock(2)): one process at a time holds it, and the kernel releases
// it when the holder closes it or ends, however it ends (SIGKILL included), so a lock never
// outlives its process the way a marker file would. The holder writes "pid N on host H" into the
// file so that a refused process can say who holds it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace unrest {

class FileLock {
public:
    // Opens (creating it if needed) and locks `file` without waiting, then records this process
    // as the holder. Nullopt when another process (or another open of this process) holds it;
    // `holder` then gets the holder's record ("pid 1234 on host h", or "" if it wrote none yet).
    // Throws OutputError when the file cannot be created or opened.
    static std::optional<FileLock> try_lock(const std::filesystem::path& file,
                                            std::string* holder = nullptr);

    // Creates `file`, locked, so that no other process can ever see it unlocked: the file is
    // made and locked under a temporary name, then renamed. For markers that other processes
    // probe ("is its writer still alive?"). Throws OutputError.
    static FileLock create_locked(const std::filesystem::path& file);

    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    const std::filesystem::path& path() const noexcept { return path_; }

    // Pads the file to `bytes` (real blocks, not a hole): room set aside while the disk has it,
    // given back by release_reserve() when the disk fills, so that a failure can still be
    // recorded. Best effort: false when the room could not be set aside.
    bool reserve(std::uint64_t bytes) noexcept;
    void release_reserve() noexcept;

    // Unlocks and closes (the destructor does it too).
    void unlock() noexcept;

private:
    FileLock(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
    void write_holder() noexcept;

    std::filesystem::path path_;
    int fd_ = -1;
};

// What a holder wrote into a lock file ("pid 1234 on host h"), or "" when nothing readable.
std::string lock_holder(const std::filesystem::path& file);

// Whether `file` is a lock file that no live process holds (an unlocked marker left by a killed
// process). False when it is held, missing or not a regular file.
bool lock_is_stale(const std::filesystem::path& file);

} // namespace unrest
