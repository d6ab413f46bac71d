// Sites and damage (MODEL.md §3.7; MECHANISMS.md §9): typed sites with a position, a value in
// dollars and a defence; attacked by violent citizens nearby, damaged, seized, burned; damage
// summed in dollars; seized weapons shops arm rioters. No sites (the default): Model I.
#pragma once

#include "../core/grid.hpp"

#include <cstdint>
#include <string>
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

// One site as the scenario gives it (positions already converted to cells).
struct SiteSpec {
    std::string name;
    SiteType type = SiteType::shop;
    CellIndex cell = 0;
    double value_usd = 0.0; // damage can never exceed it
    double defence = 1.0;   // multiplies the force a crowd must outnumber to seize it
};

struct SitesParams {
    std::vector<SiteSpec> sites; // empty = no sites
};

// What happens to a site over a run.
enum class SiteStatus : std::uint8_t { intact, damaged, seized, burned };

struct SiteState {
    double damage_usd = 0.0;
    SiteStatus status = SiteStatus::intact;
    bool guarded = false; // a contingent guards it
};

} // namespace unrest
