// Simulation::check_invariants: the structural rules that must hold between ticks.
#include "../rules/agent_states.hpp"
#include "initial_state.hpp"
#include "simulation.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {

// Whether agent a must stand in its cell's list, per its state and the jail rule.
bool listed(const Population& pop, const JailParams& jail, AgentId a) {
    switch (pop.state[a]) {
    case State::quiet:
    case State::active:
    case State::violent:
    case State::on_duty:
        return true;
    case State::jailed:
        return jail.placement == JailPlacement::in_place_blocking;
    case State::withdrawn:
    case State::injured:
    case State::dead:
    case State::count_:
        return false;
    }
    return false;
}

// Whether agent a must stand on the grid, per its state and the jail rule.
bool on_grid_expected(const Population& pop, const JailParams& jail, AgentId a) {
    const State s = pop.state[a];
    return s == State::jailed ? jail.placement != JailPlacement::off_grid : is_free(s);
}

std::vector<std::string> region_invariants(const World& w, const ModelConfig& config,
                                           const TickRecord& r) {
    std::vector<std::string> bad;
    const Population& pop = w.pop;
    const auto n = static_cast<AgentId>(pop.size());
    const JailParams& jail = config.jail;

    // Every agent of a known kind, in a state of its kind (rules/agent_states.hpp).
    for (AgentId a = 0; a < n; ++a) {
        const Kind k = pop.kind[a];
        const State s = pop.state[a];
        if (index_of(k) >= kind_count || index_of(s) >= state_count || !has_state(k, s)) {
            bad.push_back(fmt::format("agent {} of kind {} is in state {}, not one of its kind's",
                                      a, static_cast<int>(k), static_cast<int>(s)));
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
        if (on_grid != on_grid_expected(pop, jail, a) && !pop.awaiting_placement[a]) {
            bad.push_back(fmt::format("agent {} in state {} is {} the grid", a,
                                      static_cast<int>(pop.state[a]), on_grid ? "on" : "off"));
        }
    }
    // At most one agent per cell, where the rules guarantee it: NetLogo's rules (in-place jail
    // whose cell counts as free; cops stepping onto the arrestee) let agents share a cell.
    const bool exclusive =
        jail.placement != JailPlacement::in_place_free && !config.cops.steps_onto_arrestee;
    if (exclusive && max_per_cell > 1) {
        bad.push_back(fmt::format("{} agents share a cell", max_per_cell));
    }

    // The count field equals the reference scan everywhere.
    // Only the channels that the rules read are allocated.
    if (w.seen.channels() != detail::channels_read(config)) {
        bad.push_back(fmt::format("count field channels {:#x} != channels read {:#x}",
                                  w.seen.channels(), detail::channels_read(config)));
    }
    for (CellIndex c = 0; c < static_cast<CellIndex>(w.torus.cells()); ++c) {
        const ChannelCounts ref =
            reference_counts(w.torus, w.vision, pop, w.lists, w.seen.map(), c);
        for (int k = 0; k < max_channels; ++k) {
            const std::int32_t field = w.seen.has(k) ? w.seen.at(k, c) : 0;
            if (field != ref[k]) {
                bad.push_back(
                    fmt::format("cell {}: channel {}: field {} != scan {}", c, k, field, ref[k]));
                c = static_cast<CellIndex>(w.torus.cells()); // one report is enough
                break;
            }
        }
    }
    // Counts by state sum to the population of each kind.
    const std::int64_t citizens = pop.count(Kind::citizen);
    if (r.quiet + r.active + r.violent + r.jailed + r.injured + r.dead != citizens) {
        bad.push_back(fmt::format("citizen state counts {}+{}+{}+{}+{}+{} != citizens {}", r.quiet,
                                  r.active, r.violent, r.jailed, r.injured, r.dead, citizens));
    }
    const std::int64_t police = pop.count(Kind::police);
    if (r.cops + r.police_withdrawn + r.police_injured + r.police_dead != police) {
        bad.push_back(fmt::format("police state counts {}+{}+{}+{} != police {}", r.cops,
                                  r.police_withdrawn, r.police_injured, r.police_dead, police));
    }
    const std::int64_t military = pop.count(Kind::military);
    if (r.military + r.military_withdrawn + r.military_injured + r.military_dead != military) {
        bad.push_back(fmt::format("military state counts {}+{}+{}+{} != military {}", r.military,
                                  r.military_withdrawn, r.military_injured, r.military_dead,
                                  military));
    }
    // The forces' rules: injured agents wait out a healing time, nobody has negative time left;
    // only citizens carry weapons.
    if (!pop.recovery_remaining.empty()) {
        for (AgentId a = 0; a < n; ++a) {
            const float left = pop.recovery_remaining[a];
            if (!(left >= 0.0F) || (left > 0.0F && pop.state[a] != State::injured &&
                                    pop.state[a] != State::withdrawn)) {
                bad.push_back(fmt::format("agent {} in state {} has {} periods of recovery left", a,
                                          static_cast<int>(pop.state[a]), left));
                break;
            }
        }
    }
    if (!pop.armed.empty()) {
        for (AgentId a = 0; a < n; ++a) {
            if (pop.armed[a] != 0 && pop.kind[a] != Kind::citizen) {
                bad.push_back(
                    fmt::format("agent {} of kind {} is armed", a, static_cast<int>(pop.kind[a])));
                break;
            }
        }
    }
    return bad;
}

// Sites: damage within [0, value], a burned site fully damaged, the seizure tick set once seized.
std::vector<std::string> site_invariants(const Region& g) {
    std::vector<std::string> bad;
    const std::vector<SiteSpec>& specs = g.config.sites.sites;
    if (g.sites.size() != specs.size()) {
        bad.push_back(fmt::format("{} site states for {} sites", g.sites.size(), specs.size()));
        return bad;
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const SiteState& s = g.sites[i];
        if (!(s.damage_usd >= 0.0 && s.damage_usd <= specs[i].value_usd)) {
            bad.push_back(fmt::format("site {}: damage {} outside [0, {}]", specs[i].name,
                                      s.damage_usd, specs[i].value_usd));
        }
        const bool fell = s.status == SiteStatus::seized || s.status == SiteStatus::burned;
        if (fell != (s.seized_at > 0) || (s.status == SiteStatus::burned) != (s.burned_at > 0)) {
            bad.push_back(fmt::format("site {}: status {} with seized_at {}, burned_at {}",
                                      specs[i].name, static_cast<int>(s.status), s.seized_at,
                                      s.burned_at));
        }
    }
    return bad;
}

} // namespace

std::vector<std::string> Simulation::check_invariants() const {
    std::vector<std::string> bad;
    for (int r = 0; r < regions(); ++r) {
        std::vector<std::string> region_bad =
            region_invariants(world(r), config(r), observe_regions()[static_cast<std::size_t>(r)]);
        for (std::string& b : site_invariants(region(r))) {
            region_bad.push_back(std::move(b));
        }
        for (std::string& b : region_bad) {
            bad.push_back(regions() == 1 ? std::move(b) : fmt::format("region {}: {}", r, b));
        }
    }
    return bad;
}

} // namespace unrest
