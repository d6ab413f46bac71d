// Phase 3 of a tick: the jail countdown, when the jail rule puts it at the start of a tick: one
// period off every jailed citizen's term (MODEL.md §2, implementation differences: jail
// countdown). The other countdowns (end of tick, own activation) happen in the activation phase.
#pragma once

#include "../activation.hpp"

#include <cstdint>

namespace unrest::phases {

// Returns the citizens released on the spot.
std::int64_t count_down_jail(World& w, const detail::TickContext& ctx);

} // namespace unrest::phases
