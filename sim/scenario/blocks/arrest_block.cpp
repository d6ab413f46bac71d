// arrest: the estimated arrest probability P = 1 - exp(-k C/A) (MODEL.md §2), its scaling at the
// force levels the timeline escalates (MECHANISMS.md §5c) and the arrest processing capacity
// (MECHANISMS.md §5b).
//   arrest:
//     k: 2.3
//     force_risk: {less_lethal: 1.5, lethal: 3}   # k multipliers; 1: Model I
//     capacity_per_day: 3000                       # persons per local day; ~: no limit
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"arrest.k", "number > 0", "", "", "k in P = 1 - exp(-k C/A); P = 0.9 at C = A = 1",
         cite(paper, ", p. 7244: 2.3"), false},
        {"arrest.ratio", one_of(arrest_ratio_choices), "", "", "how C/A enters P",
         "exact: paper; floor: NetLogo; round_half_even: Mesa", false},
        {"arrest.force_risk.less_lethal", "number > 0", "", "",
         "k multiplier while the force level is less_lethal (the citizen's P, and P_v of "
         "violence); 1: Model I",
         "MECHANISMS.md §5c (k -> k_F; NIJ use-of-force continuum): to calibrate", false},
        {"arrest.force_risk.lethal", "number > 0", "", "",
         "k multiplier while the force level is lethal; 1: Model I",
         "MECHANISMS.md §5c (k -> k_F): to calibrate", false},
        {"arrest.force_risk.without_warning", "number > 0", "", "",
         "k multiplier while the force level is without_warning; 1: Model I",
         "MECHANISMS.md §5c (k -> k_F): to calibrate", false},
        {"arrest.capacity_per_day", "number > 0, or ~ for no limit; needs a calendar", "",
         "persons per local day",
         "K_d, the region's arrest processing capacity: at local midnight each officer on duty "
         "gets a quota K_d / persons_per_agent / officers on duty and stops arresting at it",
         "MECHANISMS.md §5b: 2,998 arrests in Almaty on 6 Jan 2022 (the article; the Interior "
         "Ministry gave 2,298 cumulative nationwide)",
         false},
    };
}

void read_force_risk(const ReadContext& ctx, const Mapping& arrest, ForceRiskParams& risk) {
    const std::optional<Field> f = arrest.get("force_risk");
    if (!f) {
        return;
    }
    if (f->node.IsNull()) {
        ctx.r.fail(*f, "a mapping", no_section);
    }
    const Mapping m(ctx.r, *f, known_keys(f->path));
    if (auto v = m.get("less_lethal")) {
        risk.less_lethal = read_positive(ctx.r, *v);
    }
    if (auto v = m.get("without_warning")) {
        risk.without_warning = read_positive(ctx.r, *v);
    }
    if (auto v = m.get("lethal")) {
        risk.lethal = read_positive(ctx.r, *v);
    }
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "arrest");
    if (auto f = m.get("k")) {
        model.arrest.k = read_positive(ctx.r, *f);
    }
    model.arrest.ratio = choice(ctx.r, m.get("ratio"), arrest_ratio_choices, model.arrest.ratio);
    read_force_risk(ctx, m, model.cops.force_risk);
    if (auto f = m.get("capacity_per_day")) {
        if (f->node.IsNull()) {
            model.cops.capacity.persons_per_day.reset();
        } else {
            if (ctx.calendar == nullptr || !ctx.calendar->enabled) {
                ctx.r.fail(*f, "~ (no limit) without a calendar: the capacity is per local day",
                           f->node.IsScalar() ? f->node.Scalar() : describe(f->node));
            }
            model.cops.capacity.persons_per_day = read_positive(ctx.r, *f);
        }
    }
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["arrest"]["k"] = print_number(m.arrest.k);
    out["arrest"]["ratio"] = print_choice(arrest_ratio_choices, m.arrest.ratio);
    out["arrest"]["force_risk"]["less_lethal"] = print_number(m.cops.force_risk.less_lethal);
    out["arrest"]["force_risk"]["lethal"] = print_number(m.cops.force_risk.lethal);
    out["arrest"]["force_risk"]["without_warning"] =
        print_number(m.cops.force_risk.without_warning);
    out["arrest"]["capacity_per_day"] = m.cops.capacity.persons_per_day
                                            ? print_number(*m.cops.capacity.persons_per_day)
                                            : YAML::Node(YAML::NodeType::Null);
}

} // namespace

const Block& arrest_block() {
    static const Block block{"arrest", rows, read, print};
    return block;
}

} // namespace unrest::detail
