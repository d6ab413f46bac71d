// The cop schedule (Table 2, run 5: cop reduction): at the start of each tick the number of cops
// on duty is brought to round(density(t) x cells).
#pragma once

#include "activation.hpp"

namespace unrest::detail {

// The cop-density schedule: the initial cop density, then the scenario's changes.
Schedule cop_density_schedule(const ModelConfig& config, std::int64_t initial_cops,
                              std::int64_t cells);

// The most cops the schedule can ever ask for (ids to reserve for them), capped by the cells
// left free by the citizens.
std::int64_t cop_capacity(const ModelConfig& config, std::int64_t initial_cops,
                          std::int64_t citizens, std::int64_t cells);

// Agents reserved beyond the cop schedule's (rules/forces.hpp, MilitaryParams): police that
// contingents free (`frees_police`) and the contingents' soldiers, persons as agents.
std::int64_t reserve_police_agents(const ModelConfig& config);
std::int64_t reserve_military_agents(const ModelConfig& config);

// Withdraws (random cops, by a per-tick key) or deploys (reserve cops, lowest id first, on
// random empty cells) to reach `target` cops on duty.
void deploy_cops(World& w, const TickContext& ctx, std::int64_t target);

} // namespace unrest::detail
