// Where an output may go: `--out` resolved (".", ".." and symbolic links) and checked before
// anything is created or removed. unrest replaces only what it wrote itself: --force never
// touches the root, the home directory, the working directory or one of its ancestors, a
// directory holding an input file, or a non-empty directory without an unrest manifest in it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace unrest {

// What an output directory holds, named by the manifest that unrest writes into it.
enum class OutputKind {
    run,   // `unrest run`: manifest.json
    sweep, // `unrest sweep`: sweep_manifest.json
};

// The lock file that a sweep directory holds while a process writes to it (see file_lock.hpp).
inline constexpr const char* output_lock_name = ".unrest.lock";

struct OutputRules {
    OutputKind kind = OutputKind::run;
    bool force = false;                        // replace an existing output of this kind
    std::vector<std::filesystem::path> inputs; // files the command reads: never inside the output
};

// The absolute path `given` names, with ".", ".." and symbolic links resolved (for the parts
// that exist) and no trailing separator. Throws OutputError for an empty path.
std::filesystem::path resolve_output_path(const std::filesystem::path& given);

// Refuses (OutputError, naming `given` and what it resolves to) an output that must not be
// written or replaced under `rules`; touches nothing. `resolved` comes from resolve_output_path.
// An existing non-empty directory is accepted only with force and only if it holds this kind's
// manifest, written by unrest.
void check_output_target(const std::filesystem::path& given, const std::filesystem::path& resolved,
                         const OutputRules& rules);

// Whether `dir` holds the manifest that unrest writes for `kind` (a JSON file of the shape this
// program writes, not merely a file of that name).
bool holds_unrest_manifest(const std::filesystem::path& dir, OutputKind kind);

// The file name of that manifest.
const char* manifest_name(OutputKind kind);

// Whether `dir` exists and holds no entry but those named in `ignored`.
bool is_empty_directory(const std::filesystem::path& dir,
                        const std::vector<std::string>& ignored = {});

} // namespace unrest
