// The jail's own phases: the countdown of every term at once (when the jail rule says it happens
// at the start or the end of a tick), and putting citizens released from an off-grid jail back
// on the grid.
#pragma once

#include "activation.hpp"

namespace unrest::detail {

// One period off every jailed citizen's term; releases those whose term is used up. Returns the
// number released (on the spot; off-grid releases are counted when placed).
std::int64_t count_down_all(World& w, const TickContext& ctx);

// Places every citizen awaiting placement (released from an off-grid jail) on a uniformly random
// empty cell, in id order. A citizen for which no empty cell is found waits for the next tick.
// Returns the number placed.
std::int64_t place_released(World& w, const TickContext& ctx);

// A uniformly random empty cell of the whole grid for agent a, or no_cell if none was found
// (rejection sampling, then a scan from a random start).
CellIndex random_empty_cell(const World& w, const TickContext& ctx, AgentId a, Purpose purpose);

} // namespace unrest::detail
