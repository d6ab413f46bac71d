// Agents as structure-of-arrays. Index = agent id; citizens come first, then cops.
#pragma once

#include "grid.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace unrest {

using AgentId = std::int32_t;
inline constexpr AgentId no_agent = -1;

enum class Kind : std::uint8_t { citizen = 0, cop = 1 };

// One state per agent. Citizens are quiet, active or jailed (MODEL.md §2); cops are on duty
// (on the grid) or off duty (held in reserve or withdrawn by the cop schedule).
enum class State : std::uint8_t { quiet = 0, active = 1, jailed = 2, on_duty = 3, off_duty = 4 };

inline constexpr double life_sentence = std::numeric_limits<double>::infinity();

struct Population {
    std::vector<Kind> kind;
    std::vector<State> state;
    std::vector<CellIndex> cell;                  // current cell, or no_cell when off the grid
    std::vector<double> hardship;                 // H ~ U(0,1), fixed for life (cops: 0)
    std::vector<double> risk_aversion;            // R ~ U(0,1), fixed for life (cops: 0)
    std::vector<double> jail_remaining;           // periods left in jail; > 0 while jailed
    std::vector<std::uint8_t> awaiting_placement; // released from an off-grid jail, not yet placed

    std::size_t size() const noexcept { return kind.size(); }
    AgentId citizens = 0; // ids [0, citizens) are citizens
    AgentId cops = 0;     // ids [citizens, citizens + cops) are cops

    void resize(std::size_t n) {
        kind.assign(n, Kind::citizen);
        state.assign(n, State::quiet);
        cell.assign(n, no_cell);
        hardship.assign(n, 0.0);
        risk_aversion.assign(n, 0.0);
        jail_remaining.assign(n, 0.0);
        awaiting_placement.assign(n, 0);
    }
};

} // namespace unrest
