// Violence (MODEL.md §3.4; MECHANISMS.md §4): a free citizen turns violent under stated
// conditions (grievance, perceived risk at the force level in use, the local crowd), and an
// optional organised group, violent from its arrival, can be seeded. Off (the default): no
// citizen is ever violent and the model is Model I.
#pragma once

#include "../core/schedule.hpp"

#include <cstdint>
#include <limits>

namespace unrest {

// An organised violent group (officials claimed armed groups; MECHANISMS.md §4c): `size` persons
// (as agents: size / persons_per_agent, rounded) among the citizens, violent whenever free from
// `arrival` on.
struct OrganisedGroupParams {
    std::int64_t size = 0; // persons; 0 = no group
    Tick arrival = 1;      // the tick from which its members act
};

struct ViolenceParams {
    bool enabled = false;
    // T_v: violent iff G - R P_v > T_v (MECHANISMS.md §4a), T_v >= T.
    double threshold = std::numeric_limits<double>::infinity();
    // Crowd gate: violent only if actives + violent within vision >= crowd (Granovetter 1978).
    std::int64_t crowd = 0;
    OrganisedGroupParams organised;
};

} // namespace unrest
