// Phase 4 of a tick: activation. Every agent is activated once (MODEL.md §2): it moves, a citizen
// decides to be active or quiet, a cop arrests; in random-sequential order (over parallel tiles,
// see tiling.hpp) or simultaneously, as the configuration says. It ends with what the jail rule
// puts at the end of the activations: the countdown at the end of the tick (NetLogo), and the
// placement of citizens released from an off-grid jail.
#pragma once

#include "../activation.hpp"

namespace unrest::phases {

detail::TickTally activate(World& w, const detail::TickContext& ctx);

} // namespace unrest::phases
