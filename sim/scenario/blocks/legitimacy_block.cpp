// legitimacy: L over ticks (MODEL.md §2) and its optional feedback from arrests, killings and
// violence (MODEL.md §3.3).
//   legitimacy: 0.82                  shorthand for {initial: 0.82}
//   legitimacy: {initial, changes, feedback: {enabled, arrest_sensitivity, recovery,
//                killing_sensitivity, violence_sensitivity}}
#include "block.hpp"
#include "calendar_block.hpp"

#include <fmt/format.h>

namespace unrest::detail {

namespace {

constexpr const char* model_3_3 = "MODEL.md §3.3; MECHANISMS.md §3";

std::vector<ParameterDoc> rows() {
    return {
        {"legitimacy", "number in [0, 1], or a mapping {initial, changes}", "", "",
         "L, constant: shorthand for {initial: L}", table2, false},
        {"legitimacy.initial", "number in [0, 1]", "", "", "L at tick 0",
         cite(table2, ": 0.82 (run 2), 0.89 (run 1), 0.9 (runs 3-4), 0.8 (run 5)"), false},
        {"legitimacy.changes", cite(schedule_list_type, " (below); values in [0, 1]"), "", "",
         "L over ticks", cite(table2, ": run 3 multiply_per_tick 0.99, run 4 set 0.7 at 77"),
         false},
        {"legitimacy.feedback.enabled", "boolean", "", "",
         "whether arrests lower L and L recovers toward the level the timeline set; false: L "
         "follows the timeline alone (Model I)",
         model_3_3, false},
        {"legitimacy.feedback.arrest_sensitivity",
         "rate >= 0: per tick, or X/hour, X/day with a calendar", "", "per tick",
         "dL per tick per unit of arrests in the tick as a fraction of the region's citizens",
         model_3_3, false},
        {"legitimacy.feedback.recovery",
         "rate in [0, 1] per tick: per tick, or X/hour, X/day with a calendar", "", "per tick",
         "fraction of the gap between L and the level last set by the timeline closed per tick",
         model_3_3, false},
        {"legitimacy.feedback.killing_sensitivity",
         "rate >= 0: per tick, or X/hour, X/day with a calendar", "", "per tick",
         "dL per tick per unit of citizens killed by the state in the tick, as a fraction of the "
         "region's citizens",
         cite(model_3_3, "c (killings weigh more than arrests: Sullivan et al. 2014, JPR 51(5))"),
         false},
        {"legitimacy.feedback.violence_sensitivity",
         "rate (any sign): per tick, or X/hour, X/day with a calendar", "", "per tick",
         "dL per tick per unit of police and soldiers killed or wounded by rioters in the tick, "
         "as a fraction of the region's citizens: L falls when > 0, rises when < 0",
         cite(model_3_3, "c (alpha_viol < 0 allowed: violence may raise L)"), false},
    };
}

void read_feedback(const ReadContext& ctx, const Mapping& legitimacy,
                   LegitimacyFeedbackParams& feedback) {
    const std::optional<Field> f = legitimacy.get("feedback");
    if (!f) {
        return;
    }
    if (f->node.IsNull()) {
        ctx.r.fail(*f, "a mapping", no_section);
    }
    const Mapping m(ctx.r, *f, known_keys(f->path));
    if (auto e = m.get("enabled")) {
        feedback.enabled = read_bool(ctx.r, *e);
    }
    // Rates: per tick, or with a calendar per hour or per day, converted once here.
    const Calendar no_calendar;
    const Calendar& calendar = ctx.calendar != nullptr ? *ctx.calendar : no_calendar;
    if (auto s = m.get("arrest_sensitivity")) {
        feedback.arrest_sensitivity = read_rate(ctx.r, *s, calendar);
        if (feedback.arrest_sensitivity < 0.0) {
            ctx.r.fail(*s, "a rate >= 0",
                       s->node.IsScalar() ? s->node.Scalar() : describe(s->node));
        }
    }
    if (auto rec = m.get("recovery")) {
        feedback.recovery = read_rate(ctx.r, *rec, calendar);
        if (!(feedback.recovery >= 0.0 && feedback.recovery <= 1.0)) {
            ctx.r.fail(*rec, "a rate in [0, 1] per tick",
                       rec->node.IsScalar() ? rec->node.Scalar() : describe(rec->node));
        }
    }
    if (auto s = m.get("killing_sensitivity")) {
        feedback.killing_sensitivity = read_rate(ctx.r, *s, calendar);
        if (feedback.killing_sensitivity < 0.0) {
            ctx.r.fail(*s, "a rate >= 0",
                       s->node.IsScalar() ? s->node.Scalar() : describe(s->node));
        }
    }
    if (auto s = m.get("violence_sensitivity")) {
        feedback.violence_sensitivity = read_rate(ctx.r, *s, calendar);
    }
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const YamlReader& r = ctx.r;
    double initial = model.legitimacy.schedule.initial();
    const std::optional<Field> f = ctx.container.get("legitimacy");
    const Field& container = ctx.container.field();
    const Field absent = container.child(
        YAML::Node(), container.path.empty() ? YAML::Mark::null_mark() : container.mark(),
        "legitimacy");
    // The block's mapping (empty for the shorthand or when absent), for the checks.
    const bool is_mapping = f && !f->node.IsScalar();
    if (f && (f->node.IsSequence() || f->node.IsNull())) {
        r.fail(*f, "a number in [0, 1] or a mapping {initial, changes}",
               f->node.IsNull() ? no_section : describe(f->node));
    }
    const Mapping m(r, is_mapping ? *f : absent, known_keys(f ? f->path : absent.path));
    ctx.fields.sections.emplace_back("legitimacy", m);
    std::optional<Field> changes_field;
    if (f && !is_mapping) {
        initial = read_probability(r, *f);
    } else {
        if (auto i = m.get("initial")) {
            initial = read_probability(r, *i);
        }
        changes_field = m.get("changes");
        read_feedback(ctx, m, model.legitimacy.feedback);
    }
    ScheduleChanges changes;
    if (changes_field) {
        changes = read_schedule_changes(r, *changes_field);
    } else {
        // Not given (in a region: the scenario's): a problem with them there is reported at
        // the key that moved them, else at the block.
        changes.changes = model.legitimacy.schedule.changes();
        changes.value_fields.assign(changes.changes.size(),
                                    first_present({m.get("initial"), f}, absent));
    }
    model.legitimacy.schedule = Schedule(initial, changes.changes);
    ctx.fields.schedules.emplace_back("legitimacy.changes", std::move(changes));
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["legitimacy"]["initial"] = print_number(m.legitimacy.schedule.initial());
    out["legitimacy"]["changes"] = print_changes(m.legitimacy.schedule.changes());
    const LegitimacyFeedbackParams& fb = m.legitimacy.feedback;
    out["legitimacy"]["feedback"]["enabled"] = print_boolean(fb.enabled);
    out["legitimacy"]["feedback"]["arrest_sensitivity"] = print_number(fb.arrest_sensitivity);
    out["legitimacy"]["feedback"]["recovery"] = print_number(fb.recovery);
    out["legitimacy"]["feedback"]["killing_sensitivity"] = print_number(fb.killing_sensitivity);
    out["legitimacy"]["feedback"]["violence_sensitivity"] = print_number(fb.violence_sensitivity);
}

} // namespace

const Block& legitimacy_block() {
    static const Block block{"legitimacy", rows, read, print};
    return block;
}

} // namespace unrest::detail
