// A region run by hand through the forces' phases (forces, confrontation, sites) with violent
// citizens seeded by the test (the violence rule belongs to the crowd's phases): every citizen
// within `riot_radius` of a site is made violent at the start of each tick, through world_ops.
#pragma once

#include "sim/engine/initial_state.hpp"
#include "sim/engine/phases/confrontation.hpp"
#include "sim/engine/phases/forces.hpp"
#include "sim/engine/phases/sites.hpp"
#include "sim/engine/region.hpp"
#include "sim/engine/world_ops.hpp"
#include "sim/rules/agent_states.hpp"

#include <cstdint>
#include <vector>

namespace unrest::testing {

struct ForcesRun {
    Region region;
    RegionControls controls;
    detail::TickTally total; // flows summed over the ticks run
    std::vector<EventRecord> events;
    Tick tick = 0;
};

inline ForcesRun make_forces_run(const ModelConfig& config, std::uint64_t seed) {
    const CounterRng rng = CounterRng(seed).for_region(0);
    World w = detail::build_world(config, rng);
    const std::int64_t citizens = w.pop.count(Kind::citizen);
    const double legitimacy = w.legitimacy;
    ForcesRun run{Region{"test", config, rng, std::move(w), citizens, legitimacy, 0.0, 0.0,
                         std::vector<SiteState>(config.sites.sites.size()), 0, 0.0},
                  RegionControls{},
                  {},
                  {},
                  0};
    return run;
}

// Citizens on the grid within `radius` cells (Euclidean, on the torus) of any site turn violent.
inline void seed_violence(World& w, const ModelConfig& config, double radius) {
    const int reach = static_cast<int>(radius);
    for (const SiteSpec& s : config.sites.sites) {
        for (int dy = -reach; dy <= reach; ++dy) {
            for (int dx = -reach; dx <= reach; ++dx) {
                if (dx * dx + dy * dy > radius * radius) {
                    continue;
                }
                const CellIndex c = w.torus.shifted(s.cell, {dx, dy});
                for (AgentId a = w.lists.head(c); a != no_agent; a = w.lists.next(a)) {
                    const State st = w.pop.state[a];
                    if (w.pop.kind[a] == Kind::citizen &&
                        (st == State::quiet || st == State::active)) {
                        detail::set_citizen_state(w, a, State::violent);
                    }
                }
            }
        }
    }
}

inline void add(detail::TickTally& sum, const detail::TickTally& t) {
    sum.protesters_killed += t.protesters_killed;
    sum.bystanders_killed += t.bystanders_killed;
    sum.citizens_wounded += t.citizens_wounded;
    sum.police_killed += t.police_killed;
    sum.police_wounded += t.police_wounded;
    sum.military_killed += t.military_killed;
    sum.military_wounded += t.military_wounded;
    sum.damage_usd += t.damage_usd;
}

// One tick: forces phase, violence seeded, confrontation, sites.
inline detail::TickTally step(ForcesRun& run, double riot_radius) {
    Region& g = run.region;
    const Tick t = ++run.tick;
    const detail::TickContext ctx{g.config, g.rng,         static_cast<std::uint32_t>(t),
                                  0.0,      &run.controls, 0.0};
    detail::TickTally tally;
    phases::deploy_forces(g, ctx, run.controls, tally, run.events);
    seed_violence(g.world, g.config, riot_radius);
    phases::confront(g, ctx, tally, run.events);
    phases::attack_sites(g, ctx, tally, run.events);
    g.damage_usd_total += tally.damage_usd;
    add(run.total, tally);
    return tally;
}

// A 40 x 40 grid, half full of citizens, with `sites` shops spread on a lattice.
inline ModelConfig forces_config(double cop_density, int sites = 9) {
    ModelConfig c;
    c.grid = {40, 40};
    c.population.citizen_density = 0.5;
    c.population.cop_density = cop_density;
    c.vision = {3.0, VisionShape::disc, true};
    for (int i = 0; i < sites; ++i) {
        const int x = 4 + 13 * (i % 3);
        const int y = 4 + 13 * (i / 3);
        c.sites.sites.push_back(
            SiteSpec{"shop" + std::to_string(i), SiteType::shop, y * 40 + x, 1e5, 1.0});
    }
    c.sites.attack_radius = 2.0;
    c.sites.damage_rate = 0.01;
    c.sites.seize_ratio = 1.0;
    c.sites.min_attackers = 3;
    return c;
}

} // namespace unrest::testing
