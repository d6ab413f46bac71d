// sites: typed sites with positions, values and defence (rules/sites.hpp; MODEL.md §3.7;
// MECHANISMS.md §9a), and the parameters of the attacks on them.
//   sites:
//     attack_radius: 2            # cells
//     damage_rate: 0.002/hour     # fraction of the value per violent agent
//     seize_ratio: 1
//     min_attackers: 20           # persons
//     burn_rate: 0.2/hour
//     armed_per_weapons_shop: 50  # persons
//     list:
//       - {name: akimat, type: akimat, lat: 43.2381, lon: 76.9453}
//       - {name: arsenal, type: weapons_shop, x: 12, y: 30, value_usd: 300000}
#include "block.hpp"
#include "calendar_block.hpp"

#include <cmath>
#include <fmt/format.h>

namespace unrest::detail {

namespace {

constexpr const char* mechanisms_9a = "MECHANISMS.md §9a; our invention (to calibrate)";

std::string type_names() {
    std::string out;
    for (const SiteTypeDefaults& d : site_type_defaults) {
        out += out.empty() ? "" : ", ";
        out += std::string(d.name);
    }
    return out;
}

std::string type_defaults() {
    std::string out;
    for (const SiteTypeDefaults& d : site_type_defaults) {
        out += out.empty() ? "" : "; ";
        out += fmt::format("{} {:g} USD, defence {:g}", d.name, d.value_usd, d.defence);
    }
    return out;
}

std::vector<ParameterDoc> rows() {
    return {
        {"sites.attack_radius", "number >= 0", "", "cells",
         "radius of the disc (Euclidean) around a site in which attackers and defenders count",
         mechanisms_9a, false},
        {"sites.damage_rate", "rate >= 0: per tick, or X/hour, X/day with a calendar", "",
         "per violent agent per tick",
         "delta: dDmg = min(V - Dmg, delta V n_viol), a fraction of the value", mechanisms_9a,
         false},
        {"sites.seize_ratio", "number >= 0", "", "",
         "rho: seized iff n_viol >= min_attackers and n_viol > rho D (police + guards)",
         mechanisms_9a, false},
        {"sites.min_attackers", "integer >= 1", "", "persons",
         "n_min: the fewest violent attackers that can seize a site", mechanisms_9a, false},
        {"sites.burn_rate", "rate >= 0: per tick, or X/hour, X/day with a calendar", "", "per tick",
         "hazard of a seized site burning (p = 1 - exp(-rate) per tick); burning "
         "destroys what is left",
         mechanisms_9a, false},
        {"sites.armed_per_weapons_shop", "integer >= 0", "", "persons",
         "violent citizens around a weapons shop armed when it is seized", mechanisms_9a, false},
        {"sites.list",
         "list of sites {name (unique), type (one of " + type_names() +
             "), lat and lon (degrees; need grid.origin and grid.cell_size_m) or x and y (cells; "
             "y = 0 south), value_usd (>= 0), defence (>= 0)}",
         "", "",
         "the region's sites (a region's list replaces the scenario's); value_usd: what the site "
         "is worth, damage never exceeds it; defence: D, multiplies the defenders a crowd must "
         "outnumber",
         cite("MODEL.md §3.7; defaults per type (our invention): ", type_defaults()), false},
    };
}

const std::vector<std::string> item_keys = {"name", "type", "lat",       "lon",
                                            "x",    "y",    "value_usd", "defence"};

double read_nonnegative(const YamlReader& r, const Field& f) {
    const double v = read_finite(r, f);
    if (v < 0.0) {
        r.fail(f, "a number >= 0", f.node.Scalar());
    }
    return v;
}

double read_nonnegative_rate(const YamlReader& r, const Field& f, const Calendar& c) {
    const double v = read_rate(r, f, c);
    if (v < 0.0) {
        r.fail(f, "a rate >= 0", f.node.IsScalar() ? f.node.Scalar() : describe(f.node));
    }
    return v;
}

SiteType read_type(const YamlReader& r, const Field& f) {
    std::vector<std::string> names;
    for (const SiteTypeDefaults& d : site_type_defaults) {
        names.emplace_back(d.name);
    }
    const std::string name = read_choice_name(r, f, names);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            return static_cast<SiteType>(i);
        }
    }
    return SiteType::shop;
}

