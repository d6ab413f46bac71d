// What an agent is (its kind, fixed for life) and what it is doing (its state). The values only
// name rows of the population's columns; which states each kind may be in, and which changes of
// state its rules may make, are in sim/rules/agent_states.hpp.
#pragma once

#include <cstddef>
#include <cstdint>

namespace unrest {

// Agent kinds (MODEL.md §2: citizens and cops; §3.5-3.6: police and military forces). Append new
// kinds before `count_`.
enum class Kind : std::uint8_t {
    citizen = 0,
    police = 1,   // Epstein's cops
    military = 2, // contingents (issue 8)
    count_
};
inline constexpr std::size_t kind_count = static_cast<std::size_t>(Kind::count_);

// Agent states, shared by every kind (a kind uses a subset: agent_states.hpp). Citizens: quiet,
// active, jailed (MODEL.md §2), violent, injured, dead (§3.4). Forces: on duty (on the grid),
// withdrawn (off the grid: in reserve, withdrawn by the schedule or ordered off), injured, dead.
// Append new states before `count_`.
enum class State : std::uint8_t {
    quiet = 0,
    active = 1,
    jailed = 2,
    on_duty = 3,
    withdrawn = 4,
    violent = 5,
    injured = 6,
    dead = 7,
    count_
};
inline constexpr std::size_t state_count = static_cast<std::size_t>(State::count_);

constexpr std::size_t index_of(Kind k) noexcept {
    return static_cast<std::size_t>(k);
}
constexpr std::size_t index_of(State s) noexcept {
    return static_cast<std::size_t>(s);
}

} // namespace unrest
