// A quick pass over the parse events of a YAML input (yaml-cpp's Parser with an EventHandler),
// before YAML::Load builds the tree. It stops at the first sign, having built nothing, input that
// would be slow or large to load, or that the reader would refuse anyway for its keys:
//   FILE:L:C: expected at most 64 levels of nesting, found deeper
//   FILE:L:C: expected one YAML document, found a second
//   FILE:L:C: expected at most 1000000 values repeated through aliases, found more
//   FILE:L:C: expected an alias to a complete value, found one inside the value it names
//   FILE:L:C: key.path: unknown key 'bogus', ...          (the reader's message and position)
//   FILE:L:C: key.path: expected each key once, found 'k' again (first on line N)   (the same)
// A key is refused before its value is parsed, so a huge value under a misspelt key costs
// nothing. yaml-cpp's own errors (YAML::Exception) pass through. This is an early exit, not a
// replacement: the reader (yaml_reader.hpp) still makes every check.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace unrest::detail {

inline constexpr std::size_t max_yaml_depth = 64;
// Aliases share nodes in the loaded tree, but code that walks it visits a shared node once per
// alias, and aliases to values full of aliases multiply ("billion laughs"). No scenario or sweep
// needs more than a few.
inline constexpr std::uint64_t max_alias_values = 1'000'000;

// The check of one mapping's keys: the message for a key the mapping may not hold ("unknown key
// 'x', did you mean 'y'?"), or "" for one it may.
using KeyCheck = std::function<std::string(const std::string& key)>;

// What the pass knows of the schema: the check of the keys of the mapping at `path` (written as
// in messages: "" for the top level, "grid", "legitimacy.changes[0]"), or an empty KeyCheck where
// the schema does not know the mapping's keys. Nothing under such a mapping is checked.
using KeySchema = std::function<KeyCheck(const std::string& path)>;

// A KeyCheck for a fixed set of keys, with unknown_key_message() (yaml_reader.hpp).
KeyCheck one_of_keys(std::vector<std::string> known);

// Throws ScenarioError (load.hpp) at the first problem above; `file` names the input in errors.
void prepass_yaml(const std::string& text, const std::string& file, const KeySchema& schema);

} // namespace unrest::detail
