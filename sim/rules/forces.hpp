// The state's forces, parameters grouped per kind: the police (Epstein's cops, MODEL.md §2 and
// §3.5) and the military (contingents, MODEL.md §3.6: issue 8).
#pragma once

#include "../core/schedule.hpp"
#include "channels.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace unrest {

// The channels of the count field a police officer reads: the actives it may arrest.
inline constexpr ChannelMask police_reads = channel_mask({Channel::actives});

// Arrest processing capacity (MODEL.md §3.5; MECHANISMS.md §5b): an officer makes at most this
// many arrests per local day. Empty (the default): no limit, Model I.
struct ArrestCapacityParams {
    std::optional<double> per_officer_per_day;
};

// How the force level in use (RegionControls::force_level, set by the timeline) enters a
// citizen's perceived risk (MECHANISMS.md §5c: k -> k_F). 1 (the default): Model I.
struct ForceRiskParams {
    double less_lethal = 1.0; // k multiplier at the less-lethal level
    double lethal = 1.0;      // k multiplier at the lethal level
};

// Withdrawal of police (MODEL.md §3.5; MECHANISMS.md §7): when locally overwhelmed, or when
// ordered by the timeline. Off (the default): Model I.
struct WithdrawalParams {
    bool enabled = false;
};

struct PoliceParams {
    bool steps_onto_arrestee = false; // NetLogo: the cop moves onto the arrestee's cell
    // Cop density over ticks (run 5, cop reduction); empty = the initial cops throughout.
    // The initial value is the population's cop density.
    std::vector<ScheduleChange> density_changes;
    ArrestCapacityParams capacity;
    ForceRiskParams force_risk;
    WithdrawalParams withdrawal;
};
using CopParams = PoliceParams; // the name the scenario loader knew

// Military contingents (MODEL.md §3.6; MECHANISMS.md §8): arrive and withdraw by `contingent`
// events (sizes, sites, rules of engagement there); these are the parameters of how they act.
struct MilitaryParams {
    // Agents to reserve for contingents, persons (the largest total the timeline may deploy at
    // once); set by the loader from the timeline's contingent events.
    std::int64_t reserve = 0;
    // Deterrence by presence (MECHANISMS.md §8a): a soldier on duty within vision counts as this
    // many police in the citizen's C. 0 (the default) = soldiers are not counted.
    double deterrence = 0.0;
};

} // namespace unrest
