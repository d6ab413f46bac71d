// --set key.path=value: changes to the YAML tree made before it is validated.
#pragma once

#include "yaml_reader.hpp"

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest::detail {

// Applies each "key.path=value" (value parsed as YAML) to `root`, in order, creating the
// mappings on the way; a path may index an existing list of changes ("legitimacy.changes[0].set")
// and name an existing region ("regions.Almaty.grid.width": the region of the file named Almaty,
// reported as regions[INDEX] like the reader's paths; regions are named, not indexed, so that an
// override keeps its meaning when regions are added or reordered).
// Setting a key under `legitimacy` when the file gives it as a number turns that number into
// {initial: number}. Every key on the path must be in the parameter table. Errors are reported
// as "--set:INDEX:COLUMN: ..." (INDEX 1-based among the overrides). Then each flag the same way,
// its errors reported as "FLAG: ...". Returns where each came from.
std::vector<OverrideOrigin> apply_overrides(YAML::Node& root,
                                            const std::vector<std::string>& overrides,
                                            const std::vector<FlagOverride>& flags = {});

// A change written in a file (`set:` of a scenario with `base:`): key.path and the value's YAML
// text, with where each stands in the file, so that problems are reported there.
struct FileOverride {
    std::string key;
    std::string value;
    std::string file;
    int line = 0;
    int key_column = 0;
    int value_column = 0;
};

// Applies each like apply_overrides, reporting problems as "FILE:LINE:COLUMN: ...".
std::vector<OverrideOrigin> apply_file_overrides(YAML::Node& root,
                                                 const std::vector<FileOverride>& overrides);

} // namespace unrest::detail
