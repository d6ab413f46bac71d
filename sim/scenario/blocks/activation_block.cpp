// activation: how agents are scheduled within a tick.
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"activation.mode", one_of(activation_mode_choices), "", "",
         "random_sequential: one agent at a time in random order; simultaneous: all decide from "
         "the same frozen state",
         "random_sequential: paper, NetLogo, Mesa", false},
        {"activation.tiling", one_of(tiling_choices), "", "",
         "auto: parallel tiles when the grid is large enough; single: one serial random order", "",
         false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "activation");
    model.activation.mode =
        choice(ctx.r, m.get("mode"), activation_mode_choices, model.activation.mode);
    model.activation.tiling =
        choice(ctx.r, m.get("tiling"), tiling_choices, model.activation.tiling);
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["activation"]["mode"] = print_choice(activation_mode_choices, m.activation.mode);
    out["activation"]["tiling"] = print_choice(tiling_choices, m.activation.tiling);
}

} // namespace

const Block& activation_block() {
    static const Block block{"activation", rows, read, print};
    return block;
}

} // namespace unrest::detail
