// grid: the torus the agents live on.
#include "block.hpp"

#include <fmt/format.h>
#include <limits>

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"grid.width", "integer >= 1", "", "cells", "width of the torus", cite(table2, ": 40 x 40"),
         false},
        {"grid.height", "integer >= 1", "", "cells", "height of the torus",
         cite(table2, ": 40 x 40"), false},
    };
}

int read_cells(const YamlReader& r, const std::optional<Field>& f, int fallback) {
    if (!f) {
        return fallback;
    }
    const std::int64_t v = read_integer(r, *f, 1);
    if (v > std::numeric_limits<std::int32_t>::max()) {
        r.fail(*f, "an integer in [1, 2147483647]", f->node.Scalar());
    }
    return static_cast<int>(v);
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "grid");
    GridParams& g = model.grid;
    g.width = read_cells(ctx.r, m.get("width"), g.width);
    g.height = read_cells(ctx.r, m.get("height"), g.height);
    const std::int64_t cells = static_cast<std::int64_t>(g.width) * g.height;
    if (cells > std::numeric_limits<std::int32_t>::max()) { // CellIndex is 32-bit
        ctx.r.fail(first_present({m.get("height"), m.get("width")}, m.field()),
                   "width x height <= 2147483647 cells",
                   fmt::format("{} x {} = {}", g.width, g.height, cells));
    }
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["grid"]["width"] = print_integer(m.grid.width);
    out["grid"]["height"] = print_integer(m.grid.height);
}

} // namespace

const Block& grid_block() {
    static const Block block{"grid", rows, read, print};
    return block;
}

} // namespace unrest::detail
