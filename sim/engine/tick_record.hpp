// What is measured in one region after each tick. The engine fills it; the metric registry
// (sim/output/metrics.hpp) declares how each field is named, in which unit it is written and how
// it is reduced to a day; writers decide how to store it. Counts are in agents: the writers scale
// them to persons (scale.persons_per_agent).
#pragma once

#include "../core/schedule.hpp"

#include <cstdint>

namespace unrest {

struct TickRecord {
    Tick tick = 0;  // 0 = the initial state, before any activation
    int region = 0; // index into the simulation's regions

    // Citizens by state at the end of the tick (MODEL.md §2 and §3.4).
    std::int64_t quiet = 0;   // free and quiet
    std::int64_t active = 0;  // free and active
    std::int64_t violent = 0; // free and violent (issue 8; 0 in Model I)
    std::int64_t jailed = 0;  // in jail
    std::int64_t injured = 0; // injured, off the street (issue 8)
    std::int64_t dead = 0;    // killed (issue 8)

    // Forces by state at the end of the tick.
    std::int64_t cops = 0;             // police on duty (on the grid)
    std::int64_t police_injured = 0;   // (issue 8)
    std::int64_t police_dead = 0;      // (issue 8)
    std::int64_t police_withdrawn = 0; // police off the grid: in reserve, withdrawn or ordered off
    std::int64_t military = 0;         // military on duty (issue 8: contingents)
    std::int64_t military_withdrawn = 0; // military not (or no longer) deployed
    std::int64_t military_injured = 0;   // (rules/casualties)
    std::int64_t military_dead = 0;      // (rules/casualties)

    // Flows during the tick.
    std::int64_t arrests = 0;  // arrests made during this tick
    std::int64_t releases = 0; // citizens released from jail during this tick
    std::int64_t detained = 0; // arrests since the start of the run (cumulative)
    // Casualties during the tick (rules/casualties.hpp, MODEL.md §3.5).
    std::int64_t protesters_killed = 0; // active or violent citizens killed
    std::int64_t bystanders_killed = 0; // quiet citizens killed
    std::int64_t citizens_wounded = 0;  // citizens injured
    std::int64_t police_killed = 0;
    std::int64_t police_wounded = 0;
    std::int64_t military_killed = 0;
    std::int64_t military_wounded = 0;

    // Sites (rules/sites.hpp, MODEL.md §3.7): money is in US dollars, not scaled by persons.
    double damage_usd = 0.0;         // damage done during the tick
    double damage_usd_total = 0.0;   // damage since the start of the run
    std::int64_t sites_attacked = 0; // sites damaged at least once since the start
    std::int64_t sites_seized = 0;   // sites seized (or burned) since the start
    std::int64_t sites_burned = 0;   // sites burned since the start
    std::int64_t armed = 0;          // free citizens carrying firearms (seized weapons shops)

    // Region state during the tick.
    double legitimacy = 0.0;  // L in force during this tick
    double comms = 1.0;       // availability of internet and mobile, in [0, 1]
    double news = 0.0;        // news of activity elsewhere received this tick (0 with one region)
    double fuel_price = 0.0;  // fuel price in force (currency per litre; 0 before any price event)
    double force_level = 0.0; // 0 arrests only, 1 less-lethal, 2 lethal (ForceLevel)
    double curfew = 0.0;      // 1 while a curfew is in force
};

} // namespace unrest