// The site's cell from x/y or lat/lon, inside the grid.
CellIndex read_position(const YamlReader& r, const Mapping& m, const GridParams& grid) {
    const auto x = m.get("x");
    const auto y = m.get("y");
    const auto lat = m.get("lat");
    const auto lon = m.get("lon");
    std::int64_t cx = 0;
    std::int64_t cy = 0;
    if ((x || y) && (lat || lon)) {
        r.fail(*(x ? x : y), "either x and y or lat and lon", "both");
    }
    if (x || y) {
        const Field at = x ? *x : *y;
        if (!x || !y) {
            r.fail(at, "both x and y", x ? "x alone" : "y alone");
        }
        cx = read_integer(r, *x, 0);
        cy = read_integer(r, *y, 0);
        if (cx >= grid.width) {
            r.fail(*x, fmt::format("a column in [0, {}) (grid.width)", grid.width),
                   x->node.Scalar());
        }
        if (cy >= grid.height) {
            r.fail(*y, fmt::format("a row in [0, {}) (grid.height)", grid.height),
                   y->node.Scalar());
        }
    } else if (lat || lon) {
        const Field at = lat ? *lat : *lon;
        if (!lat || !lon) {
            r.fail(at, "both lat and lon", lat ? "lat alone" : "lon alone");
        }
        if (!grid.origin || grid.cell_size_m <= 0.0) {
            r.fail(at, "x and y, or grid.origin and grid.cell_size_m > 0 for lat/lon",
                   "lat/lon without them");
        }
        const MetresEastNorth p =
            metres_from_origin(*grid.origin, GeoPoint{read_finite(r, *lat), read_finite(r, *lon)});
        const double fx = std::floor(p.east / grid.cell_size_m);
        const double fy = std::floor(p.north / grid.cell_size_m);
        if (!(fx >= 0.0 && fx < grid.width && fy >= 0.0 && fy < grid.height)) {
            r.fail(at,
                   fmt::format("a position inside the grid ({} x {} cells of {} m from the "
                               "origin)",
                               grid.width, grid.height, grid.cell_size_m),
                   fmt::format("cell ({:.0f}, {:.0f})", fx, fy));
        }
        cx = static_cast<std::int64_t>(fx);
        cy = static_cast<std::int64_t>(fy);
    } else {
        r.fail(m.field(), "a position: x and y, or lat and lon", "none");
    }
    return static_cast<CellIndex>(cy * grid.width + cx);
}

std::vector<SiteSpec> read_list(const YamlReader& r, const Field& f, const GridParams& grid) {
    if (!f.node.IsSequence()) {
        r.fail(f, "a list of sites", describe(f.node));
    }
    std::vector<SiteSpec> sites;
    for (std::size_t i = 0; i < f.node.size(); ++i) {
        const Field item = f.item(f.node[i], i);
        if (!item.node.IsMap()) {
            r.fail(item, "a mapping {name, type, x, y, ...}", describe(item.node));
        }
        const Mapping m(r, item, item_keys);
        SiteSpec s;
        const Field name = m.require("name");
        s.name = read_string(r, name);
        if (s.name.empty()) {
            r.fail(name, "a non-empty name", "\"\"");
        }
        for (const SiteSpec& other : sites) {
            if (other.name == s.name) {
                r.fail(name, "a name not used by another site", fmt::format("'{}' again", s.name));
            }
        }
        s.type = read_type(r, m.require("type"));
        s.cell = read_position(r, m, grid);
        s.value_usd = defaults_of(s.type).value_usd;
        s.defence = defaults_of(s.type).defence;
        if (auto v = m.get("value_usd")) {
            s.value_usd = read_nonnegative(r, *v);
        }
        if (auto d = m.get("defence")) {
            s.defence = read_nonnegative(r, *d);
        }
        sites.push_back(std::move(s));
    }
    return sites;
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "sites");
    const YamlReader& r = ctx.r;
    const Calendar no_calendar;
    const Calendar& calendar = ctx.calendar != nullptr ? *ctx.calendar : no_calendar;
    SitesParams& p = model.sites;
    if (auto f = m.get("list")) {
        p.sites = read_list(r, *f, model.grid);
    } else {
        // The scenario's list in a region: it must fit the region's grid.
        for (const SiteSpec& s : p.sites) {
            if (s.cell >= model.grid.width * model.grid.height) {
                r.fail(m.field(), "sites inside this grid (give the region its own sites.list)",
                       fmt::format("site '{}' outside it", s.name));
            }
        }
    }
    if (auto f = m.get("attack_radius")) {
        p.attack_radius = read_nonnegative(r, *f);
    }
    if (auto f = m.get("damage_rate")) {
        p.damage_rate = read_nonnegative_rate(r, *f, calendar);
    }
    if (auto f = m.get("seize_ratio")) {
        p.seize_ratio = read_nonnegative(r, *f);
    }
    if (auto f = m.get("min_attackers")) {
        p.min_attackers = read_integer(r, *f, 1);
    }
    if (auto f = m.get("burn_rate")) {
        p.burn_rate = read_nonnegative_rate(r, *f, calendar);
    }
    if (auto f = m.get("armed_per_weapons_shop")) {
        p.armed_per_weapons_shop = read_integer(r, *f, 0);
    }
}

void print_model(const ModelConfig& model, YAML::Node& parent) {
    const SitesParams& p = model.sites;
    YAML::Node out;
    out["attack_radius"] = print_number(p.attack_radius);
    out["damage_rate"] = print_number(p.damage_rate);
    out["seize_ratio"] = print_number(p.seize_ratio);
    out["min_attackers"] = print_integer(p.min_attackers);
    out["burn_rate"] = print_number(p.burn_rate);
    out["armed_per_weapons_shop"] = print_integer(p.armed_per_weapons_shop);
    YAML::Node list(YAML::NodeType::Sequence);
    for (const SiteSpec& s : p.sites) {
        YAML::Node site;
        site.SetStyle(YAML::EmitterStyle::Flow);
        site["name"] = s.name;
        site["type"] = std::string(defaults_of(s.type).name);
        site["x"] = print_integer(s.cell % model.grid.width);
        site["y"] = print_integer(s.cell / model.grid.width);
        site["value_usd"] = print_number(s.value_usd);
        site["defence"] = print_number(s.defence);
        list.push_back(site);
    }
    out["list"] = list;
    parent["sites"] = out;
}

} // namespace

const Block& sites_block() {
    static const Block block{"sites", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
