// Simultaneous activation: every agent decides from the same frozen state, in three phases
// (movement, citizens' decisions, arrests; ordered by movement.order). Each phase is request,
// resolve, commit: requests are computed in parallel from the frozen state; two movers wanting
// one cell, or two cops wanting one arrestee, are resolved by a per-(tick, agent) random
// priority (lowest wins; losers do nothing this phase); commits then apply in agent-id order.
#pragma once

#include "activation.hpp"

namespace unrest::detail {

TickTally activate_simultaneous(World& w, const TickContext& ctx);

} // namespace unrest::detail
