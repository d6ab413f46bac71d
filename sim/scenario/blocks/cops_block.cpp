// cops: cop behaviour and the cop density over ticks.
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"cops.steps_onto_arrestee", "boolean; false with jail.placement: in_place_blocking", "",
         "", "whether a cop moves onto the cell of the citizen it arrests",
         "NetLogo: true; paper, Mesa: false", false},
        {"cops.density_changes", cite(schedule_list_type, " (below); values in [0, 1]"), "",
         "fraction of cells", "cop density over ticks, starting from population.cop_density",
         cite(table2, ", run 5 (cop reduction)"), false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "cops");
    if (auto f = m.get("steps_onto_arrestee")) {
        model.cops.steps_onto_arrestee = read_bool(ctx.r, *f);
    }
    ScheduleChanges changes;
    if (const std::optional<Field> list = m.get("density_changes")) {
        changes = read_schedule_changes(ctx.r, *list);
    } else {
        // Not given (in a region: the scenario's): a problem with them there is reported at
        // the block that holds them here.
        changes.changes = model.cops.density_changes;
        changes.value_fields.assign(changes.changes.size(), m.field());
    }
    model.cops.density_changes = changes.changes;
    ctx.fields.schedules.emplace_back("cops.density_changes", std::move(changes));
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["cops"]["steps_onto_arrestee"] = print_boolean(m.cops.steps_onto_arrestee);
    out["cops"]["density_changes"] = print_changes(m.cops.density_changes);
}

} // namespace

const Block& cops_block() {
    static const Block block{"cops", rows, read, print};
    return block;
}

} // namespace unrest::detail
