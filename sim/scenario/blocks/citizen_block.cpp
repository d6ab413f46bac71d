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
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "citizen");
    if (auto f = m.get("threshold")) {
        model.citizen.threshold = read_probability(ctx.r, *f);
    }
    model.citizen.self_count =
        choice(ctx.r, m.get("self_count"), self_count_choices, model.citizen.self_count);
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["citizen"]["threshold"] = print_number(m.citizen.threshold);
    out["citizen"]["self_count"] = print_choice(self_count_choices, m.citizen.self_count);
}

} // namespace

const Block& citizen_block() {
    static const Block block{"citizen", rows, read, print};
    return block;
}

} // namespace unrest::detail
