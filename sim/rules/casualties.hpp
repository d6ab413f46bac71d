// Casualties on both sides (MODEL.md §3.5; MECHANISMS.md §6): per-agent hazards from the local
// balance of forces and the force level in use, injured agents off the street for a healing
// time, deaths final. Off (the default): no one is hurt and the model is Model I.
//
// Lanchester-like attrition over a vision disc (MECHANISMS.md §6b; Lanchester's aimed fire,
// dB/dt = -alpha R, [LAN]), as a per-agent hazard on the post-activation state:
//   police or soldier on duty    h = 1 - exp(-a V_vis (1 + b_armed s_armed))
//   violent citizen              h = 1 - exp(-(q_F C_vis + q_m M_vis))   (F >= less-lethal)
//   active citizen               h = 1 - exp(-f_active q_F C_vis)
//   quiet citizen (F = lethal)   h = 1 - exp(-q_b C_vis) when violent citizens are in vision
// V_vis violent citizens in vision, s_armed the armed share among them, C_vis police on duty in
// vision, M_vis soldiers in vision where an engaging contingent guards a site (within the attack
// radius of it). A hit kills with the death share of the level (less-lethal: 3% of the injured
// die, KIPs [HA17]; lethal and on the forces: our invention), else injures: the agent leaves the
// grid for the healing time, then comes back (citizens quiet, forces to the reserve).
// Applying Lanchester to riots is our adaptation (MECHANISMS.md §6b).
#pragma once

#include "../core/schedule.hpp"

#include <cmath>

namespace unrest {

struct CasualtyParams {
    bool enabled = false;
    double police_hit_rate = 0.001;  // a: hazard per violent citizen in vision, per tick
    double armed_bonus = 2.0;        // b_armed: extra weight of an armed share of 1
    double less_lethal_rate = 0.005; // q_1: hazard per officer in vision, per tick
    double lethal_rate = 0.02;       // q_2: likewise at the lethal level
    // q_2 is multiplied by this at the lethal level without warning (the order of 7 Jan 2022).
    double without_warning_factor = 1.0;
    double active_factor = 0.2;            // f_active: active citizens' hazard relative to violent
    double bystander_rate = 0.0005;        // q_b: quiet citizens near violent ones, lethal level
    double death_share_less_lethal = 0.03; // KIPs: 3% of 1,984 injured died [HA17]
    double death_share_lethal = 0.3;       // our invention: firearms kill far more often
    double death_share_forces = 0.1;       // our invention: share of hits on forces that kill
    Tick healing = 72;                     // ticks off the grid once injured
};

// 1 - exp(-rate x exposure), 0 for no exposure.
inline double hit_probability(double rate, double exposure) noexcept {
    return rate > 0.0 && exposure > 0.0 ? 1.0 - std::exp(-rate * exposure) : 0.0;
}

// What a force on duty is exposed to: V_vis (1 + b_armed s_armed).
inline double force_exposure(int violent, int armed, double armed_bonus) noexcept {
    if (violent <= 0) {
        return 0.0;
    }
    const double share = static_cast<double>(armed) / static_cast<double>(violent);
    return static_cast<double>(violent) * (1.0 + armed_bonus * share);
}

} // namespace unrest
