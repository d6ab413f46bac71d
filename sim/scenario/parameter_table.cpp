#include "parameter_table.hpp"

#include "blocks/block.hpp"
#include "load.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <stdexcept>

namespace unrest {

namespace {

using namespace detail;

// The blocks' rows in document order; the defaults are filled in from resolved_yaml(Scenario{}).
std::vector<ParameterDoc> rows() {
    std::vector<ParameterDoc> all;
    for (const Block& b : scenario_blocks()) {
        if (b.rows) {
            for (ParameterDoc& row : b.rows()) {
                all.push_back(std::move(row));
            }
        }
    }
    return all;
}

// A path inside a region ("regions[2].grid", "regions[].legitimacy.changes"): the path in the
// region ("grid"), else empty. `whole` is set for the region's own mapping ("regions[2]").
std::optional<std::string_view> in_region(std::string_view path, bool& whole) {
    constexpr std::string_view prefix = "regions[";
    whole = false;
    if (!path.starts_with(prefix)) {
        return std::nullopt;
    }
    const std::size_t close = path.find(']');
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view rest = path.substr(close + 1);
    if (rest.empty()) {
        whole = true;
        return rest;
    }
    if (!rest.starts_with('.')) {
        return std::nullopt;
    }
    return rest.substr(1);
}

// The keys under `path` from the rows (no region handling).
std::vector<std::string> keys_under(std::string_view path) {
    const std::string prefix = path.empty() ? std::string() : std::string(path) + ".";
    std::vector<std::string> keys;
    for (const ParameterDoc& row : parameter_table()) {
        if (!row.key.starts_with(prefix) || row.key.size() == prefix.size()) {
            continue;
        }
        const std::string rest = row.key.substr(prefix.size());
        // "regions[].name" is under "regions[]": at the top level the key is "regions".
        const std::string first = rest.substr(0, rest.find_first_of(".["));
        if (std::find(keys.begin(), keys.end(), first) == keys.end()) {
            keys.push_back(first);
        }
    }
    return keys;
}

// The keys a region's mapping holds: its own (name, time_zone) and the model blocks'.
std::vector<std::string> region_keys() {
    std::vector<std::string> keys = keys_under("regions[]");
    keys.erase(std::remove(keys.begin(), keys.end(), "BLOCK"), keys.end());
    for (const Block& b : scenario_blocks()) {
        if (b.read_model && std::find(keys.begin(), keys.end(), b.key) == keys.end()) {
            keys.emplace_back(b.key);
        }
    }
    return keys;
}

// Follows a dotted path through nested mappings; an undefined node when absent.
YAML::Node find(const YAML::Node& root, std::string_view path) {
    YAML::Node cur = root;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::string key(
            path.substr(start, dot == std::string_view::npos ? path.npos : dot - start));
        const YAML::Node& here = cur;
        if (!here.IsMap() || !here[key]) {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        cur.reset(here[key]);
        if (dot == std::string_view::npos) {
            return cur;
        }
        start = dot + 1;
    }
}

std::string default_text(const ParameterDoc& row, const YAML::Node& defaults) {
    if (row.required) {
        return "required";
    }
    const YAML::Node node = find(defaults, row.key);
    if (!node.IsDefined() || node.IsMap()) {
        return "see below";
    }
    if (node.IsNull()) {
        return "~";
    }
    if (node.IsSequence()) {
        return node.size() == 0 ? "[]" : "see file";
    }
    return node.Scalar().empty() ? "\"\"" : node.Scalar();
}

std::string cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

} // namespace

const std::vector<ParameterDoc>& parameter_table() {
    static const std::vector<ParameterDoc> table = [] {
        std::vector<ParameterDoc> t = rows();
        const YAML::Node defaults = resolved_yaml(Scenario{});
        for (ParameterDoc& row : t) {
            row.default_value = default_text(row, defaults);
        }
        return t;
    }();
    return table;
}

std::string parameter_table_markdown() {
    std::string out = "| key | type | default | unit | meaning | source |\n"
                      "| --- | --- | --- | --- | --- | --- |\n";
    for (const ParameterDoc& row : parameter_table()) {
        const std::string def = row.required || row.default_value == "see below"
                                    ? row.default_value
                                    : "`" + row.default_value + "`";
        out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", row.key, cell(row.type),
                           cell(def), cell(row.unit), cell(row.meaning), cell(row.source));
    }
    return out;
}

std::vector<std::string> known_keys(std::string_view path) {
    bool whole = false;
    const std::optional<std::string_view> region_path = in_region(path, whole);
    if (!region_path) {
        return keys_under(path);
    }
    if (whole) {
        return region_keys();
    }
    // A model block in a region: its keys less those given at the top level only.
    const std::string_view block = region_path->substr(0, region_path->find('.'));
    const auto& blocks = scenario_blocks();
    const auto model = std::find_if(blocks.begin(), blocks.end(), [block](const Block& b) {
        return b.read_model && b.key == block;
    });
    if (model == blocks.end()) {
        return {};
    }
    std::vector<std::string> keys = keys_under(*region_path);
    if (*region_path == block && !model->top_level_only.empty()) {
        keys.erase(std::remove(keys.begin(), keys.end(), model->top_level_only), keys.end());
    }
    return keys;
}

bool is_schedule_list(std::string_view path) {
    bool whole = false;
    if (const std::optional<std::string_view> region_path = in_region(path, whole)) {
        path = *region_path;
    }
    const auto& table = parameter_table();
    return std::any_of(table.begin(), table.end(), [path](const ParameterDoc& row) {
        return row.key == path && row.type.starts_with(schedule_list_type);
    });
}

const std::vector<std::string>& schedule_change_keys() {
    static const std::vector<std::string> keys{
        "at", "set", "from", "to", "ramp_to", "add_per_tick", "multiply_per_tick"};
    return keys;
}

} // namespace unrest
