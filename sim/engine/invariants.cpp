// Simulation::check_invariants: the structural rules that must hold between ticks.
#include "simulation.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {

// Whether agent a must stand in its cell's list, per its state and the jail rule.
bool listed(const Population& pop, const JailParams& jail, AgentId a) {
    switch (pop.state[a]) {
    case State::quiet:
    case State::active:
    case State::on_duty:
        return true;
    case State::jailed:
        return jail.placement == JailPlacement::in_place_blocking;
    case State::off_duty:
        return false;
    }
    return false;
}

} // namespace

std::vector<std::string> Simulation::check_invariants() const {
    std::vector<std::string> bad;
    const World& w = world_;
    const Population& pop = w.pop;
    const auto n = static_cast<AgentId>(pop.size());
    const JailParams& jail = config_.jail;

    // Agents conserved: every id is a citizen or a cop, in a state of its kind.
    if (pop.citizens + pop.cops != n) {
        bad.push_back(
            fmt::format("population {} != citizens {} + cops {}", n, pop.citizens, pop.cops));
    }
    for (AgentId a = 0; a < n; ++a) {
        const bool citizen = a < pop.citizens;
        const State s = pop.state[a];
        const bool citizen_state = s == State::quiet || s == State::active || s == State::jailed;
        if (citizen != (pop.kind[a] == Kind::citizen) || citizen != citizen_state) {
            bad.push_back(fmt::format("agent {} has kind/state of the wrong kind", a));
        }
    }

    // Each agent in exactly the list it should be in, and nowhere else.
    std::vector<int> seen_in(n, 0);
    std::int64_t max_per_cell = 0;
    for (CellIndex c = 0; c < static_cast<CellIndex>(w.torus.cells()); ++c) {
        std::int64_t here = 0;
        w.lists.for_each(c, [&](AgentId a) {
            ++seen_in[a];
            ++here;
            if (pop.cell[a] != c) {
                bad.push_back(
                    fmt::format("agent {} listed in cell {} but stands in {}", a, c, pop.cell[a]));
            }
        });
        max_per_cell = std::max(max_per_cell, here);
    }
    for (AgentId a = 0; a < n; ++a) {
        const int expected = listed(pop, jail, a) ? 1 : 0;
        if (seen_in[a] != expected) {
            bad.push_back(fmt::format("agent {} in state {} listed {} times, expected {}", a,
                                      static_cast<int>(pop.state[a]), seen_in[a], expected));
        }
        const bool on_grid = pop.cell[a] != no_cell;
        const bool should_be_on_grid = pop.state[a] == State::jailed
                                           ? jail.placement != JailPlacement::off_grid
                                           : pop.state[a] != State::off_duty;
        if (on_grid != should_be_on_grid && !pop.awaiting_placement[a]) {
            bad.push_back(fmt::format("agent {} in state {} is {} the grid", a,
                                      static_cast<int>(pop.state[a]), on_grid ? "on" : "off"));
        }
    }
    // At most one agent per cell, where the rules guarantee it: NetLogo's rules (in-place jail
    // whose cell counts as free; cops stepping onto the arrestee) let agents share a cell.
    const bool exclusive =
        jail.placement != JailPlacement::in_place_free && !config_.cops.steps_onto_arrestee;
    if (exclusive && max_per_cell > 1) {
        bad.push_back(fmt::format("{} agents share a cell", max_per_cell));
    }

    // The count field equals the reference scan everywhere.
    for (CellIndex c = 0; c < static_cast<CellIndex>(w.torus.cells()); ++c) {
        const NeighbourCounts ref = reference_counts(w.torus, w.vision, pop, w.lists, c);
        if (!(ref == w.seen.at(c))) {
            bad.push_back(fmt::format("cell {}: field (cops {}, actives {}) != scan ({}, {})", c,
                                      w.seen.cops(c), w.seen.actives(c), ref.cops, ref.actives));
            break;
        }
    }
    // Counts by state sum to the population.
    const TickRecord r = observe();
    const std::int64_t off_duty = pop.cops - r.cops;
    if (r.quiet + r.active + r.jailed != pop.citizens || off_duty < 0) {
        bad.push_back(fmt::format("state counts {}+{}+{} != citizens {}", r.quiet, r.active,
                                  r.jailed, pop.citizens));
    }
    return bad;
}

} // namespace unrest
