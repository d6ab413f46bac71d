// Which scenario keys a sweep may vary or hold fixed, and the row of the parameter table that
// types each: model keys, timeline.<id>.<key> and regions.<name>.<key> (issue 8).
#include "sweep_parameters.hpp"

#include "../scenario/parameter_table.hpp"
#include "../scenario/yaml_reader.hpp"
#include "sweep_spec.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace unrest {

namespace detail {

namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

const ParameterDoc* table_row(std::string_view key) {
    for (const ParameterDoc& row : parameter_table()) {
        if (row.key == key) {
            return &row;
        }
    }
    return nullptr;
}

// A parameter of one item of a named list: timeline.ID.KEY (a key of the timeline event with
// that id, issue 8's counterfactuals) or regions.NAME.KEY (a model parameter of one region). The
// row of the parameter table that types it, or null. Whether the id or the region exists is
// checked against the scenario, like every value (the override names them).
const ParameterDoc* item_row(std::string_view name) {
    const auto split = [](std::string_view rest) -> std::pair<std::string_view, std::string_view> {
        const std::size_t dot = rest.find('.');
        if (dot == std::string_view::npos || dot == 0 || dot + 1 == rest.size()) {
            return {};
        }
        return {rest.substr(0, dot), rest.substr(dot + 1)};
    };
    if (name.starts_with("timeline.")) {
        const auto [id, key] = split(name.substr(9));
        if (id.empty() || key.find('.') != std::string_view::npos || key == "type" || key == "id" ||
            key == "region") {
            return nullptr;
        }
        for (const ParameterDoc& row : parameter_table()) {
            const std::string_view k = row.key;
            const bool common = k == fmt::format("timeline.{}", key);
            const bool own = k.starts_with("timeline.") && k.ends_with(fmt::format(".{}", key)) &&
                             std::count(k.begin(), k.end(), '.') == 2;
            if (common || own) {
                return &row;
            }
        }
        return nullptr;
    }
    if (name.starts_with("regions.")) {
        const auto [region, key] = split(name.substr(8));
        if (!region.empty() && contains(sweep_parameter_keys(), key)) {
            return table_row(key);
        }
    }
    return nullptr;
}

} // namespace

// The row that types a sweep parameter (a model key, timeline.ID.KEY or regions.NAME.KEY), or null.
const ParameterDoc* sweep_parameter_row(std::string_view name) {
    return contains(sweep_parameter_keys(), name) ? table_row(name) : item_row(name);
}

bool is_numeric_type(const std::string& type) {
    // Model keys: "number ...", "integer ..."; timeline event keys (timeline.<id>.<key>): "finite
    // number", "probability in [0, 1]", "rate ...".
    return type.starts_with("integer") || type.starts_with("number") ||
           type.starts_with("finite number") || type.starts_with("probability") ||
           type.starts_with("rate");
}

// Why the parameter `name` may not be varied or held fixed, or "" when it may.
std::string sweep_parameter_problem(const std::string& name) {
    const std::vector<std::string>& keys = sweep_parameter_keys();
    if (sweep_parameter_row(name) != nullptr) {
        return {};
    }
    if (name.starts_with("timeline.") || name.starts_with("regions.")) {
        return fmt::format("expected timeline.<id>.<key> (a key of the timeline event with that "
                           "id: enabled, at, from, to or one of its type's keys) or "
                           "regions.<name>.<model key>, found '{}'",
                           name);
    }
    if (name == "seed") {
        return "expected a model parameter, found 'seed' (the replicates set each run's seed: use "
               "replicates and base_seed)";
    }
    const ParameterDoc* row = table_row(name);
    if (row && is_schedule_list(name)) {
        return fmt::format("expected a parameter with a single value, found '{}' (a list of "
                           "changes: write each schedule in its own scenario file)",
                           name);
    }
    if (row && row->type == "string") {
        return fmt::format("expected a model parameter, found '{}' (a label of the scenario, not "
                           "a parameter)",
                           name);
    }
    const std::string prefix = name + ".";
    const auto child = std::find_if(keys.begin(), keys.end(), [&prefix](const std::string& k) {
        return k.starts_with(prefix);
    });
    if (child != keys.end()) {
        return fmt::format("expected a full key path such as '{}', found '{}' (it holds further "
                           "keys)",
                           *child, name);
    }
    return unknown_key_message(name, keys);
}

} // namespace detail

const std::vector<std::string>& sweep_parameter_keys() {
    static const std::vector<std::string> keys = [] {
        const std::vector<ParameterDoc>& table = parameter_table();
        std::vector<std::string> k;
        for (const ParameterDoc& row : table) {
            const std::string prefix = row.key + ".";
            const bool leaf = std::none_of(table.begin(), table.end(), [&](const ParameterDoc& o) {
                return o.key.starts_with(prefix);
            });
            // Not single model values: the regions list and its items, the news weights (a
            // mapping by region), the calendar (it fixes what times mean) and the timeline's
            // events (issue 8 addresses them by id, timeline.<id>.<key>), and compare: (what a run
            // is compared with, not a model value).
            const bool structural = row.key.starts_with("regions") || row.key == "news.weights" ||
                                    row.key.starts_with("calendar.") || row.key == "timeline" ||
                                    row.key.starts_with("timeline.") || row.key == "base" ||
                                    row.key == "set" || row.key.starts_with("compare.");
            if (leaf && !structural && row.key != "seed" && row.type != "string" &&
                !is_schedule_list(row.key)) {
                k.push_back(row.key);
            }
        }
        return k;
    }();
    return keys;
}

} // namespace unrest
