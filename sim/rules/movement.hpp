// Movement (MODEL.md §2): move to a random empty cell within vision.
#pragma once

#include "../core/cell_lists.hpp"
#include "../core/grid.hpp"
#include "../core/neighbourhood.hpp"
#include "../core/rng.hpp"

#include <vector>

namespace unrest {

enum class ActivationOrder {
    move_then_act, // paper, NetLogo
    act_then_move, // Mesa
};

struct MovementParams {
    bool enabled = true; // run 1 of Table 2 has no movement
    ActivationOrder order = ActivationOrder::move_then_act;
};

// A uniformly random empty cell among the cells within vision (own cell excluded), or no_cell
// when none is empty. Draws up to `tries` random candidates (rejection sampling: each accepted
// candidate is uniform over the empty cells), then falls back to listing the empty cells, so
// the choice is exactly uniform and usually costs a few probes instead of |V|.
CellIndex choose_destination(const Torus& torus, const Neighbourhood& vision,
                             const CellLists& lists, CellIndex from, const CounterRng& rng,
                             std::uint32_t tick, std::uint32_t agent);

// Gathering (rules/gathering.hpp): the empty cell within vision (own cell excluded) of highest
// attraction, ties broken by the lowest key (tick, agent, Purpose::gathering, 1 + the cell's
// position in vision.others()); no_cell when no empty cell in vision has attraction > 0.
CellIndex gathering_destination(const Torus& torus, const Neighbourhood& vision,
                                const CellLists& lists, const std::vector<float>& attraction,
                                CellIndex from, const CounterRng& rng, std::uint32_t tick,
                                std::uint32_t agent);

} // namespace unrest
