// jail: terms, where the jailed are, and when terms count down.
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"jail.max_term", "number >= 0, or .inf for life", "", "periods",
         "J_max, the longest jail term", cite(table2, ": 30 (run 2), 15 (run 1), .inf (runs 3-5)"),
         false},
        {"jail.term", one_of(jail_term_choices), "", "", "how the term is drawn",
         "uniform_real: paper, U(0, J_max); integer_below: NetLogo; integer_inclusive: Mesa",
         false},
        {"jail.placement", one_of(jail_placement_choices), "", "", "where jailed citizens are",
         "off_grid: paper; in_place_free: NetLogo; in_place_blocking: Mesa", false},
        {"jail.countdown", one_of(jail_countdown_choices), "", "", "when jail terms count down",
         "start_of_tick: paper (per period); end_of_tick: NetLogo; own_activation: Mesa", false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const YamlReader& r = ctx.r;
    const Mapping m = read_section(ctx, "jail");
    if (auto f = m.get("max_term")) {
        model.jail.max_term = read_number(r, *f);
        if (!(model.jail.max_term >= 0.0)) {
            r.fail(*f, "a number >= 0 or .inf", f->node.Scalar());
        }
    }
    model.jail.draw = choice(r, m.get("term"), jail_term_choices, model.jail.draw);
    model.jail.placement =
        choice(r, m.get("placement"), jail_placement_choices, model.jail.placement);
    model.jail.countdown =
        choice(r, m.get("countdown"), jail_countdown_choices, model.jail.countdown);
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["jail"]["max_term"] = print_number(m.jail.max_term);
    out["jail"]["term"] = print_choice(jail_term_choices, m.jail.draw);
    out["jail"]["placement"] = print_choice(jail_placement_choices, m.jail.placement);
    out["jail"]["countdown"] = print_choice(jail_countdown_choices, m.jail.countdown);
}

} // namespace

const Block& jail_block() {
    static const Block block{"jail", rows, read, print};
    return block;
}

} // namespace unrest::detail
