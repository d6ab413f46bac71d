// Scenario -> YAML with every key, in parameter-table order; loading it gives back the scenario.
#include "choices.hpp"
#include "load.hpp"

#include <cmath>
#include <fmt/format.h>
#include <span>

namespace unrest {

namespace {

using namespace detail;

// Shortest text that reads back as the same double; .inf for infinity; 0 for -0 (which the
// loader never gives, but a Scenario built in code may hold).
YAML::Node number(double v) {
    if (std::isinf(v)) {
        return YAML::Node(v > 0 ? ".inf" : "-.inf");
    }
    return YAML::Node(fmt::format("{}", v + 0.0));
}

YAML::Node integer(std::int64_t v) {
    return YAML::Node(fmt::format("{}", v));
}

template <class E, std::size_t N>
YAML::Node name(const std::array<Choice<E>, N>& table, E value) {
    return YAML::Node(choice_name(std::span<const Choice<E>>(table), value));
}

YAML::Node boolean(bool b) {
    return YAML::Node(b ? "true" : "false");
}

YAML::Node changes(const std::vector<ScheduleChange>& list) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const ScheduleChange& c : list) {
        YAML::Node m(YAML::NodeType::Map);
        m.SetStyle(YAML::EmitterStyle::Flow);
        switch (c.kind) {
        case ScheduleChange::Kind::set:
            m["at"] = integer(c.from);
            m["set"] = number(c.value);
            break;
        case ScheduleChange::Kind::ramp:
            m["from"] = integer(c.from);
            m["to"] = integer(c.to);
            m["ramp_to"] = number(c.value);
            break;
        case ScheduleChange::Kind::add_per_tick:
        case ScheduleChange::Kind::multiply_per_tick:
            m["from"] = integer(c.from);
            if (c.to != forever) {
                m["to"] = integer(c.to);
            }
            m[c.kind == ScheduleChange::Kind::add_per_tick ? "add_per_tick" : "multiply_per_tick"] =
                number(c.value);
            break;
        }
        out.push_back(m);
    }
    return out;
}

YAML::Node optional_count(const std::optional<std::int64_t>& n) {
    return n ? integer(*n) : YAML::Node(YAML::NodeType::Null);
}

} // namespace

YAML::Node resolved_yaml(const Scenario& s) {
    const ModelConfig& m = s.model;
    YAML::Node out(YAML::NodeType::Map);
    out["name"] = s.name;
    out["description"] = s.description;
    out["source"] = s.source;
    out["seed"] = fmt::format("{}", s.run.seed);
    out["ticks"] = integer(s.run.ticks);

    out["grid"]["width"] = integer(m.grid.width);
    out["grid"]["height"] = integer(m.grid.height);

    YAML::Node population(YAML::NodeType::Map);
    population["citizen_density"] = number(m.population.citizen_density);
    population["cop_density"] = number(m.population.cop_density);
    population["citizens"] = optional_count(m.population.citizens);
    population["cops"] = optional_count(m.population.cops);
    population["initial_counts"] = name(initial_counts_choices, m.population.initial);
    out["population"] = population;

    out["vision"]["radius"] = number(m.vision.radius);
    out["vision"]["shape"] = name(vision_shape_choices, m.vision.shape);
    out["vision"]["include_own_cell"] = boolean(m.vision.include_own_cell);

    out["citizen"]["threshold"] = number(m.citizen.threshold);
    out["citizen"]["self_count"] = name(self_count_choices, m.citizen.self_count);

    out["arrest"]["k"] = number(m.arrest.k);
    out["arrest"]["ratio"] = name(arrest_ratio_choices, m.arrest.ratio);

    out["jail"]["max_term"] = number(m.jail.max_term);
    out["jail"]["term"] = name(jail_term_choices, m.jail.draw);
    out["jail"]["placement"] = name(jail_placement_choices, m.jail.placement);
    out["jail"]["countdown"] = name(jail_countdown_choices, m.jail.countdown);

    out["movement"]["enabled"] = boolean(m.movement.enabled);
    out["movement"]["order"] = name(activation_order_choices, m.movement.order);

    out["cops"]["steps_onto_arrestee"] = boolean(m.cops.steps_onto_arrestee);
    out["cops"]["density_changes"] = changes(m.cops.density_changes);

    out["legitimacy"]["initial"] = number(m.legitimacy.schedule.initial());
    out["legitimacy"]["changes"] = changes(m.legitimacy.schedule.changes());

    out["activation"]["mode"] = name(activation_mode_choices, m.activation.mode);
    out["activation"]["tiling"] = name(tiling_choices, m.activation.tiling);

    out["analysis"]["outburst_threshold"] = integer(s.analysis.outburst_threshold);
    return out;
}

} // namespace unrest
