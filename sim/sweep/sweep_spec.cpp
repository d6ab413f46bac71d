// Sweep file -> SweepSpec: read each key with the scenario layer's YAML reader (same error
// format, same unknown-key suggestions), then check every value the sweep sets against the
// scenario itself by loading it with those values as overrides.
#include "sweep_spec.hpp"

#include "../output/summary.hpp"
#include "../scenario/edit_distance.hpp"
#include "../scenario/load.hpp"
#include "../scenario/parameter_table.hpp"
#include "../scenario/yaml_input.hpp"
#include "../scenario/yaml_reader.hpp"
#include "design.hpp"
#include "sweep_parameters.hpp"
#include "sweep_ranges.hpp"
#include "sweep_value_checks.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace unrest {

namespace {

using namespace detail;

// Most replicates a sweep may have (points: max_points, sweep_ranges.hpp): a guard against a typo
// that would allocate billions of runs.
constexpr std::int64_t max_replicates = 1'000'000;
// Most runs (points x replicates) a sweep may have: each is a row of runs.csv and 16 bytes of the
// journal's index; a larger study is split into several sweeps.
constexpr std::int64_t max_runs = 10'000'000;

const std::vector<std::string>& root_keys() {
    static const std::vector<std::string> keys{"scenario",    "parameters", "design",    "points",
                                               "design_seed", "replicates", "base_seed", "metrics",
                                               "keep",        "on_error"};
    return keys;
}

std::string join(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const std::string& n : names) {
        if (!out.empty()) {
            out += separator;
        }
        out += n;
    }
    return out;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// A scalar as override text: "~" for an empty value.
std::string scalar_text(const YAML::Node& node) {
    return node.IsNull() ? std::string("~") : node.Scalar();
}

// The parameter `name` may be varied or held fixed; otherwise an error that says why not.
void check_parameter_key(const YamlReader& r, const YAML::Mark& mark, const std::string& path,
                         const std::string& name) {
    if (std::string problem = sweep_parameter_problem(name); !problem.empty()) {
        r.fail_message(mark, path, std::move(problem));
    }
}

// The keys of a mapping at `path` as the reader checks them (yaml_prepass.hpp): the top level's,
// the parameters', a range's.
KeyCheck sweep_key_check(const std::string& path) {
    if (path.empty()) {
        return one_of_keys(root_keys());
    }
    if (path == "parameters") {
        return sweep_parameter_problem;
    }
    const std::string_view prefix = "parameters.";
    if (path.starts_with(prefix) && sweep_parameter_row(path.substr(prefix.size())) != nullptr) {
        return one_of_keys(range_keys());
    }
    return {};
}

// `parameters`: scenario key path -> a scalar (fixed), a list, a range or a distribution.
// Appends to spec.axes and spec.fixed; the values to check against the scenario go to `fixed`
// and `varied` (one list of checks per axis).
void read_parameters(const YamlReader& r, const Field& f, SweepSpec& spec,
                     std::vector<ValueCheck>& fixed, std::vector<std::vector<ValueCheck>>& varied) {
    // The keys are checked below, one at a time with their own messages; Mapping checks that
    // this is a mapping and that each key is given once.
    std::vector<std::string> names;
    if (f.node.IsMap()) {
        for (const auto& entry : f.node) {
            const YAML::Node key = entry.first;
            if (key.IsScalar()) {
                names.push_back(key.Scalar());
            }
        }
    }
    const Mapping m(r, f, names);
    if (!f.node.IsMap()) {
        return; // empty: nothing varied
    }
    for (const auto& entry : f.node) {
        const YAML::Node key = entry.first;
        const std::string name = key.Scalar();
        const Field value = *m.get(name);
        check_parameter_key(r, key.Mark(), value.path, name);
        const ParameterDoc& row = *sweep_parameter_row(name);
        const YAML::Node& node = value.node;
        if (node.IsNull() || node.IsScalar()) {
            spec.fixed.push_back({name, scalar_text(node)});
            fixed.push_back({name, scalar_text(node), value});
            continue;
        }
        std::vector<ValueCheck> checks;
        if (node.IsSequence()) {
            if (node.size() == 0) {
                r.fail(value, "a non-empty list of values", "an empty list");
            }
            SweepAxis axis;
            axis.key = name;
            axis.kind = SweepAxis::Kind::list;
            axis.integer = row.type.starts_with("integer");
            for (std::size_t i = 0; i < node.size(); ++i) {
                const Field item = value.item(node[i], i);
                if (!item.node.IsNull() && !item.node.IsScalar()) {
                    r.fail(item, "a single value", describe(item.node));
                }
                axis.values.push_back(scalar_text(item.node));
                checks.push_back({name, scalar_text(item.node), item});
            }
            spec.axes.push_back(std::move(axis));
        } else {
            spec.axes.push_back(read_range(r, value, name, row, spec.design, checks));
        }
        varied.push_back(std::move(checks));
    }
}

void read_design(const YamlReader& r, const Mapping& root, SweepSpec& spec) {
    const std::optional<Field> design = root.get("design");
    if (design) {
        const std::string name = read_choice_name(r, *design, {"grid", "lhs", "sobol"});
        spec.design = name == "grid"  ? SweepDesign::grid
                      : name == "lhs" ? SweepDesign::lhs
                                      : SweepDesign::sobol;
    }
    const std::optional<Field> points = root.get("points");
    if (spec.design == SweepDesign::grid) {
        if (points) {
            r.fail(*points, "no points with design: grid (one point per combination of values)",
                   describe(points->node));
        }
    } else {
        const char* name = spec.design == SweepDesign::lhs ? "lhs" : "sobol";
        if (!points) {
            r.fail_message(design->mark(), "points",
                           fmt::format("expected a value for key 'points' with design: {}, "
                                       "found none",
                                       name));
        }
        spec.points = read_integer(r, *points, 1);
        if (spec.points > max_points) {
            r.fail(*points, fmt::format("an integer in [1, {}]", max_points),
                   points->node.Scalar());
        }
    }
    if (const auto seed = root.get("design_seed")) {
        spec.design_seed = read_unsigned(r, *seed);
    }
}

// The sweep's axes fit its design: how many there are, how many points a grid has.
void check_axes(const YamlReader& r, const Field& parameters, const SweepSpec& spec) {
    if (spec.design == SweepDesign::grid) {
        std::int64_t points = 1;
        for (const SweepAxis& axis : spec.axes) {
            const std::int64_t n = axis.kind == SweepAxis::Kind::list
                                       ? static_cast<std::int64_t>(axis.values.size())
                                       : axis.count;
            points *= n; // both at most max_points: no overflow
            if (points > max_points) {
                r.fail(parameters, fmt::format("at most {} grid points", max_points),
                       "more (the product of the axes' sizes)");
            }
        }
        return;
    }
    const char* name = spec.design == SweepDesign::lhs ? "lhs" : "sobol";
    if (spec.axes.empty()) {
        r.fail(parameters, fmt::format("at least one varied parameter with design: {}", name),
               "none");
    }
    if (spec.design == SweepDesign::sobol && spec.axes.size() > sobol_max_dimension()) {
        r.fail(
            parameters,
            fmt::format("at most {} varied parameters with design: sobol", sobol_max_dimension()),
            fmt::format("{}", spec.axes.size()));
    }
}

void read_replicates(const YamlReader& r, const Mapping& root, SweepSpec& spec) {
    const std::optional<Field> replicates = root.get("replicates");
    const std::optional<Field> base = root.get("base_seed");
    if (replicates && replicates->node.IsSequence()) {
        if (base) {
            r.fail(*base, "no base_seed with a list of replicate seeds", describe(base->node));
        }
        const YAML::Node& list = replicates->node;
        if (list.size() == 0) {
            r.fail(*replicates, "a count >= 1 or a non-empty list of seeds", "an empty list");
        }
        if (list.size() > static_cast<std::size_t>(max_replicates)) {
            r.fail(*replicates, fmt::format("at most {} seeds", max_replicates),
                   fmt::format("{}", list.size()));
        }
        std::unordered_map<std::uint64_t, std::size_t> first_index; // O(1) per seed
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Field item = replicates->item(list[i], i);
            const std::uint64_t seed = read_unsigned(r, item);
            const auto [seen, fresh] = first_index.emplace(seed, i);
            if (!fresh) {
                r.fail(item, "each seed once",
                       fmt::format("{} again (replicates[{}])", seed, seen->second));
            }
            spec.seeds.push_back(seed);
        }
        return;
    }
    std::int64_t count = 1;
    if (replicates) {
        if (!replicates->node.IsScalar()) {
            r.fail(*replicates, "a count >= 1 or a list of seeds", describe(replicates->node));
        }
        count = read_integer(r, *replicates, 1);
        if (count > max_replicates) {
            r.fail(*replicates, fmt::format("an integer in [1, {}]", max_replicates),
                   replicates->node.Scalar());
        }
    }
    const std::uint64_t first = base ? read_unsigned(r, *base) : 1;
    const auto n = static_cast<std::uint64_t>(count);
    if (n - 1 > std::numeric_limits<std::uint64_t>::max() - first) {
        r.fail(*base, "base_seed + replicates - 1 < 2^64", base->node.Scalar());
    }
    for (std::uint64_t i = 0; i < n; ++i) {
        spec.seeds.push_back(first + i);
    }
}

