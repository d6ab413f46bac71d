// An output directory that appears complete or not at all: files are written into a temporary
// sibling directory, which is renamed onto the final name by commit(). If the run fails (an
// exception, an early return) the destructor removes the temporary directory, so no half-written
// output is ever left behind.
#pragma once

#include "error.hpp"

#include <filesystem>
#include <string_view>

namespace unrest {

class OutputDirectory {
public:
    // Refuses (OutputError) when `final_dir` exists and is not an empty directory, unless `force`
    // is set, in which case commit() replaces it. Creates the parent directories and a temporary
    // sibling "<final_dir>.tmp-<pid>-<n>".
    static OutputDirectory prepare(const std::filesystem::path& final_dir, bool force);

    OutputDirectory(OutputDirectory&& other) noexcept;
    OutputDirectory& operator=(OutputDirectory&& other) noexcept;
    OutputDirectory(const OutputDirectory&) = delete;
    OutputDirectory& operator=(const OutputDirectory&) = delete;
    ~OutputDirectory(); // removes the temporary directory unless committed

    const std::filesystem::path& temp() const noexcept { return temp_; }
    const std::filesystem::path& final_path() const noexcept { return final_; }
    bool committed() const noexcept { return committed_; }

    // Renames the temporary directory onto the final name. An existing empty final directory is
    // removed first; a non-empty one only with force (otherwise OutputError, e.g. when another
    // process created it meanwhile). Calling it twice is an error.
    void commit();

private:
    OutputDirectory(std::filesystem::path final_dir, std::filesystem::path temp, bool force);
    void discard() noexcept;

    std::filesystem::path final_;
    std::filesystem::path temp_;
    bool force_ = false;
    bool committed_ = false;
};

// Removes "<final_dir>.tmp-<pid>-<n>" folders left by processes that no longer exist (a run
// killed with SIGKILL cannot clean up after itself). prepare() calls it.
void remove_stale_temporaries(const std::filesystem::path& final_dir);

// Writes `contents` to "<file>.tmp", then renames it onto `file`: readers see the old file or the
// new one, never a partial one. Throws OutputError.
void write_file_atomically(const std::filesystem::path& file, std::string_view contents);

} // namespace unrest
