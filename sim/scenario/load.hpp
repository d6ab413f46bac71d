// Turning YAML into a validated Scenario. Every problem is reported as
//   FILE:LINE:COLUMN: key.path: what was expected, what was found
// (LINE and COLUMN 1-based; "FILE: ..." alone for a problem with the whole file, such as a missing
// one), and the caller exits with status 2.
#pragma once

#include "scenario.hpp"

#include <stdexcept>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest {

class ScenarioError : public std::runtime_error {
public:
    // `line` 0: the problem is with the file as a whole (no line and column in what()).
    ScenarioError(std::string file, int line, int column, std::string key_path,
                  std::string message);
    const std::string& file() const noexcept { return file_; }
    int line() const noexcept { return line_; }
    int column() const noexcept { return column_; }
    const std::string& key_path() const noexcept { return key_path_; }
    const std::string& message() const noexcept { return message_; } // without location

private:
    std::string file_;
    int line_;
    int column_;
    std::string key_path_;
    std::string message_;
};

// A parameter set by a command-line flag of its own (`unrest run --ticks 200`): applied like
// `--set KEY=VALUE` after the --set overrides, so that it wins and every check sees it; problems
// with it are reported as "FLAG: KEY: ..." (e.g. "--ticks: ticks: expected ...").
struct FlagOverride {
    std::string flag;  // "--ticks"
    std::string key;   // "ticks"
    std::string value; // read as YAML, as a --set value is
};

// Loads and validates a scenario file. `overrides` are "key.path=value" strings (from --set),
// applied to the YAML tree before validation; value is parsed as YAML (0.7, true, moore, [1,2]).
// `flags` are applied after them.
Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides = {},
                            const std::vector<FlagOverride>& flags = {});

// Why `path` cannot be read as an input file ("no such file", "a directory", "a file that cannot
// be opened"), or "" when it can.
std::string unreadable_file_problem(const std::string& path);

// The whole text of an input file (scenario or sweep); ScenarioError "FILE: expected a readable
// file, found ..." when it is missing, a directory or unreadable, and "FILE: expected an input
// file of at most 16 MiB ..." when it is longer (sim/scenario/input_text.hpp).
std::string read_input_file(const std::string& path);

// The same from text already in memory; `file_name` is used in error messages. The text must be
// UTF-8 without control characters other than tab and line breaks, and at most 16 MiB.
Scenario load_scenario_text(const std::string& text, const std::string& file_name,
                            const std::vector<std::string>& overrides = {},
                            const std::vector<FlagOverride>& flags = {});

// A scenario's text checked once, to be loaded many times with different overrides: a sweep
// checks every value it sets by loading its scenario with it. The checks on the raw text and the
// YAML pre-pass (sim/scenario/yaml_input.hpp) are done by the constructor, which throws their
// ScenarioError; load() gives what load_scenario_text(text, file_name, overrides, flags) gives,
// parsing the text again (overrides edit the tree, and yaml-cpp cannot copy one with its marks).
class CheckedScenarioText {
public:
    CheckedScenarioText(std::string text, std::string file_name);
    Scenario load(const std::vector<std::string>& overrides = {},
                  const std::vector<FlagOverride>& flags = {}) const;

private:
    std::string text_;
    std::string file_;
};

// The fully resolved scenario (every key, defaults filled in) as YAML. Loading this text gives
// back an equal Scenario. Used for the manifest and for `unrest validate --print`.
YAML::Node resolved_yaml(const Scenario& scenario);

} // namespace unrest
