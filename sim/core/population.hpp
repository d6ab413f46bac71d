// Agents as structure-of-arrays. Index = agent id. Kinds are data (the `kind` column): nothing
// may assume that ids of one kind form a range.
#pragma once

#include "agent_kind.hpp"
#include "grid.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace unrest {

using AgentId = std::int32_t;
inline constexpr AgentId no_agent = -1;

inline constexpr double life_sentence = std::numeric_limits<double>::infinity();

struct Population {
    std::vector<Kind> kind;
    std::vector<State> state;
    std::vector<CellIndex> cell;                  // current cell, or no_cell when off the grid
    std::vector<double> hardship;                 // H ~ U(0,1), fixed for life (forces: 0)
    std::vector<double> risk_aversion;            // R ~ U(0,1), fixed for life (forces: 0)
    std::vector<double> jail_remaining;           // periods left in jail; > 0 while jailed
    std::vector<std::uint8_t> awaiting_placement; // released from an off-grid jail, not yet placed

    // Columns of the January 2022 rules (MODEL.md §3). Each is empty unless the rule that owns it
    // is switched on (initial_state.cpp sizes it then), so Model I pays nothing for them.
    std::vector<double> base_hardship;  // H0: the part of H not driven by price (rules/hardship)
    std::vector<float> exposure;        // e in [0, 1]: exposure to the fuel price (rules/hardship)
    std::vector<std::uint8_t> hardcore; // 1 = member of the organised violent group (violence)
    std::vector<std::uint8_t> armed;    // 1 = carries a firearm (sites: seized weapons shops)
    // Periods left before an injured agent is back (healed), or an overwhelmed officer is back in
    // reserve (rules/casualties, rules/forces); 0 otherwise.
    std::vector<float> recovery_remaining;
    std::vector<std::uint16_t> arrests_today; // arrests this officer made since local midnight
    std::vector<std::uint16_t> arrest_quota;  // arrests this officer may make today (capacity)

    std::size_t size() const noexcept { return kind.size(); }

    // How many agents are of kind k (a scan: for setup and checks, not for hot loops).
    std::int64_t count(Kind k) const noexcept {
        return static_cast<std::int64_t>(std::count(kind.begin(), kind.end(), k));
    }

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
