// cops: cop behaviour and the cop density over ticks.
#include "block.hpp"
#include "calendar_block.hpp"

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
        {"cops.withdrawal.enabled", "boolean", "", "",
         "whether an officer withdraws when locally overwhelmed (false: never, Model I)",
         "MECHANISMS.md §7a (cops go quiet, [JK])", false},
        {"cops.withdrawal.ratio", "number >= 0", "", "",
         "overwhelmed when violent + active in vision > ratio (1 + other police in vision)",
         "our invention", false},
        {"cops.withdrawal.rate", "rate >= 0: per tick, or X/hour, X/day with a calendar", "",
         "per tick", "hazard of withdrawing while overwhelmed (p = 1 - exp(-rate) per tick)",
         "our invention", false},
        {"cops.withdrawal.regroup", "duration: ticks >= 1, or \"2h\" with a calendar", "", "ticks",
         "time off the grid before an officer who withdrew is back on duty", "our invention",
         false},
    };
}

void read_withdrawal(const ReadContext& ctx, const Mapping& cops, WithdrawalParams& w) {
    const std::optional<Field> f = cops.get("withdrawal");
    if (!f) {
        return;
    }
    if (f->node.IsNull()) {
        ctx.r.fail(*f, "a mapping", no_section);
    }
    const Mapping m(ctx.r, *f, known_keys(f->path));
    const Calendar no_calendar;
    const Calendar& calendar = ctx.calendar != nullptr ? *ctx.calendar : no_calendar;
    if (auto e = m.get("enabled")) {
        w.enabled = read_bool(ctx.r, *e);
    }
    if (auto v = m.get("ratio")) {
        w.ratio = read_finite(ctx.r, *v);
        if (w.ratio < 0.0) {
            ctx.r.fail(*v, "a number >= 0", v->node.Scalar());
        }
    }
    if (auto v = m.get("rate")) {
        w.rate = read_rate(ctx.r, *v, calendar);
        if (w.rate < 0.0) {
            ctx.r.fail(*v, "a rate >= 0",
                       v->node.IsScalar() ? v->node.Scalar() : describe(v->node));
        }
    }
    if (auto v = m.get("regroup")) {
        w.regroup = read_duration(ctx.r, *v, calendar);
    }
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
    read_withdrawal(ctx, m, model.cops.withdrawal);
    ctx.fields.schedules.emplace_back("cops.density_changes", std::move(changes));
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["cops"]["steps_onto_arrestee"] = print_boolean(m.cops.steps_onto_arrestee);
    out["cops"]["density_changes"] = print_changes(m.cops.density_changes);
    const WithdrawalParams& w = m.cops.withdrawal;
    out["cops"]["withdrawal"]["enabled"] = print_boolean(w.enabled);
    out["cops"]["withdrawal"]["ratio"] = print_number(w.ratio);
    out["cops"]["withdrawal"]["rate"] = print_number(w.rate);
    out["cops"]["withdrawal"]["regroup"] = print_integer(w.regroup);
}

} // namespace

const Block& cops_block() {
    static const Block block{"cops", rows, read, print};
    return block;
}

} // namespace unrest::detail
