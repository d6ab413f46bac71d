// population: how many citizens and cops, and how they are laid out at tick 0.
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"population.citizen_density", "number in [0, 1]", "", "fraction of cells",
         "citizens per cell", cite(table2, ": 0.7"), false},
        {"population.cop_density", "number in [0, 1]; citizen_density + cop_density <= 1", "",
         "fraction of cells", "cops per cell; the initial value of cops.density_changes",
         cite(table2, ": 0.04 (runs 1-2), 0.074 (runs 3-5)"), false},
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
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const YamlReader& r = ctx.r;
    const Mapping m = read_section(ctx, "population");
    PopulationParams& p = model.population;
    if (auto f = m.get("citizen_density")) {
        p.citizen_density = read_probability(r, *f);
    }
    if (auto f = m.get("cop_density")) {
        p.cop_density = read_probability(r, *f);
    }
    // ~ is "none": the density counts (in a region, it also drops the scenario's exact count).
    if (auto f = m.get("citizens")) {
        p.citizens =
            f->node.IsNull() ? std::nullopt : std::optional<std::int64_t>(read_integer(r, *f, 0));
    }
    if (auto f = m.get("cops")) {
        p.cops =
            f->node.IsNull() ? std::nullopt : std::optional<std::int64_t>(read_integer(r, *f, 0));
    }
    p.initial = choice(r, m.get("initial_counts"), initial_counts_choices, p.initial);
}

YAML::Node optional_count(const std::optional<std::int64_t>& n) {
    return n ? print_integer(*n) : YAML::Node(YAML::NodeType::Null);
}

void print(const ModelConfig& m, YAML::Node& out) {
    YAML::Node population(YAML::NodeType::Map);
    population["citizen_density"] = print_number(m.population.citizen_density);
    population["cop_density"] = print_number(m.population.cop_density);
    population["citizens"] = optional_count(m.population.citizens);
    population["cops"] = optional_count(m.population.cops);
    population["initial_counts"] = print_choice(initial_counts_choices, m.population.initial);
    out["population"] = population;
}

} // namespace

const Block& population_block() {
    static const Block block{"population", rows, read, print};
    return block;
}

} // namespace unrest::detail
