// Violence (MODEL.md §3.4; MECHANISMS.md §4): a free citizen turns violent under stated
// conditions (grievance, perceived risk at the force level in use, the local crowd), and an
// optional organised group, violent from its arrival, can be seeded. Off (the default): no
// citizen is ever violent and the model is Model I.
//
//   violent  iff G - R P_v > T_v and (actives + violent in vision) >= crowd   (§4a + crowd gate)
//   active   iff (not violent) G - N > T                                       (Model I)
//   quiet    otherwise
//   hardcore members of the organised group: violent whenever free              (§4c)
//
// P_v is the arrest probability at the force level in use (the k of P scaled by
// PoliceParams::force_risk, MECHANISMS.md §5c), the same P as in N. The second threshold follows
// MECHANISMS.md §4a (our rendering); the crowd gate is Granovetter's threshold on counts (AJS
// 83(6), 1978); the seeded core follows Moro (PLoS ONE 2016) and Jager et al. (JASSS 4(3), 2001).
// The count in the gate excludes the citizen itself, as A does.
#pragma once

#include "../core/agent_kind.hpp"
#include "../core/schedule.hpp"
#include "channels.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace unrest {

// The channels a citizen reads when violence is on: the violent count with the actives in A and
// in the crowd gate.
inline constexpr ChannelMask violence_reads = channel_mask({Channel::actives, Channel::violent});

// An organised violent group (officials claimed armed groups; MECHANISMS.md §4c): `size` persons
// (as agents: size / persons_per_agent, rounded) among the citizens, violent whenever free from
// `arrival` on.
struct OrganisedGroupParams {
    std::int64_t size = 0; // persons; 0 = no group
    Tick arrival = 1;      // the tick from which its members act
};

struct ViolenceParams {
    bool enabled = false; // set by the loader: a finite threshold or an organised group
    // T_v: violent iff G - R P_v > T_v (MECHANISMS.md §4a), T_v >= T.
    double threshold = std::numeric_limits<double>::infinity();
    // Crowd gate: violent only if actives + violent within vision >= crowd (Granovetter 1978).
    std::int64_t crowd = 0;
    OrganisedGroupParams organised;
};

// The citizen's state from its grievance G, risk aversion R, arrest probability P (= P_v), the
// actives and violent it sees (itself excluded), and the thresholds T and T_v.
inline State citizen_choice(double grievance, double risk_aversion, double arrest_probability,
                            std::int64_t crowd_in_vision, double threshold,
                            double violent_threshold, std::int64_t crowd) noexcept {
    const double net_risk = risk_aversion * arrest_probability;
    if (grievance - net_risk > violent_threshold && crowd_in_vision >= crowd) {
        return State::violent;
    }
    return grievance - net_risk > threshold ? State::active : State::quiet;
}

// The organised group's size in agents: round(size / persons_per_agent).
inline std::int64_t organised_agents(const OrganisedGroupParams& g,
                                     double persons_per_agent) noexcept {
    return g.size <= 0 ? 0
                       : static_cast<std::int64_t>(
                             std::llround(static_cast<double>(g.size) / persons_per_agent));
}

} // namespace unrest
