// YAML -> Scenario: the blocks in order (sim/scenario/blocks/), each reading its keys with their
// types and ranges, then the checks that span blocks (model_checks.hpp). The keys allowed in each
// mapping come from the parameter table.
#include "load.hpp"

#include "blocks/block.hpp"
#include "input_text.hpp"
#include "model_checks.hpp"
#include "overrides.hpp"
#include "parameter_table.hpp"
#include "yaml_input.hpp"
#include "yaml_reader.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <utility>

namespace unrest {

namespace {

using namespace detail;

// The keys of a mapping at `path` as the reader checks them (yaml_prepass.hpp): the sections', and
// those of each schedule change ("legitimacy.changes[0]").
KeyCheck scenario_key_check(const std::string& path) {
    const std::size_t bracket = path.rfind('[');
    if (path.ends_with(']') && bracket != std::string::npos &&
        is_schedule_list(std::string_view(path).substr(0, bracket))) {
        return one_of_keys(schedule_change_keys());
    }
    std::vector<std::string> known = known_keys(path);
    return known.empty() ? KeyCheck() : one_of_keys(std::move(known));
}

// What every model needs to know of the scenario's calendar and scale: the tick's duration and
// the local time of day at which tick 1 starts in its region's zone, and persons per agent.
ClockParams clock_of(const Calendar& c, std::int32_t utc_offset_minutes) {
    ClockParams clock;
    if (c.enabled) {
        clock.tick_seconds = c.tick_seconds;
        const std::int64_t local = c.start + std::int64_t{utc_offset_minutes} * 60;
        clock.start_second_of_day = ((local % 86400) + 86400) % 86400;
    }
    return clock;
}

void give_models_clock_and_scale(Scenario& s) {
    s.model.clock = clock_of(s.calendar, s.calendar.utc_offset_minutes);
    s.model.scale.persons_per_agent = s.scale.persons_per_agent;
    for (RegionSpec& region : s.regions) {
        region.model.clock = clock_of(s.calendar, region.utc_offset_minutes);
        region.model.scale.persons_per_agent = s.scale.persons_per_agent;
    }
}

// The blocks in document order (sim/scenario/blocks/), then the checks that span the model's
// blocks; each region's model is checked by the regions block as it is read.
Scenario read_scenario(const YamlReader& r, const YAML::Node& tree) {
    const Field root_field{tree, YAML::Mark::null_mark(), ""};
    const Mapping root(r, root_field, known_keys(""));
    for (const char* composed : {"set", "base"}) {
        if (const auto f = root.get(composed)) {
            r.fail_message(*f, std::string(composed) == "set"
                                   ? "expected base: beside set: (set changes a base scenario)"
                                   : "expected base: only at the top of a scenario file");
        }
    }
    Scenario s;
    ModelFields fields(root_field);
    const ReadContext ctx{r, root, fields, &s.calendar};
    bool model_checked = false;
    for (const Block& b : scenario_blocks()) {
        if (b.read_model) {
            b.read_model(ctx, s.model);
        } else if (!model_checked && b.key == "regions") {
            // The scenario's model is complete: check it before the regions build on it.
            check_model(r, fields, s.model, s.run.ticks);
            model_checked = true;
        }
        if (b.read) {
            b.read(ctx, s);
        }
    }
    if (!model_checked) {
        check_model(r, fields, s.model, s.run.ticks);
    }
    give_models_clock_and_scale(s);
    return s;
}

// A scenario file's tree with its `base:` chain resolved: the innermost base's tree, with each
// including file's name, description, seed and `set:` applied as overrides that point into that
// file; `file` names the innermost base (the marks of the tree's own nodes are in it).
struct ResolvedTree {
    YAML::Node tree;
    std::string file;
    std::vector<OverrideOrigin> origins;
};

constexpr std::size_t max_base_depth = 8;

[[noreturn]] void fail_at_node(const std::string& file, const YAML::Mark& mark,
                               const std::string& path, std::string message) {
    throw ScenarioError(file, mark.line + 1, mark.column + 1, path, std::move(message));
}

std::string yaml_text(const YAML::Node& node) {
    YAML::Emitter out;
    out << YAML::Flow << node;
    return out.c_str();
}

ResolvedTree resolve_base(const std::string& text, const std::string& file_name,
                          std::vector<std::string>& chain) {
    YAML::Node tree = parse_yaml_input(text, file_name, scenario_key_check);
    if (!tree.IsMap() || !tree["base"]) {
        return {tree, file_name, {}};
    }
    const YAML::Node base = tree["base"];
    for (const auto& entry : tree) {
        const std::string key = entry.first.Scalar();
        if (key != "base" && key != "name" && key != "description" && key != "seed" &&
            key != "set") {
            fail_at_node(file_name, entry.first.Mark(), key,
                         fmt::format("expected only name, description, seed and set beside base "
                                     "(changes to the base scenario), found '{}'",
                                     key));
        }
    }
    if (!base.IsScalar() || base.Scalar().empty()) {
        fail_at_node(file_name, base.Mark(), "base", "expected the path of a scenario file");
    }
    const std::filesystem::path path =
        (std::filesystem::path(file_name).parent_path() / base.Scalar()).lexically_normal();
    std::error_code ec;
    const std::string key = std::filesystem::weakly_canonical(path, ec).string();
    if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
        fail_at_node(file_name, base.Mark(), "base",
                     fmt::format("expected a scenario that does not include this one, found "
                                 "'{}' (a cycle)",
                                 base.Scalar()));
    }
    if (chain.size() >= max_base_depth) {
        fail_at_node(file_name, base.Mark(), "base",
                     fmt::format("expected at most {} files in a chain of bases, found more",
                                 max_base_depth));
    }
    std::string base_text;
    try {
        base_text = read_input_file(path.string());
    } catch (const ScenarioError& e) {
        fail_at_node(file_name, base.Mark(), "base",
                     fmt::format("expected a readable scenario file, found '{}': {}", path.string(),
                                 e.message()));
    }
    chain.push_back(key);
    ResolvedTree inner = resolve_base(base_text, path.string(), chain);
    std::vector<FileOverride> own;
    const auto add = [&](const YAML::Node& k, const YAML::Node& v, const std::string& name) {
        own.push_back({name, yaml_text(v), file_name, k.Mark().line + 1, k.Mark().column + 1,
                       v.Mark().line >= 0 ? v.Mark().column + 1 : k.Mark().column + 1});
    };
    for (const auto& entry : tree) {
        const std::string name = entry.first.Scalar();
        if (name == "name" || name == "description" || name == "seed") {
            add(entry.first, entry.second, name);
        }
    }
    if (const YAML::Node set = tree["set"]) {
        if (!set.IsMap()) {
            fail_at_node(file_name, set.Mark(), "set",
                         "expected a mapping of key paths to values (timeline.csto.enabled: "
                         "false)");
        }
        for (const auto& entry : set) {
            if (!entry.first.IsScalar() || entry.first.Scalar().empty()) {
                fail_at_node(file_name, entry.first.Mark(), "set", "expected a key path");
            }
            add(entry.first, entry.second, entry.first.Scalar());
        }
    }
    std::vector<OverrideOrigin> origins = apply_file_overrides(inner.tree, own);
    inner.origins.insert(inner.origins.end(), origins.begin(), origins.end());
    return inner;
}

// The base chain, then the overrides and the reader, on a freshly parsed tree.
Scenario read_with_overrides(const std::string& text, const std::string& file_name,
                             const std::vector<std::string>& overrides,
                             const std::vector<FlagOverride>& flags) {
    std::vector<std::string> chain;
    std::error_code ec;
    chain.push_back(std::filesystem::weakly_canonical(file_name, ec).string());
    ResolvedTree resolved = resolve_base(text, file_name, chain);
    const std::vector<OverrideOrigin> origins = apply_overrides(resolved.tree, overrides, flags);
    resolved.origins.insert(resolved.origins.end(), origins.begin(), origins.end());
    const YamlReader reader(resolved.file, resolved.origins);
    return read_scenario(reader, resolved.tree);
}

} // namespace

