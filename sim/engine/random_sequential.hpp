// Random-sequential activation (Epstein 2002: "each period every agent is activated once, one at
// a time in random order"), run in parallel over a tiling. See docs/activation.md.
#pragma once

#include "activation.hpp"

namespace unrest::detail {

// Activates every agent once. Order: the tile colour groups in a random order; the tiles of one
// group concurrently (they cannot interact); the agents of a tile one after another in a random
// order. Agents are assigned to tiles by where they stand when the phase starts.
TickTally activate_random_sequential(World& w, const TickContext& ctx);

} // namespace unrest::detail
