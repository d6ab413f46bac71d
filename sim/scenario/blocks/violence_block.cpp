// violence: the violent threshold, crowd gate and organised group (rules/violence.hpp; MODEL.md
// §3.4)
//   violence:
//     threshold: 0.5            # T_v: violent iff G - R P_v > T_v; .inf (the default): never
//     crowd: 10                 # violent only with >= 10 actives + violent in vision
//     organised:
//       size: 200               # persons, violent whenever free from `arrival` on
//       arrival: 2022-01-05T10:00
// Violence is on when the threshold is finite or an organised group is given.
#include "block.hpp"
#include "calendar_block.hpp"

#include <cmath>

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"violence.threshold", "number >= 0, or .inf for never", "", "",
         "T_v: an active-minded citizen turns violent iff G - R P_v > T_v (P_v: the arrest "
         "probability at the force level in use); .inf with no organised group: violence off "
         "(Model I)",
         "MECHANISMS.md §4a (our rendering): T_v > citizen.threshold", false},
        {"violence.crowd", "integer >= 0", "", "agents",
         "crowd gate: violent only when the actives and violent within vision (itself excluded) "
         "are at least this many",
         "MECHANISMS.md §4 (Granovetter 1978, AJS 83(6)); 0: no gate", false},
        {"violence.organised.size", "integer >= 0", "", "persons",
         "size of an organised violent group, violent whenever free from its arrival (rounded to "
         "agents with scale.persons_per_agent); 0: none",
         "MECHANISMS.md §4c (Moro 2016; Jager et al. 2001); officials' claims of armed groups, Jan "
         "2022",
         false},
        {"violence.organised.arrival", "tick (integer >= 1) or date-time", "", "tick",
         "when the organised group starts to act (members chosen then by a random key)",
         "our invention: an input to vary", false},
    };
}

void read_organised(const ReadContext& ctx, const Mapping& violence, OrganisedGroupParams& group) {
    const std::optional<Field> f = violence.get("organised");
    if (!f) {
        return;
    }
    if (f->node.IsNull()) {
        ctx.r.fail(*f, "a mapping", no_section);
    }
    const Mapping m(ctx.r, *f, known_keys(f->path));
    if (auto s = m.get("size")) {
        group.size = read_integer(ctx.r, *s, 0);
    }
    if (auto a = m.get("arrival")) {
        const Calendar no_calendar;
        group.arrival = read_time(ctx.r, *a, ctx.calendar != nullptr ? *ctx.calendar : no_calendar);
    }
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const YamlReader& r = ctx.r;
    const Mapping m = read_section(ctx, "violence");
    ViolenceParams& v = model.violence;
    if (auto f = m.get("threshold")) {
        v.threshold = read_number(r, *f);
        if (!(v.threshold >= 0.0)) {
            r.fail(*f, "a number >= 0 or .inf", f->node.Scalar());
        }
    }
    if (auto f = m.get("crowd")) {
        v.crowd = read_integer(r, *f, 0);
    }
    read_organised(ctx, m, v.organised);
    v.enabled = std::isfinite(v.threshold) || v.organised.size > 0;
}

void print_model(const ModelConfig& m, YAML::Node& out) {
    const ViolenceParams& v = m.violence;
    out["violence"]["threshold"] = print_number(v.threshold);
    out["violence"]["crowd"] = print_integer(v.crowd);
    out["violence"]["organised"]["size"] = print_integer(v.organised.size);
    out["violence"]["organised"]["arrival"] = print_integer(v.organised.arrival);
}

} // namespace

const Block& violence_block() {
    static const Block block{"violence", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
