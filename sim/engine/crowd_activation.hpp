// The January 2022 rules inside an activation (MODEL.md §3.4-3.5), shared by both activation
// modes: the citizen's three-way decision (quiet, active, violent), the arrest capacity, the
// gathering move. Each reduces exactly to Model I when its rule is off (activation.cpp).
#pragma once

#include "activation.hpp"

namespace unrest::detail {

// The state free citizen a chooses (MODEL.md §2 and rules/violence.hpp): violent iff G - R P_v >
// T_v and the crowd gate holds (violence on), else active iff G - R P > T, else quiet; members
// of the organised group are violent. C counts soldiers by military.deterrence, k is scaled by
// cops.force_risk at the force level in use, A and G take the news and mobilisation terms, and
// T (and T_v) rise by citizen.curfew_deterrence during a curfew.
State citizen_decision(const World& w, const TickContext& ctx, AgentId a) noexcept;

// Whether police officer `cop` may still arrest today (arrest capacity: below its quota).
bool may_arrest(const World& w, AgentId cop) noexcept;

// Where free agent a moves (no_cell: it stays): an active or violent citizen gathers with the
// gathering probability (the visible empty cell of highest attraction), else Model I's random
// empty cell within vision.
CellIndex choose_move(const World& w, const TickContext& ctx, AgentId a) noexcept;

// The force-risk multiplier of k at the force level in use (1 with arrests only).
double force_risk_multiplier(const ForceRiskParams& p, const RegionControls* controls) noexcept;

} // namespace unrest::detail
