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
    double less_lethal = 1.0;     // k multiplier at the less-lethal level
    double lethal = 1.0;          // k multiplier at the lethal level
    double without_warning = 1.0; // k multiplier at the lethal level without warning
};

// Withdrawal of police (MODEL.md §3.5; MECHANISMS.md §7): when locally overwhelmed, or when
// ordered by the timeline. Off (the default): Model I.
//   an officer on duty withdraws (off the grid, to the reserve) with p = 1 - exp(-w) per tick when
//   (violent + active in vision) > ratio x (1 + other police in vision), and is back on duty
//   after the regroup time. A simplified "cops go quiet" ([JK]; MECHANISMS.md §7a): the local
//   balance alone decides, the rate and the ratio are our invention.
struct WithdrawalParams {
    bool enabled = false;
    double ratio = 3.0; // crowd per officer (the officer and the police it sees) that overwhelms
    double rate = 0.1;  // w: hazard per tick of withdrawing while overwhelmed
    Tick regroup = 6;   // ticks off duty before coming back
};

// (violent + active in vision) > ratio x (1 + other police in vision): overwhelmed.
inline bool overwhelmed(int violent, int active, int other_police, double ratio) noexcept {
    return static_cast<double>(violent + active) >
           ratio * (1.0 + static_cast<double>(other_police));
}

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
    // Rules of engagement (MECHANISMS.md §8a): a violent citizen within the attack radius of a
    // site guarded by an engaging contingent is hit with hazard 1 - exp(-engage_rate M_vis) per
    // tick (M_vis soldiers in vision); needs casualties.enabled. Our invention.
    double engage_rate = 0.0;
    // A guarded site falls only if n_viol > rho D (police + guard_weight x soldiers)
    // (MECHANISMS.md §8c: V_local / G_local > rho_g); 1 = a soldier counts as an officer.
    double guard_weight = 1.0;
    // Police to reserve for contingents' `frees_police`, persons (the largest total present at
    // once); set by the loader from the timeline's contingent events.
    std::int64_t police_reserve = 0;
};

} // namespace unrest
