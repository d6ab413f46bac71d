// The state's forces, parameters grouped per kind: the police (Epstein's cops, MODEL.md §2 and
// §3.5) and the military (contingents, MODEL.md §3.6: issue 8).
#pragma once

#include "../core/schedule.hpp"
#include "channels.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace unrest {

// The channels of the count field a police officer reads: the actives it may arrest.
inline constexpr ChannelMask police_reads = channel_mask({Channel::actives});
// With violence on, police may also arrest violent citizens (MODEL.md §3.5).
inline constexpr ChannelMask police_reads_violence = channel_mask({Channel::violent});

// Arrest processing capacity (MODEL.md §3.5; MECHANISMS.md §5b): the region processes at most
// K_d persons per local day. Enforced without a shared counter (MECHANISMS.md §5b, [D]): at local
// midnight and at tick 1 each officer on duty gets a quota of K_d / persons_per_agent / officers
// on duty arrests (the fractional part given with a probability from the officer's own key),
// and an officer whose arrests today (Population::arrests_today) reach its quota
// (Population::arrest_quota) arrests no more that day. Empty (the default): no limit, Model I.
struct ArrestCapacityParams {
    std::optional<double> persons_per_day; // K_d, persons per local day
};

// An officer's quota for the day: floor(q) + 1 with probability frac(q), q = K_d / persons per
// agent / officers on duty; `draw` is U(0,1) from the officer's own stream. At most 65535.
inline std::uint16_t arrest_quota(double persons_per_day, double persons_per_agent,
                                  std::int64_t officers, double draw) noexcept {
    if (officers <= 0) {
        return 0;
    }
    const double q = persons_per_day / persons_per_agent / static_cast<double>(officers);
    if (!(q < 65535.0)) {
        return 65535;
    }
    const double whole = std::floor(q);
    return static_cast<std::uint16_t>(whole + (draw < q - whole ? 1.0 : 0.0));
}

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
