// vision: what an agent sees (and where it may move).
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"vision.radius", "number > 0; 2 reach + 1 <= min(width, height)", "", "cells",
         "v, how far agents see and move", cite(table2, ": 7 (run 1: 1.7)"), false},
        {"vision.shape", one_of(vision_shape_choices), "", "",
         "disc: dx^2 + dy^2 <= v^2; von_neumann: |dx| + |dy| <= floor(v); moore: max(|dx|, |dy|) "
         "<= floor(v)",
         "disc: NetLogo (in-radius); von_neumann: Mesa", false},
        {"vision.include_own_cell", "boolean", "", "",
         "whether an agent's own cell is in its vision", "NetLogo: true; Mesa: false", false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "vision");
    VisionParams& v = model.vision;
    if (auto f = m.get("radius")) {
        v.radius = read_positive(ctx.r, *f);
    }
    v.shape = choice(ctx.r, m.get("shape"), vision_shape_choices, v.shape);
    if (auto f = m.get("include_own_cell")) {
        v.include_own_cell = read_bool(ctx.r, *f);
    }
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["vision"]["radius"] = print_number(m.vision.radius);
    out["vision"]["shape"] = print_choice(vision_shape_choices, m.vision.shape);
    out["vision"]["include_own_cell"] = print_boolean(m.vision.include_own_cell);
}

} // namespace

const Block& vision_block() {
    static const Block block{"vision", rows, read, print};
    return block;
}

} // namespace unrest::detail
