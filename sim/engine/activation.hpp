// One agent's activation, as the model brief states it (MODEL.md §2): a citizen moves and
// decides to be active or quiet; a cop moves and arrests one random active citizen in vision.
// The read-only pieces (decide, choose) are shared by both activation modes; activate_agent
// applies them one agent at a time, for random-sequential activation.
#pragma once

#include "../core/rng.hpp"
#include "model_config.hpp"
#include "region_controls.hpp"
#include "world.hpp"

#include <cstdint>

namespace unrest::detail {

struct TickContext {
    const ModelConfig& config;
    const CounterRng& rng; // the region's view of the run's generator
    std::uint32_t tick;
    double news = 0.0; // N: news of activity in other regions, received last tick (news phase)
    // What the timeline set for this tick (force level, curfew, comms, ...); null in Model I's
    // unit tests, which then see the defaults.
    const RegionControls* controls = nullptr;
    // M: the region's mobilisation signal (share of citizens active), computed at the end of the
    // last tick and already multiplied by the comms availability (rules/communications.hpp).
    double mobilisation = 0.0;
};

// What happened during a tick, summed over the agents (flows; integer sums, so independent of the
// thread count).
struct TickTally {
    std::int64_t arrests = 0;
    std::int64_t releases = 0;
    std::int64_t protesters_killed = 0;
    std::int64_t bystanders_killed = 0;
    std::int64_t citizens_wounded = 0;
    std::int64_t police_killed = 0;
    std::int64_t police_wounded = 0;
    std::int64_t military_killed = 0;
    std::int64_t military_wounded = 0;
    double damage_usd = 0.0; // summed per site in site order
};

// Whether free citizen a, standing where it stands, decides to be active: G - N > T with C and A
// read from the count field at its cell, and news N of other regions entering A and G by
// config.news (both terms 0 by default: Model I).
bool citizen_decides_active(const World& w, const ModelConfig& config, AgentId a,
                            double news = 0.0) noexcept;

// The active citizen that on-duty cop `cop` arrests, uniformly among the actives within its
// vision, or no_agent when there is none.
AgentId choose_arrestee(const World& w, const TickContext& ctx, AgentId cop) noexcept;

// The jail term for arrestee a (drawn from its own stream for this tick).
double draw_jail_term(const TickContext& ctx, AgentId a) noexcept;

// `cop` arrests `arrestee`: the term is drawn, the arrest counted (with an immediate release for a
// term of 0), and the cop steps onto the arrestee's cell when the rule says so.
void make_arrest(World& w, const TickContext& ctx, AgentId cop, AgentId arrestee,
                 TickTally& tally) noexcept;

// Activates agent a in place (random-sequential semantics: it sees every change made before it).
void activate_agent(World& w, const TickContext& ctx, AgentId a, TickTally& tally) noexcept;

} // namespace unrest::detail
