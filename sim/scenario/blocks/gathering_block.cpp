// gathering: movement toward focal sites (rules/gathering.hpp; issue 8 item 4)
//   gathering:
//     probability: 0.5          # p: share of a protester's moves toward the most attractive cell
//     distance_scale: 8         # d0, cells
//     weights: {square: 1, akimat: 1, residence: 0.5}   # by site type; others 0
// attraction(c) = sum over sites (sites:, not burned) of weight(type) exp(-d / d0). Off (p = 0,
// the default, or no sites): Model I's random move.
#include "block.hpp"

#include <array>
#include <fmt/format.h>
#include <string>

namespace unrest::detail {

namespace {

// The site types by name (the names of sites.type; rules/sites.hpp).
constexpr std::array<std::string_view, static_cast<std::size_t>(SiteType::count_)> type_names{
    "akimat",    "residence",        "prosecutor", "party_office", "tv_station",
    "police_hq", "security_service", "airport",    "bank",         "shop",
    "mall",      "weapons_shop",     "square"};

constexpr const char* mechanisms_9b =
    "MECHANISMS.md §9b (retail gravity, Davies et al. 2013; Baudains et al. 2013)";

std::vector<ParameterDoc> rows() {
    std::vector<ParameterDoc> out{
        {"gathering.probability", "number in [0, 1]", "", "",
         "p: chance that an active or violent citizen moves to the empty cell in vision of "
         "highest attraction rather than a random one; 0: Model I's random move",
         cite(mechanisms_9b, "; our invention to calibrate"), false},
        {"gathering.distance_scale", "number > 0", "", "cells",
         "d0 in attraction = sum weight(type) exp(-d / d0), d the distance to the site on the "
         "torus",
         cite(mechanisms_9b, ": exp(-beta d)"), false},
    };
    for (const std::string_view name : type_names) {
        out.push_back(
            {fmt::format("gathering.weights.{}", name), "number >= 0", "", "",
             fmt::format("weight of a {} site in the attraction (a burned site: 0)", name),
             "our invention: squares and seats of power draw crowds (Republic Square, "
             "the akimat, the residence in Almaty, MODEL.md §1)",
             false});
    }
    return out;
}

double read_nonnegative(const YamlReader& r, const Field& f) {
    const double v = read_finite(r, f);
    if (v < 0.0) {
        r.fail(f, "a number >= 0", f.node.Scalar());
    }
    return v;
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const YamlReader& r = ctx.r;
    const Mapping m = read_section(ctx, "gathering");
    GatheringParams& g = model.gathering;
    if (auto f = m.get("probability")) {
        g.probability = read_probability(r, *f);
    }
    if (auto f = m.get("distance_scale")) {
        g.distance_scale = read_positive(r, *f);
    }
    if (auto f = m.get("weights")) {
        if (f->node.IsNull()) {
            r.fail(*f, "a mapping", no_section);
        }
        const Mapping weights(r, *f, known_keys(f->path));
        for (std::size_t t = 0; t < type_names.size(); ++t) {
            if (auto w = weights.get(type_names[t])) {
                g.weights[t] = read_nonnegative(r, *w);
            }
        }
    }
    g.enabled = g.probability > 0.0;
}

void print_model(const ModelConfig& m, YAML::Node& out) {
    const GatheringParams& g = m.gathering;
    out["gathering"]["probability"] = print_number(g.probability);
    out["gathering"]["distance_scale"] = print_number(g.distance_scale);
    for (std::size_t t = 0; t < type_names.size(); ++t) {
        out["gathering"]["weights"][std::string(type_names[t])] = print_number(g.weights[t]);
    }
}

} // namespace

const Block& gathering_block() {
    static const Block block{"gathering", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
