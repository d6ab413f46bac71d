// The scenario schema: every key a scenario file may hold, with its type, default, unit, meaning
// and source, gathered from the rows each block declares beside its reader and printer
// (sim/scenario/blocks/). The loader takes the known keys from here (unknown-key errors and their
// suggestions); docs/parameters.md embeds parameter_table_markdown(), and a test keeps the two
// equal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace unrest {

struct ParameterDoc {
    std::string key;           // dotted key path, e.g. "jail.max_term"
    std::string type;          // value type and allowed range
    std::string default_value; // as written in YAML (from resolved_yaml of a default Scenario)
    std::string unit;          // "" when dimensionless
    std::string meaning;       // symbol and role in the model
    std::string source;        // where the default and the alternatives come from
    bool required = false;     // must appear in every scenario file
};

// In document order: the order resolved_yaml writes the keys.
const std::vector<ParameterDoc>& parameter_table();

// The table as GitHub Markdown, one row per key, ending in a newline.
std::string parameter_table_markdown();

// The keys directly under the mapping at `path` ("" for the top level), in table order, e.g.
// known_keys("grid") == {"width", "height"}. Empty when `path` is not a mapping of the schema.
// Inside a region ("regions[2]", "regions[2].news"): the region's keys (name, time_zone and the
// model blocks), and a model block's keys less those given at the top level only (news.weights).
std::vector<std::string> known_keys(std::string_view path);

// True when the value at `path` is a list of schedule changes (legitimacy.changes,
// regions[1].cops.density_changes, ...).
bool is_schedule_list(std::string_view path);

// The keys a schedule change may hold (MODEL.md §2, Table 2 runs 3-5).
const std::vector<std::string>& schedule_change_keys();

} // namespace unrest
