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

    // Flows during the tick.
    std::int64_t arrests = 0;  // arrests made during this tick
    std::int64_t releases = 0; // citizens released from jail during this tick

    // Region state during the tick.
    double legitimacy = 0.0; // L in force during this tick
    double comms = 1.0;      // availability of internet and mobile, in [0, 1]
    double news = 0.0;       // news of activity elsewhere received this tick (0 with one region)
};

} // namespace unrest
