// Hand-built worlds for rule tests: agents placed exactly where a test wants them.
#pragma once

#include "sim/engine/initial_state.hpp"
#include "sim/engine/model_config.hpp"
#include "sim/engine/world.hpp"

#include <algorithm>
#include <vector>

namespace unrest::testing {

struct Placement {
    int x;
    int y;
    State state; // quiet, active or jailed (citizens); on_duty (cops)
    double hardship = 0.0;
    double risk_aversion = 0.0;
};

// Citizens get ids in the order given, then cops in the order given.
inline World make_world(const ModelConfig& config, std::vector<Placement> agents,
                        double legitimacy) {
    const Torus torus(config.grid.width, config.grid.height);
    const Neighbourhood vision(config.vision.shape, config.vision.radius,
                               config.vision.include_own_cell);
    World w{torus,      vision, Tiling(torus, detail::tile_min_side(config, vision)), {}, {}, {},
            legitimacy, {}};
    std::stable_partition(agents.begin(), agents.end(),
                          [](const Placement& p) { return p.state != State::on_duty; });
    Population& pop = w.pop;
    pop.resize(agents.size());
    w.lists = CellLists(static_cast<std::size_t>(torus.cells()), agents.size());
    for (std::size_t i = 0; i < agents.size(); ++i) {
        const Placement& p = agents[i];
        const auto a = static_cast<AgentId>(i);
        const bool cop = p.state == State::on_duty;
        pop.kind[a] = cop ? Kind::police : Kind::citizen;
        pop.state[a] = p.state;
        pop.hardship[a] = p.hardship;
        pop.risk_aversion[a] = p.risk_aversion;
        pop.cell[a] = torus.index(p.x, p.y);
        w.lists.insert(pop.cell[a], a);
    }
    w.seen = CountField(static_cast<std::size_t>(torus.cells()), channel_table,
                        detail::channels_read(config));
    w.seen.rebuild(w.torus, w.vision, w.pop, w.lists);
    return w;
}

// A small configuration for rule tests: 11 x 11, disc vision of radius 2, no movement.
inline ModelConfig small_config() {
    ModelConfig c;
    c.grid = {11, 11};
    c.vision = {2.0, VisionShape::disc, true};
    c.movement.enabled = false;
    c.arrest = {2.3, ArrestRatio::exact};
    c.citizen = {0.1, SelfCount::once};
    return c;
}

} // namespace unrest::testing
