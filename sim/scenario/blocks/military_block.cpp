// military: how contingents act (rules/forces.hpp; MODEL.md §3.6; MECHANISMS.md §8). Their
// arrival, size, sites and rules of engagement are `contingent` events of the timeline.
//   military: {deterrence: 1, engage_rate: 0.05/hour, guard_weight: 3}
#include "block.hpp"
#include "calendar_block.hpp"

namespace unrest::detail {

namespace {

constexpr const char* mechanisms_8 = "MECHANISMS.md §8; our invention (no quantitative source)";

std::vector<ParameterDoc> rows() {
    return {
        {"military.deterrence", "number >= 0", "", "",
         "a soldier on duty within vision counts as this many police in a citizen's C (0: not "
         "counted)",
         "MECHANISMS.md §8a (soldiers count in C for deterrence)", false},
        {"military.engage_rate", "rate >= 0: per tick, or X/hour, X/day with a calendar", "",
         "per soldier in vision per tick",
         "a violent citizen within sites.attack_radius of a site guarded by an engaging "
         "contingent is hit with 1 - exp(-rate M_vis) (needs casualties.enabled)",
         mechanisms_8, false},
        {"military.guard_weight", "number >= 0", "", "",
         "w_g: a soldier at a site its contingent guards counts as w_g defenders in the seizure "
         "rule (n_viol > rho D (police + w_g soldiers))",
         "MECHANISMS.md §8c (a guarded site falls only if V/G > rho_g)", false},
    };
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "military");
    const YamlReader& r = ctx.r;
    MilitaryParams& p = model.military;
    const auto nonnegative = [&](const char* key, double& v) {
        if (auto f = m.get(key)) {
            v = read_finite(r, *f);
            if (v < 0.0) {
                r.fail(*f, "a number >= 0", f->node.Scalar());
            }
        }
    };
    nonnegative("deterrence", p.deterrence);
    nonnegative("guard_weight", p.guard_weight);
    if (auto f = m.get("engage_rate")) {
        const Calendar no_calendar;
        p.engage_rate = read_rate(r, *f, ctx.calendar != nullptr ? *ctx.calendar : no_calendar);
        if (p.engage_rate < 0.0) {
            r.fail(*f, "a rate >= 0", f->node.IsScalar() ? f->node.Scalar() : describe(f->node));
        }
    }
}

void print_model(const ModelConfig& model, YAML::Node& parent) {
    const MilitaryParams& p = model.military;
    parent["military"]["deterrence"] = print_number(p.deterrence);
    parent["military"]["engage_rate"] = print_number(p.engage_rate);
    parent["military"]["guard_weight"] = print_number(p.guard_weight);
}

} // namespace

const Block& military_block() {
    static const Block block{"military", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
