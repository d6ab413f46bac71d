// citizen: when a citizen turns active (MODEL.md §2).
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"citizen.threshold", "number in [0, 1]", "", "", "T: active iff G - N > T",
         cite(table2, ": 0.1"), false},
        {"citizen.self_count", one_of(self_count_choices), "", "",
         "how A = 1 + actives in vision counts the citizen itself",
         "once: paper, Mesa; again_if_active: NetLogo", false},
        {"citizen.curfew_deterrence", "number >= 0", "", "",
         "added to T (and to violence.threshold) while a curfew is in force; 0: a curfew changes "
         "nothing (Model I)",
         "MODEL.md §3.1 (curfew 23:00-07:00 from 5 Jan 2022); our invention to calibrate", false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "citizen");
    if (auto f = m.get("threshold")) {
        model.citizen.threshold = read_probability(ctx.r, *f);
    }
    model.citizen.self_count =
        choice(ctx.r, m.get("self_count"), self_count_choices, model.citizen.self_count);
    if (auto f = m.get("curfew_deterrence")) {
        model.citizen.curfew_deterrence = read_finite(ctx.r, *f);
        if (model.citizen.curfew_deterrence < 0.0) {
            ctx.r.fail(*f, "a number >= 0", f->node.Scalar());
        }
    }
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["citizen"]["threshold"] = print_number(m.citizen.threshold);
    out["citizen"]["self_count"] = print_choice(self_count_choices, m.citizen.self_count);
    out["citizen"]["curfew_deterrence"] = print_number(m.citizen.curfew_deterrence);
}

} // namespace

const Block& citizen_block() {
    static const Block block{"citizen", rows, read, print};
    return block;
}

} // namespace unrest::detail
