#include "initial_state.hpp"

#include "../core/parallel.hpp"
#include "cop_deployment.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace unrest::detail {

ChannelMask channels_read(const ModelConfig& config) {
    // Model I: every citizen and every police officer.
    unsigned m = citizen_reads | police_reads;
    if (config.violence.enabled) {
        m |= violence_reads | police_reads_violence; // A, the crowd gate and arrests count them
    }
    if (config.military.deterrence > 0.0) {
        m |= channel_mask({Channel::military}); // soldiers in C (MECHANISMS.md §8a)
    }
    // Casualties and overwhelmed police read the violent in vision (rules/casualties.hpp,
    // rules/forces.hpp); engaging soldiers are counted where they guard (M_vis).
    if (config.casualties.enabled || config.cops.withdrawal.enabled) {
        m |= channel_mask({Channel::violent});
    }
    if (config.casualties.enabled && config.military.engage_rate > 0.0 &&
        config.military.reserve > 0) {
        m |= channel_mask({Channel::military});
    }
    return static_cast<ChannelMask>(m);
}

void size_rule_columns(const ModelConfig& config, const CounterRng& rng, Population& pop) {
    const std::size_t n = pop.size();
    if (config.hardship.enabled) {
        // H0 is Model I's H; e = owner x (1 - income_weight x u) (rules/hardship.hpp).
        pop.base_hardship = pop.hardship;
        pop.exposure.assign(n, 0.0F);
        const auto agents = static_cast<AgentId>(n);
#pragma omp parallel for schedule(static) if (agents >= min_parallel_items)
        for (AgentId a = 0; a < agents; ++a) {
            if (pop.kind[a] != Kind::citizen) {
                continue;
            }
            const auto id = static_cast<std::uint32_t>(a);
            pop.exposure[a] = static_cast<float>(
                price_exposure(config.hardship, rng.uniform(0, id, Purpose::hardship_exposure, 0),
                               rng.uniform(0, id, Purpose::hardship_exposure, 1)));
        }
    }
    if (config.violence.enabled && config.violence.organised.size > 0) {
        pop.hardcore.assign(n, 0); // marked at the group's arrival (phases/crowd.cpp)
    }
    if (config.cops.capacity.persons_per_day) {
        pop.arrests_today.assign(n, 0);
        pop.arrest_quota.assign(n, 0); // given at tick 1 and at each local midnight
    }
}

int tile_min_side(const ModelConfig& config, const Neighbourhood& vision) {
    if (config.activation.tiling == TilingMode::single) {
        return 0;
    }
    return std::max(1, 6 * vision.reach());
}

namespace {

// Kind of each cell at tick 0: 0 empty, 1 citizen, 2 cop.
std::vector<std::uint8_t> lay_out(const ModelConfig& config, const CounterRng& rng,
                                  std::int64_t cells) {
    std::vector<std::uint8_t> kind(static_cast<std::size_t>(cells), 0);
    const PopulationParams& p = config.population;
    if (p.initial == unrest::InitialCounts::random) {
        // Mesa: one draw per cell; cop with probability cop_density, else citizen with
        // probability citizen_density.
#pragma omp parallel for schedule(static) if (cells >= min_parallel_items)
        for (std::int64_t c = 0; c < cells; ++c) {
            const double u = rng.uniform(0, static_cast<std::uint32_t>(c), Purpose::placement);
            kind[c] = u < p.cop_density ? 2 : (u < p.cop_density + p.citizen_density ? 1 : 0);
        }
        return kind;
    }
    // Exact counts on distinct cells: the cells sorted by a random key, citizens first.
    const std::int64_t citizens =
        p.citizens ? *p.citizens : std::llround(p.citizen_density * static_cast<double>(cells));
    const std::int64_t cops =
        p.cops ? *p.cops : std::llround(p.cop_density * static_cast<double>(cells));
    std::vector<std::pair<std::uint64_t, std::int64_t>> order(static_cast<std::size_t>(cells));
#pragma omp parallel for schedule(static) if (cells >= min_parallel_items)
    for (std::int64_t c = 0; c < cells; ++c) {
        order[c] = {rng.key64(0, static_cast<std::uint32_t>(c), Purpose::placement), c};
    }
    std::sort(order.begin(), order.end());
    for (std::int64_t i = 0; i < citizens + cops && i < cells; ++i) {
        kind[order[i].second] = i < citizens ? 1 : 2;
    }
    return kind;
}

} // namespace