Scenario load_scenario_text(const std::string& text, const std::string& file_name,
                            const std::vector<std::string>& overrides,
                            const std::vector<FlagOverride>& flags) {
    return read_with_overrides(text, file_name, overrides, flags);
}

CheckedScenarioText::CheckedScenarioText(std::string text, std::string file_name)
    : text_(std::move(text)), file_(std::move(file_name)) {
    (void)parse_yaml_input(text_, file_, scenario_key_check);
}

Scenario CheckedScenarioText::load(const std::vector<std::string>& overrides,
                                   const std::vector<FlagOverride>& flags) const {
    // The text parsed once already: it parses again, the same (with its base files read again).
    return read_with_overrides(text_, file_, overrides, flags);
}

std::string unreadable_file_problem(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        return "no such file";
    }
    if (std::filesystem::is_directory(status)) {
        return "a directory";
    }
    if (!std::ifstream(path, std::ios::binary)) {
        return "a file that cannot be opened";
    }
    return {};
}

std::string read_input_file(const std::string& path) {
    const std::string problem = unreadable_file_problem(path);
    if (!problem.empty()) {
        throw ScenarioError(path, 0, 0, "",
                            fmt::format("expected a readable file, found {}", problem));
    }
    // The size of a regular file is known before reading it; a pipe's only while reading.
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (!ec) {
            check_input_size(path, size);
        }
    }
    std::ifstream in(path, std::ios::binary);
    return read_input_stream(in, path);
}

Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides,
                            const std::vector<FlagOverride>& flags) {
    return load_scenario_text(read_input_file(path), path, overrides, flags);
}

} // namespace unrest