// points x replicates <= max_runs, blamed on the replicates (or the design, when it alone is too
// large for a single replicate).
void check_runs(const YamlReader& r, const Mapping& root, const Field& parameters,
                const SweepSpec& spec) {
    std::int64_t points = spec.points;
    if (spec.design == SweepDesign::grid) {
        points = 1;
        for (const SweepAxis& axis : spec.axes) {
            points *= axis.kind == SweepAxis::Kind::list
                          ? static_cast<std::int64_t>(axis.values.size())
                          : axis.count; // at most max_points in all (check_axes)
        }
    }
    const auto replicates = static_cast<std::int64_t>(spec.seeds.size());
    if (points <= max_runs / replicates) {
        return;
    }
    const std::optional<Field> at = root.get("replicates");
    const Field& where =
        at ? *at : (spec.design == SweepDesign::grid ? parameters : root.require("points"));
    r.fail(where,
           fmt::format("at most {} runs in all (points x replicates; split a larger study into "
                       "several sweeps)",
                       max_runs),
           fmt::format("{} x {} = {}", points, replicates, points * replicates));
}

void read_metrics(const YamlReader& r, const Field& f, SweepSpec& spec) {
    const std::vector<std::string>& names = sweep_metric_names();
    if (!f.node.IsSequence() || f.node.size() == 0) {
        r.fail(f, "a non-empty list of summary metrics",
               f.node.IsSequence() ? "an empty list" : describe(f.node));
    }
    for (std::size_t i = 0; i < f.node.size(); ++i) {
        const Field item = f.item(f.node[i], i);
        const std::string name = read_string(r, item);
        if (!contains(names, name)) {
            if (const auto match = closest_match(name, names)) {
                r.fail(item, "a summary metric",
                       fmt::format("'{}' (did you mean '{}'?)", name, *match));
            }
            r.fail(item, fmt::format("a summary metric (one of {})", join(names, ", ")),
                   describe(item.node));
        }
        if (contains(spec.metrics, name)) {
            r.fail(item, "each metric once", fmt::format("'{}' again", name));
        }
        spec.metrics.push_back(name);
    }
}

