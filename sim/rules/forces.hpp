// The state's forces, parameters grouped per kind: the police (Epstein's cops, MODEL.md §2 and
// §3.5) and the military (contingents, MODEL.md §3.6: issue 8).
#pragma once

#include "../core/schedule.hpp"
#include "channels.hpp"

#include <vector>

namespace unrest {

// The channels of the count field a police officer reads: the actives it may arrest.
inline constexpr ChannelMask police_reads = channel_mask({Channel::actives});

struct PoliceParams {
    bool steps_onto_arrestee = false; // NetLogo: the cop moves onto the arrestee's cell
    // Cop density over ticks (run 5, cop reduction); empty = the initial cops throughout.
    // The initial value is the population's cop density.
    std::vector<ScheduleChange> density_changes;
};
using CopParams = PoliceParams; // the name the scenario loader knew

// Issue 8 gives the military its parameters (arrival, sites, rules of engagement).
struct MilitaryParams {};

} // namespace unrest
