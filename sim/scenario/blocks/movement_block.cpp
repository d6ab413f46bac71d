// movement: whether agents move, and in which order they move and act.
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"movement.enabled", "boolean", "", "",
         "whether agents move to a random empty cell in vision", cite(table2, ": false in run 1"),
         false},
        {"movement.order", one_of(activation_order_choices), "", "",
         "order of moving and acting within an activation",
         "move_then_act: paper, NetLogo; act_then_move: Mesa", false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "movement");
    if (auto f = m.get("enabled")) {
        model.movement.enabled = read_bool(ctx.r, *f);
    }
    model.movement.order =
        choice(ctx.r, m.get("order"), activation_order_choices, model.movement.order);
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["movement"]["enabled"] = print_boolean(m.movement.enabled);
    out["movement"]["order"] = print_choice(activation_order_choices, m.movement.order);
}

} // namespace

const Block& movement_block() {
    static const Block block{"movement", rows, read, print};
    return block;
}

} // namespace unrest::detail