// The scenario file named by `f`, resolved against the sweep file's folder; it must exist.
std::string read_scenario_path(const YamlReader& r, const Field& f, const std::string& file) {
    const std::string text = read_string(r, f);
    if (text.empty()) {
        r.fail(f, "a readable scenario file", "an empty string");
    }
    std::filesystem::path path(text);
    if (path.is_relative()) {
        path = std::filesystem::path(file).parent_path() / path;
    }
    const std::string resolved = path.lexically_normal().string();
    const std::string problem = unreadable_file_problem(resolved);
    if (!problem.empty()) {
        r.fail(f, "a readable scenario file", fmt::format("'{}' ({})", resolved, problem));
    }
    return resolved;
}

SweepSpec read_sweep(const YamlReader& r, const YAML::Node& tree, const std::string& file) {
    const Field root_field{tree, YAML::Mark::null_mark(), ""};
    const Mapping root(r, root_field, root_keys());
    SweepSpec spec;
    spec.file = file;
    spec.scenario_file = read_scenario_path(r, root.require("scenario"), file);
    read_design(r, root, spec);

    std::vector<ValueCheck> fixed;
    std::vector<std::vector<ValueCheck>> varied;
    const Field parameters = root.require("parameters");
    read_parameters(r, parameters, spec, fixed, varied);
    check_axes(r, parameters, spec);

    read_replicates(r, root, spec);
    check_runs(r, root, parameters, spec);
    read_metrics(r, root.require("metrics"), spec);
    if (const auto keep = root.get("keep")) {
        const std::string name = read_choice_name(r, *keep, {"none", "summary", "all"});
        spec.keep = name == "none"      ? SweepKeep::none
                    : name == "summary" ? SweepKeep::summary
                                        : SweepKeep::all;
    }
    if (const auto on_error = root.get("on_error")) {
        const std::string name = read_choice_name(r, *on_error, {"continue", "stop"});
        spec.on_error = name == "stop" ? SweepOnError::stop : SweepOnError::continue_running;
    }

    check_values(r, spec, fixed, varied);
    return spec;
}

} // namespace

const std::vector<std::string>& sweep_metric_names() {
    // Derived from what summary.json holds (sim/output/summary.hpp), so that a metric added to the
    // registry (sim/output/metrics.hpp) can be collected at once.
    return summary_metric_paths();
}

SweepSpec load_sweep_text(const std::string& text, const std::string& file_name) {
    const YAML::Node tree = parse_yaml_input(text, file_name, sweep_key_check);
    const YamlReader reader(file_name, {});
    return read_sweep(reader, tree, file_name);
}

SweepSpec load_sweep_file(const std::string& path) {
    return load_sweep_text(read_input_file(path), path);
}

} // namespace unrest
