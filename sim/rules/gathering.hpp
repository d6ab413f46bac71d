// Gathering (MODEL.md §3.4, issue 8 item 4): active and violent citizens move toward focal sites
// (squares, the akimat) rather than only at random, with an attraction that falls with distance
// (MECHANISMS.md §9b: retail gravity, Davies et al. 2013, without the deterrence term):
//
//   attraction(c) = sum over sites s, not burned, of weight(type_s) exp(-d(c, s) / d0)
//
// d in cells on the torus (Euclidean, shortest way round). With probability p an active or
// violent citizen moves to the empty cell within vision of highest attraction (ties broken by a
// random key) instead of a random one; otherwise, or when no visible empty cell attracts at all,
// it makes Model I's random move. Off (the default, p = 0 or no sites): Model I's random move.
#pragma once

#include "../core/grid.hpp"
#include "sites.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdlib>

namespace unrest {

struct GatheringParams {
    bool enabled = false;        // set by the loader: probability > 0
    double probability = 0.0;    // p: share of activations in which a protester gathers
    double distance_scale = 5.0; // d0, cells: attraction falls by e per d0
    // weight(type), indexed by SiteType: squares and seats of power draw crowds (Jan 2022:
    // Republic Square, the akimat, the residence in Almaty; MODEL.md §1).
    std::array<double, static_cast<std::size_t>(SiteType::count_)> weights = default_weights();

    static constexpr std::array<double, static_cast<std::size_t>(SiteType::count_)>
    default_weights() {
        std::array<double, static_cast<std::size_t>(SiteType::count_)> w{};
        w[static_cast<std::size_t>(SiteType::square)] = 1.0;
        w[static_cast<std::size_t>(SiteType::akimat)] = 1.0;
        w[static_cast<std::size_t>(SiteType::residence)] = 0.5;
        return w;
    }
    double weight(SiteType t) const noexcept { return weights[static_cast<std::size_t>(t)]; }
};

// Shortest distance in cells between two cells on a width x height torus.
inline double torus_distance(const Torus& torus, CellIndex a, CellIndex b) noexcept {
    int dx = std::abs(torus.x_of(a) - torus.x_of(b));
    int dy = std::abs(torus.y_of(a) - torus.y_of(b));
    dx = std::min(dx, torus.width() - dx);
    dy = std::min(dy, torus.height() - dy);
    return std::sqrt(static_cast<double>(dx) * dx + static_cast<double>(dy) * dy);
}

// One site's contribution at distance d: weight exp(-d / d0).
inline double site_attraction(double weight, double distance, double distance_scale) noexcept {
    return weight * std::exp(-distance / distance_scale);
}

} // namespace unrest
