// Sites and damage (MODEL.md §3.7; MECHANISMS.md §9): typed sites with a position, a value in
// dollars and a defence; attacked by violent citizens nearby, damaged, seized, burned; damage
// summed in dollars; seized weapons shops arm rioters. No sites (the default): Model I.
//
// Per site and tick (MECHANISMS.md §9a; the sites phase, sim/engine/phases/sites.cpp), with
// n_viol violent citizens, n_pol police and n_mil soldiers on duty within the attack radius:
//   damage     dDmg = min(V - Dmg, delta V n_viol)        (delta per violent agent per tick)
//   seizure    n_viol >= n_min and n_viol > rho D (n_pol + w_g n_mil)
//              (w_g = military.guard_weight when a contingent guards the site, else 1)
//   burning    once seized, burns with p = 1 - exp(-b) per tick (b: the burn rate per tick);
//              burning destroys what is left: Dmg = V
// The ledger in dollars and the per-type defaults are our invention (MECHANISMS.md §9: "Davies
// reports £250M liability but does not simulate damage"), to be calibrated on the $92M total.
#pragma once

#include "../core/grid.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

enum class SiteType : std::uint8_t {
    akimat,
    residence,
    prosecutor,
    party_office,
    tv_station,
    police_hq,
    security_service,
    airport,
    bank,
    shop,
    mall,
    weapons_shop,
    square, // a focal public space: attracts, cannot be damaged (value 0)
    count_
};
inline constexpr std::size_t site_type_count = static_cast<std::size_t>(SiteType::count_);

// What a site of each type is worth and how well it is defended when the scenario does not say.
// Values: orders of magnitude for Almaty, our invention (the $92M business total of 5-6 Jan 2022
// is the calibration target, MODEL.md §1). Defence: a multiplier of the force an attacking crowd
// must outnumber (MECHANISMS.md §9a D_s), higher for hardened buildings, our invention.
struct SiteTypeDefaults {
    std::string_view name;
    double value_usd;
    double defence;
};
inline constexpr std::array<SiteTypeDefaults, site_type_count> site_type_defaults = {{
    {"akimat", 10e6, 2.0},
    {"residence", 20e6, 3.0},
    {"prosecutor", 5e6, 2.0},
    {"party_office", 1e6, 1.0},
    {"tv_station", 5e6, 1.5},
    {"police_hq", 5e6, 4.0},
    {"security_service", 10e6, 4.0},
    {"airport", 50e6, 3.0},
    {"bank", 2e6, 1.5},
    {"shop", 0.2e6, 0.5},
    {"mall", 10e6, 1.0},
    {"weapons_shop", 0.5e6, 1.0},
    {"square", 0.0, 0.0},
}};

inline constexpr const SiteTypeDefaults& defaults_of(SiteType t) noexcept {
    return site_type_defaults[static_cast<std::size_t>(t)];
}

// A point on the Earth, degrees.
struct GeoPoint {
    double lat = 0.0;
    double lon = 0.0;
};

// Equirectangular projection around the grid's origin (its south-west corner): metres east and
// north of the origin, x = R dlon cos(lat0), y = R dlat (R the mean Earth radius, 6,371,008.8 m;
// lat0 the origin's latitude). Over a city (tens of km) the error is well under a cell.
struct MetresEastNorth {
    double east = 0.0;
    double north = 0.0;
};
inline MetresEastNorth metres_from_origin(GeoPoint origin, GeoPoint p) noexcept {
    constexpr double earth_radius_m = 6371008.8;
    constexpr double deg = 3.14159265358979323846 / 180.0;
    return {earth_radius_m * (p.lon - origin.lon) * deg * std::cos(origin.lat * deg),
            earth_radius_m * (p.lat - origin.lat) * deg};
}

// One site as the scenario gives it (positions already converted to cells).
struct SiteSpec {
    std::string name;
    SiteType type = SiteType::shop;
    CellIndex cell = 0;
    double value_usd = 0.0; // damage can never exceed it
    double defence = 1.0;   // multiplies the force a crowd must outnumber to seize it
};

struct SitesParams {
    std::vector<SiteSpec> sites;    // empty = no sites
    double attack_radius = 2.0;     // cells: the disc (Euclidean) around a site that counts
    double damage_rate = 0.0;       // delta: fraction of the value per violent agent per tick
    double seize_ratio = 1.0;       // rho
    std::int64_t min_attackers = 1; // persons: n_min (as agents: / persons per agent)
    double burn_rate = 0.0;         // hazard of burning per tick once seized
    std::int64_t armed_per_weapons_shop = 0; // persons armed by one seized weapons shop
};

// What happens to a site over a run.
enum class SiteStatus : std::uint8_t { intact, damaged, seized, burned };

struct SiteState {
    double damage_usd = 0.0;
    SiteStatus status = SiteStatus::intact;
    bool guarded = false;       // a contingent guards it
    bool engage = false;        // ... and one that guards it engages (rules of engagement)
    std::int64_t seized_at = 0; // tick it was seized (0: never)
    std::int64_t burned_at = 0; // tick it burned (0: never)
};

// dDmg = min(V - Dmg, delta V n_viol) (MECHANISMS.md §9a), never negative.
inline double site_damage(double value, double damage, double delta,
                          std::int64_t violent) noexcept {
    return std::max(0.0, std::min(value - damage, delta * value * static_cast<double>(violent)));
}

// Seized iff n_viol >= n_min and n_viol > rho D (police + weighted guards) (MECHANISMS.md §9a,
// §8c).
inline bool site_falls(std::int64_t violent, std::int64_t min_attackers, double rho, double defence,
                       double defenders) noexcept {
    return violent >= min_attackers && static_cast<double>(violent) > rho * defence * defenders;
}

// A hazard rate per tick as the probability of the event in one tick: 1 - exp(-rate).
inline double per_tick_probability(double rate) noexcept {
    return rate > 0.0 ? 1.0 - std::exp(-rate) : 0.0;
}

// Persons to agents: round(persons / persons per agent).
inline std::int64_t agents_of(double persons, double persons_per_agent) noexcept {
    return static_cast<std::int64_t>(std::llround(persons / persons_per_agent));
}

} // namespace unrest
