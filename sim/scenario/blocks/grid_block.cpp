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
        {"grid.cell_size_m", "number >= 0", "", "metres",
         "side of a cell, for sites given by lat/lon (0: no geography, sites by x/y cells only)",
         "issue 8 (MECHANISMS.md §9a)", false},
        {"grid.origin", "mapping {lat, lon} in degrees, or ~", "", "degrees",
         "the grid's south-west corner (cell x = 0, y = 0); positions convert by the "
         "equirectangular projection: x = R dlon cos(lat0) / cell_size_m, y = R dlat / "
         "cell_size_m (R = 6371008.8 m), y growing north",
         "issue 8 (MECHANISMS.md §9a)", false},
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

double read_degrees(const YamlReader& r, const Field& f, double limit) {
    const double v = read_finite(r, f);
    if (v < -limit || v > limit) {
        r.fail(f, fmt::format("a number of degrees in [-{}, {}]", limit, limit), f.node.Scalar());
    }
    return v;
}

void read_geography(const ReadContext& ctx, const Mapping& m, GridParams& g) {
    if (auto f = m.get("cell_size_m")) {
        g.cell_size_m = read_finite(ctx.r, *f);
        if (g.cell_size_m < 0.0) {
            ctx.r.fail(*f, "a number >= 0", f->node.Scalar());
        }
    }
    if (auto f = m.get("origin")) {
        if (f->node.IsNull()) {
            g.origin.reset();
            return;
        }
        if (!f->node.IsMap()) {
            ctx.r.fail(*f, "a mapping {lat, lon}", describe(f->node));
        }
        const Mapping o(ctx.r, *f, {"lat", "lon"});
        g.origin = GeoPoint{read_degrees(ctx.r, o.require("lat"), 90.0),
                            read_degrees(ctx.r, o.require("lon"), 180.0)};
    }
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "grid");
    read_geography(ctx, m, model.grid);
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
    out["grid"]["cell_size_m"] = print_number(m.grid.cell_size_m);
    if (m.grid.origin) {
        out["grid"]["origin"]["lat"] = print_number(m.grid.origin->lat);
        out["grid"]["origin"]["lon"] = print_number(m.grid.origin->lon);
    } else {
        out["grid"]["origin"] = YAML::Node(YAML::NodeType::Null);
    }
}

} // namespace

const Block& grid_block() {
    static const Block block{"grid", rows, read, print};
    return block;
}

} // namespace unrest::detail