World build_world(const ModelConfig& config, const CounterRng& rng) {
    const Torus torus(config.grid.width, config.grid.height);
    const Neighbourhood vision(config.vision.shape, config.vision.radius,
                               config.vision.include_own_cell);
    World w{torus, vision, Tiling(torus, tile_min_side(config, vision)), {}, {}, {}, 0.0, {}};

    const std::int64_t cells = torus.cells();
    const std::vector<std::uint8_t> kind = lay_out(config, rng, cells);
    std::int64_t citizens = 0;
    std::int64_t cops = 0;
    for (const std::uint8_t k : kind) {
        citizens += k == 1 ? 1 : 0;
        cops += k == 2 ? 1 : 0;
    }
    // Citizens, ids in increasing cell order, then police, then reserve police for the schedule
    // (the order in which ids are given is part of the output contract: it keys the draws).
    std::int64_t capacity = cop_capacity(config, cops, citizens, cells);
    // Then police freed by contingents (military.police_reserve), then the contingents' soldiers
    // (military.reserve), all off the grid until the forces phase deploys them.
    const std::int64_t freed_police = reserve_police_agents(config);
    const std::int64_t soldiers = reserve_military_agents(config);
    Population& pop = w.pop;
    pop.resize(static_cast<std::size_t>(citizens + capacity + freed_police + soldiers));
    AgentId next_citizen = 0;
    auto next_cop = static_cast<AgentId>(citizens);
    for (std::int64_t c = 0; c < cells; ++c) {
        if (kind[c] == 1) {
            pop.cell[next_citizen++] = static_cast<CellIndex>(c);
        } else if (kind[c] == 2) {
            pop.kind[next_cop] = Kind::police;
            pop.state[next_cop] = State::on_duty;
            pop.cell[next_cop++] = static_cast<CellIndex>(c);
        }
    }
    for (AgentId a = next_cop; a < static_cast<AgentId>(pop.size()); ++a) {
        const bool soldier = a >= static_cast<AgentId>(citizens + capacity + freed_police);
        pop.kind[a] = soldier ? Kind::military : Kind::police;
        pop.state[a] = State::withdrawn;
    }
    // The optional columns of the forces' rules.
    if (config.casualties.enabled || config.cops.withdrawal.enabled || freed_police > 0 ||
        soldiers > 0) {
        pop.recovery_remaining.assign(pop.size(), 0.0F);
    }
    const bool weapons_shops =
        config.sites.armed_per_weapons_shop > 0 &&
        std::any_of(config.sites.sites.begin(), config.sites.sites.end(),
                    [](const SiteSpec& site) { return site.type == SiteType::weapons_shop; });
    if (weapons_shops) {
        pop.armed.assign(pop.size(), 0);
    }
    const auto agents = static_cast<AgentId>(pop.size());
#pragma omp parallel for schedule(static) if (agents >= min_parallel_items)
    for (AgentId a = 0; a < agents; ++a) {
        if (pop.kind[a] != Kind::citizen) {
            continue;
        }
        pop.hardship[a] = rng.uniform(0, static_cast<std::uint32_t>(a), Purpose::hardship);
        pop.risk_aversion[a] =
            rng.uniform(0, static_cast<std::uint32_t>(a), Purpose::risk_aversion);
    }

    size_rule_columns(config, rng, pop);

    w.lists = CellLists(static_cast<std::size_t>(cells), pop.size());
    for (AgentId a = 0; a < static_cast<AgentId>(pop.size()); ++a) {
        if (pop.cell[a] != no_cell) {
            w.lists.insert(pop.cell[a], a);
        }
    }
    w.seen = CountField(static_cast<std::size_t>(cells), channel_table, channels_read(config));
    w.seen.rebuild(w.torus, w.vision, w.pop, w.lists);
    w.legitimacy = std::clamp(config.legitimacy.schedule.at(0), 0.0, 1.0);
    return w;
}

} // namespace unrest::detail
