// casualties: injuries and deaths on both sides (rules/casualties.hpp; MODEL.md §3.5;
// MECHANISMS.md §6). Rates per tick, or per hour / per day with a calendar.
//   casualties: {enabled: true, police_hit_rate: 0.01/hour, lethal_rate: 0.2/hour, healing: 3d}
#include "block.hpp"
#include "calendar_block.hpp"

namespace unrest::detail {

namespace {

constexpr const char* lanchester =
    "MECHANISMS.md §6b (Lanchester aimed fire as a per-agent hazard); our invention (to "
    "calibrate on daily casualties)";
constexpr const char* rate_type = "rate >= 0: per tick, or X/hour, X/day with a calendar";

std::vector<ParameterDoc> rows() {
    return {
        {"casualties.enabled", "boolean", "", "",
         "whether violent citizens and forces hurt each other; false: no one is hurt (Model I)",
         "MODEL.md §3.5", false},
        {"casualties.police_hit_rate", rate_type, "", "per violent citizen in vision per tick",
         "a: a force on duty is hit with 1 - exp(-a V_vis (1 + armed_bonus armed share))",
         lanchester, false},
        {"casualties.armed_bonus", "number >= 0", "", "",
         "b: extra weight of violent citizens carrying firearms (share 1: 1 + b)", lanchester,
         false},
        {"casualties.less_lethal_rate", rate_type, "", "per officer in vision per tick",
         "q_1: a violent citizen is hit with 1 - exp(-q_F C_vis) at the less-lethal level",
         lanchester, false},
        {"casualties.lethal_rate", rate_type, "", "per officer in vision per tick",
         "q_2: the same at the lethal level", lanchester, false},
        {"casualties.active_factor", "number in [0, 1]", "", "",
         "an active (non-violent) citizen's hazard relative to a violent one's", lanchester, false},
        {"casualties.bystander_rate", rate_type, "", "per officer in vision per tick",
         "q_b: at the lethal level, a quiet citizen with violent ones in vision is hit with "
         "1 - exp(-q_b C_vis)",
         lanchester, false},
        {"casualties.without_warning_factor", "number >= 0", "", "",
         "q_2 is multiplied by this while the force level is without_warning (lethal force "
         "without warning)",
         "our invention (the order of 7 Jan 2022, MODEL.md §1): to calibrate", false},
        {"casualties.death_share_less_lethal", "number in [0, 1]", "", "",
         "share of the citizens hit at the less-lethal level who die",
         "KIPs: 3% of 1,984 injured died (Haar et al. 2017, BMJ Open)", false},
        {"casualties.death_share_lethal", "number in [0, 1]", "", "",
         "share of the citizens hit at the lethal level (or by soldiers) who die",
         "our invention: firearms kill far more often", false},
        {"casualties.death_share_forces", "number in [0, 1]", "", "",
         "share of the police and soldiers hit who die",
         "our invention (>= 18 police dead, MODEL.md §1)", false},
        {"casualties.healing", "duration: ticks >= 1, or \"2h\", \"3d\" with a calendar", "",
         "ticks",
         "time an injured agent spends off the grid before it is back (citizens quiet, "
         "forces to the reserve)",
         "our invention", false},
    };
}

double read_rate_nonnegative(const ReadContext& ctx, const Field& f) {
    const Calendar no_calendar;
    const double v = read_rate(ctx.r, f, ctx.calendar != nullptr ? *ctx.calendar : no_calendar);
    if (v < 0.0) {
        ctx.r.fail(f, "a rate >= 0", f.node.IsScalar() ? f.node.Scalar() : describe(f.node));
    }
    return v;
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "casualties");
    const YamlReader& r = ctx.r;
    CasualtyParams& p = model.casualties;
    if (auto f = m.get("enabled")) {
        p.enabled = read_bool(r, *f);
    }
    const auto rate = [&](const char* key, double& v) {
        if (auto f = m.get(key)) {
            v = read_rate_nonnegative(ctx, *f);
        }
    };
    const auto share = [&](const char* key, double& v) {
        if (auto f = m.get(key)) {
            v = read_probability(r, *f);
        }
    };
    rate("police_hit_rate", p.police_hit_rate);
    if (auto f = m.get("armed_bonus")) {
        p.armed_bonus = read_finite(r, *f);
        if (p.armed_bonus < 0.0) {
            r.fail(*f, "a number >= 0", f->node.Scalar());
        }
    }
    rate("less_lethal_rate", p.less_lethal_rate);
    rate("lethal_rate", p.lethal_rate);
    if (auto f = m.get("without_warning_factor")) {
        p.without_warning_factor = read_finite(r, *f);
        if (p.without_warning_factor < 0.0) {
            r.fail(*f, "a number >= 0", f->node.Scalar());
        }
    }
    share("active_factor", p.active_factor);
    rate("bystander_rate", p.bystander_rate);
    share("death_share_less_lethal", p.death_share_less_lethal);
    share("death_share_lethal", p.death_share_lethal);
    share("death_share_forces", p.death_share_forces);
    if (auto f = m.get("healing")) {
        const Calendar no_calendar;
        p.healing = read_duration(r, *f, ctx.calendar != nullptr ? *ctx.calendar : no_calendar);
    }
}

void print_model(const ModelConfig& model, YAML::Node& parent) {
    const CasualtyParams& p = model.casualties;
    YAML::Node out;
    out["enabled"] = print_boolean(p.enabled);
    out["police_hit_rate"] = print_number(p.police_hit_rate);
    out["armed_bonus"] = print_number(p.armed_bonus);
    out["less_lethal_rate"] = print_number(p.less_lethal_rate);
    out["lethal_rate"] = print_number(p.lethal_rate);
    out["active_factor"] = print_number(p.active_factor);
    out["bystander_rate"] = print_number(p.bystander_rate);
    out["without_warning_factor"] = print_number(p.without_warning_factor);
    out["death_share_less_lethal"] = print_number(p.death_share_less_lethal);
    out["death_share_lethal"] = print_number(p.death_share_lethal);
    out["death_share_forces"] = print_number(p.death_share_forces);
    out["healing"] = print_integer(p.healing);
    parent["casualties"] = out;
}

} // namespace

const Block& casualties_block() {
    static const Block block{"casualties", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
