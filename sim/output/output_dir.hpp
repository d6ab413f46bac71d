// An output directory that appears complete or not at all: files are written into a temporary
// sibling directory, which is renamed onto the final name by commit(). If the run fails (an
// exception, an early return) the destructor removes the temporary directory, so no half-written
// output is ever left behind.
//
// One writer at a time: the temporary directory holds a marker file, locked (file_lock.hpp) for
// as long as its process lives. A second process preparing the same output sees the locked
// marker and is refused, naming the holder; a temporary whose marker is no longer locked was left
// by a killed process and is removed. Directories without a marker are never touched: unrest
// removes only what it wrote.
#pragma once

#include "error.hpp"
#include "file_lock.hpp"
#include "output_target.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

// The name of the marker file inside a temporary output directory.
inline constexpr const char* temp_marker_name = ".unrest-writing";

class OutputDirectory {
public:
    // Resolves `final_dir` (resolve_output_path) and refuses (OutputError) what `rules` forbid
    // (check_output_target), then removes stale temporaries of the same output, creates the
    // temporary sibling "<final_dir>.tmp-<pid>-<n>" with its locked marker, and refuses
    // (OutputError) when another live process is writing the same output.
    static OutputDirectory prepare(const std::filesystem::path& final_dir,
                                   const OutputRules& rules);

    OutputDirectory(OutputDirectory&& other) noexcept;
    OutputDirectory& operator=(OutputDirectory&& other) noexcept;
    OutputDirectory(const OutputDirectory&) = delete;
    OutputDirectory& operator=(const OutputDirectory&) = delete;
    ~OutputDirectory(); // removes the temporary directory unless committed

    const std::filesystem::path& temp() const noexcept { return temp_; }
    // The resolved final path (absolute, symbolic links resolved).
    const std::filesystem::path& final_path() const noexcept { return final_; }
    bool committed() const noexcept { return committed_; }

    // Renames the temporary directory onto the final name. An existing empty final directory is
    // removed first; a non-empty one only with force and only if it is an unrest output of this
    // kind (otherwise OutputError, e.g. when another process created it meanwhile). Calling it
    // twice is an error.
    void commit();

private:
    OutputDirectory(std::filesystem::path given, std::filesystem::path final_dir,
                    std::filesystem::path temp, FileLock marker, OutputRules rules);
    void discard() noexcept;

    std::filesystem::path given_;
    std::filesystem::path final_;
    std::filesystem::path temp_;
    std::optional<FileLock> marker_;
    OutputRules rules_;
    bool committed_ = false;
};

// The temporary directories in `parent` ("<name>.tmp-...", with a name starting with `prefix`)
// that hold a marker: those of killed processes (marker no longer locked) are removed, and the
// holders of the others, live writers other than `own`, are returned ("pid N on host H").
// Directories without a marker are left alone.
std::vector<std::string> clean_temporaries(const std::filesystem::path& parent,
                                           std::string_view prefix,
                                           const std::filesystem::path& own = {});

// Writes `contents` to "<file>.tmp", then renames it onto `file`: readers see the old file or the
// new one, never a partial one. Throws OutputError.
void write_file_atomically(const std::filesystem::path& file, std::string_view contents);

} // namespace unrest
