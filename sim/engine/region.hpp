// One region's run state: its world, its parameters, its view of the generator and what the
// January 2022 rules keep between ticks (sites, running totals).
#pragma once

#include "../core/rng.hpp"
#include "../rules/sites.hpp"
#include "model_config.hpp"
#include "world.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace unrest {

// A contingent deployed in a region (rules/forces.hpp: military): who it put on the streets.
struct ContingentDeployment {
    std::string id;                // the contingent's id (ContingentPresence::id)
    std::vector<AgentId> soldiers; // its soldiers, in the order deployed
    std::vector<AgentId> police;   // the officers it freed (`frees_police`)
};

struct Region {
    std::string name;
    ModelConfig config;
    CounterRng rng; // the seed's generator, viewed for this region (CounterRng::for_region)
    World world;
    std::int64_t citizens = 0;   // citizens in the region (fixed for life)
    double legitimacy_set = 0.0; // L as last set by the timeline (feedback recovers towards it)
    double news = 0.0;           // N computed at the end of the last tick, read during this one
    // M: share of the region's citizens active at the end of the last tick, times comms
    // (rules/communications.hpp), read during this one.
    double mobilisation = 0.0;
    std::vector<SiteState> sites; // one per config.sites.sites, in that order
    std::int64_t detained = 0;    // arrests since the start (agents)
    double damage_usd_total = 0.0;

    // The crowd rules' state between ticks (phases/crowd.cpp).
    std::optional<double> hardship_price{}; // the fuel price H was last computed at; empty: H = H0
    bool organised_arrived = false;         // the organised group has been marked
    std::vector<SiteStatus> attraction_statuses{}; // site statuses World::attraction was built on
    std::int64_t quota_day = std::numeric_limits<std::int64_t>::min(); // day of the last quotas
    // The forces phase's state (phases/forces.cpp): the contingents deployed, with their soldiers
    // and the police they freed, and the officers now off the streets by order.
    std::vector<ContingentDeployment> deployments = {};
    std::vector<AgentId> ordered_off = {}; // police withdrawn by a `police_withdrawal` order
    double ordered_share = 0.0;            // the share those were taken for (controls')
};

} // namespace unrest
