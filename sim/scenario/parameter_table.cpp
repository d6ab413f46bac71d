#include "parameter_table.hpp"

#include "choices.hpp"
#include "load.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <span>
#include <stdexcept>

namespace unrest {

namespace {

using namespace detail;

constexpr const char* paper = "Epstein 2002, PNAS 99 (suppl. 3)";
constexpr const char* table2 = "Epstein 2002, Table 2";
// The type of the keys that hold a list of schedule changes (is_schedule_list).
constexpr std::string_view schedule_list_type = "list of changes";

template <class E, std::size_t N>
std::string one_of(const std::array<Choice<E>, N>& choices) {
    return choice_list(std::span<const Choice<E>>(choices));
}

// The rows without defaults; the defaults are filled in from resolved_yaml(Scenario{}).
std::vector<ParameterDoc> rows() {
    return {
        {"name", "string", "", "", "the scenario's name, written to every output", "", true},
        {"description", "string", "", "", "free text", "", false},
        {"source", "string", "", "", "citation for the preset's values", "", false},
        {"seed", "integer in [0, 2^64)", "", "", "base seed of the counter-based random generator",
         "", false},
        {"ticks", "integer in [0, 2^32)", "", "periods", "periods to simulate", "", true},
        {"grid.width", "integer >= 1", "", "cells", "width of the torus",
         table2 + std::string(": 40 x 40"), false},
        {"grid.height", "integer >= 1", "", "cells", "height of the torus",
         table2 + std::string(": 40 x 40"), false},
        {"population.citizen_density", "number in [0, 1]", "", "fraction of cells",
         "citizens per cell", table2 + std::string(": 0.7"), false},
        {"population.cop_density", "number in [0, 1]; citizen_density + cop_density <= 1", "",
         "fraction of cells", "cops per cell; the initial value of cops.density_changes",
         table2 + std::string(": 0.04 (runs 1-2), 0.074 (runs 3-5)"), false},
        {"population.citizens", "integer >= 0, or ~ for none", "", "agents",
         "exact number of citizens; overrides citizen_density (initial_counts: exact only)", "",
         false},
        {"population.cops", "integer >= 0, or ~ for none", "", "agents",
         "exact number of cops; overrides cop_density (initial_counts: exact only); citizens + "
         "cops <= width x height",
         "", false},
        {"population.initial_counts", one_of(initial_counts_choices), "", "",
         "exact: round(density x cells) agents on distinct random cells; random: one draw per "
         "cell",
         "exact: NetLogo Rebellion; random: Mesa", false},
        {"vision.radius", "number > 0; 2 reach + 1 <= min(width, height)", "", "cells",
         "v, how far agents see and move", table2 + std::string(": 7 (run 1: 1.7)"), false},
        {"vision.shape", one_of(vision_shape_choices), "", "",
         "disc: dx^2 + dy^2 <= v^2; von_neumann: |dx| + |dy| <= floor(v); moore: max(|dx|, |dy|) "
         "<= floor(v)",
         "disc: NetLogo (in-radius); von_neumann: Mesa", false},
        {"vision.include_own_cell", "boolean", "", "",
         "whether an agent's own cell is in its vision", "NetLogo: true; Mesa: false", false},
        {"citizen.threshold", "number in [0, 1]", "", "", "T: active iff G - N > T",
         table2 + std::string(": 0.1"), false},
        {"citizen.self_count", one_of(self_count_choices), "", "",
         "how A = 1 + actives in vision counts the citizen itself",
         "once: paper, Mesa; again_if_active: NetLogo", false},
        {"arrest.k", "number > 0", "", "", "k in P = 1 - exp(-k C/A); P = 0.9 at C = A = 1",
         paper + std::string(", p. 7244: 2.3"), false},
        {"arrest.ratio", one_of(arrest_ratio_choices), "", "", "how C/A enters P",
         "exact: paper; floor: NetLogo; round_half_even: Mesa", false},
        {"jail.max_term", "number >= 0, or .inf for life", "", "periods",
         "J_max, the longest jail term",
         table2 + std::string(": 30 (run 2), 15 (run 1), .inf (runs 3-5)"), false},
        {"jail.term", one_of(jail_term_choices), "", "", "how the term is drawn",
         "uniform_real: paper, U(0, J_max); integer_below: NetLogo; integer_inclusive: Mesa",
         false},
        {"jail.placement", one_of(jail_placement_choices), "", "", "where jailed citizens are",
         "off_grid: paper; in_place_free: NetLogo; in_place_blocking: Mesa", false},
        {"jail.countdown", one_of(jail_countdown_choices), "", "", "when jail terms count down",
         "start_of_tick: paper (per period); end_of_tick: NetLogo; own_activation: Mesa", false},
        {"movement.enabled", "boolean", "", "",
         "whether agents move to a random empty cell in vision",
         table2 + std::string(": false in run 1"), false},
        {"movement.order", one_of(activation_order_choices), "", "",
         "order of moving and acting within an activation",
         "move_then_act: paper, NetLogo; act_then_move: Mesa", false},
        {"cops.steps_onto_arrestee", "boolean; false with jail.placement: in_place_blocking", "",
         "", "whether a cop moves onto the cell of the citizen it arrests",
         "NetLogo: true; paper, Mesa: false", false},
        {"cops.density_changes", std::string(schedule_list_type) + " (below); values in [0, 1]", "",
         "fraction of cells", "cop density over ticks, starting from population.cop_density",
         table2 + std::string(", run 5 (cop reduction)"), false},
        {"legitimacy", "number in [0, 1], or a mapping {initial, changes}", "", "",
         "L, constant: shorthand for {initial: L}", table2, false},
        {"legitimacy.initial", "number in [0, 1]", "", "", "L at tick 0",
         table2 + std::string(": 0.82 (run 2), 0.89 (run 1), 0.9 (runs 3-4), 0.8 (run 5)"), false},
        {"legitimacy.changes", std::string(schedule_list_type) + " (below); values in [0, 1]", "",
         "", "L over ticks",
         table2 + std::string(": run 3 multiply_per_tick 0.99, run 4 set 0.7 at 77"), false},
        {"activation.mode", one_of(activation_mode_choices), "", "",
         "random_sequential: one agent at a time in random order; simultaneous: all decide from "
         "the same frozen state",
         "random_sequential: paper, NetLogo, Mesa", false},
        {"activation.tiling", one_of(tiling_choices), "", "",
         "auto: parallel tiles when the grid is large enough; single: one serial random order", "",
         false},
        {"analysis.outburst_threshold", "integer >= 1", "", "actives",
         "an outburst starts above this many actives and ends when they fall below it",
         paper + std::string(": 50"), false},
    };
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
    const std::string prefix = path.empty() ? std::string() : std::string(path) + ".";
    std::vector<std::string> keys;
    for (const ParameterDoc& row : parameter_table()) {
        if (!row.key.starts_with(prefix) || row.key.size() == prefix.size()) {
            continue;
        }
        const std::string rest = row.key.substr(prefix.size());
        const std::string first = rest.substr(0, rest.find('.'));
        if (std::find(keys.begin(), keys.end(), first) == keys.end()) {
            keys.push_back(first);
        }
    }
    return keys;
}

bool is_schedule_list(std::string_view path) {
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
