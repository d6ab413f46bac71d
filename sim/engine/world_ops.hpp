// The only ways the activation phases change the world. Each keeps the cell lists and the count
// field in step with the population, and touches only cells near the agents involved (the
// locality that the tiling relies on: see tiling.hpp).
#pragma once

#include "../rules/jail.hpp"
#include "world.hpp"

namespace unrest::detail {

// Every change of state below is one that rules/agent_states.hpp allows (asserted in debug
// builds).

// Moves a free agent (citizen or force on duty) from its cell to `to`.
void move_agent(World& w, AgentId a, CellIndex to) noexcept;

// Changes a free citizen between quiet, active and violent (violent: rules/violence.hpp).
void set_citizen_state(World& w, AgentId a, State s) noexcept;

// Jails citizen `arrestee` (who is active) for `term` periods, placing it per the jail rule, and
// returns true. A term of 0 (possible with integer draws) leaves the citizen free and quiet where
// it stands, as NetLogo and Mesa do, and returns false: the caller counts an arrest and an
// immediate release, so that jailed(t) = jailed(t-1) + arrests - releases always holds.
bool jail_citizen(World& w, const JailParams& jail, AgentId arrestee, double term) noexcept;

// Returns a citizen whose term is used up to freedom. In-place jails release on the spot; an
// off-grid jail marks the citizen for placement by place_released (returns false then).
bool release_citizen(World& w, const JailParams& jail, AgentId a) noexcept;

// Puts an off-grid agent onto cell c as a free agent in state s (quiet or on_duty).
void place_agent(World& w, AgentId a, CellIndex c, State s) noexcept;

// Takes a force on duty off the grid (withdrawn).
void withdraw_cop(World& w, AgentId a) noexcept;

// --- Casualties and the forces phase (rules/casualties.hpp, rules/forces.hpp) ----------------
// These need pop.recovery_remaining (sized when casualties or withdrawal are on).

// Takes a free agent on the grid (citizen quiet, active or violent; force on duty) off it,
// injured, for `healing` periods.
void injure_agent(World& w, AgentId a, float healing) noexcept;

// A free agent on the grid, or an injured one off it, dies (off the grid for good).
void kill_agent(World& w, AgentId a) noexcept;

// An injured force healed: back in the reserve (withdrawn, off the grid).
void heal_force(World& w, AgentId a) noexcept;

// A force on duty taken off the grid (withdrawn) for `periods` (infinity: until called back);
// deployment leaves it there while recovery_remaining > 0.
void hold_off_duty(World& w, AgentId a, float periods) noexcept;

} // namespace unrest::detail
