#include "crowd.hpp"

#include "../../core/parallel.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace unrest::phases {

namespace {

// Price -> hardship (rules/hardship.hpp): recomputed for every citizen when the price in force
// changes; H0 while no price is set.
void update_hardship(Region& g, const detail::TickContext& ctx) {
    const HardshipParams& params = g.config.hardship;
    Population& pop = g.world.pop;
    if (!params.enabled || pop.base_hardship.empty()) {
        return;
    }
    const std::optional<double> price =
        ctx.controls != nullptr ? ctx.controls->fuel_price : std::optional<double>();
    if (price == g.hardship_price) {
        return;
    }
    g.hardship_price = price;
    const auto n = static_cast<AgentId>(pop.size());
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        if (pop.kind[a] == Kind::citizen) {
            pop.hardship[a] =
                price ? hardship_at_price(params, pop.base_hardship[a], pop.exposure[a], *price)
                      : pop.base_hardship[a];
        }
    }
}

// The organised group (rules/violence.hpp): at its arrival, the citizens with the lowest keys
// (tick 0, id, Purpose::organised_group) are marked hardcore.
void mark_organised_group(Region& g, const detail::TickContext& ctx) {
    const ViolenceParams& violence = g.config.violence;
    Population& pop = g.world.pop;
    if (!violence.enabled || pop.hardcore.empty() || g.organised_arrived ||
        ctx.tick < violence.organised.arrival) {
        return;
    }
    g.organised_arrived = true;
    const std::int64_t members =
        organised_agents(violence.organised, g.config.scale.persons_per_agent);
    std::vector<std::pair<std::uint64_t, AgentId>> keys;
    keys.reserve(static_cast<std::size_t>(g.citizens));
    for (AgentId a = 0; a < static_cast<AgentId>(pop.size()); ++a) {
        if (pop.kind[a] == Kind::citizen) {
            keys.emplace_back(
                g.rng.key64(0, static_cast<std::uint32_t>(a), Purpose::organised_group), a);
        }
    }
    const auto k = static_cast<std::size_t>(
        std::clamp<std::int64_t>(members, 0, static_cast<std::int64_t>(keys.size())));
    std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(k), keys.end());
    for (std::size_t i = 0; i < k; ++i) {
        pop.hardcore[keys[i].second] = 1;
    }
}

// Gathering (rules/gathering.hpp): the attraction field, rebuilt when a site's status changed.
void update_attraction(Region& g) {
    const GatheringParams& params = g.config.gathering;
    const std::vector<SiteSpec>& sites = g.config.sites.sites;
    World& w = g.world;
    if (!params.enabled || sites.empty()) {
        return;
    }
    std::vector<SiteStatus> statuses(sites.size(), SiteStatus::intact);
    for (std::size_t s = 0; s < sites.size() && s < g.sites.size(); ++s) {
        statuses[s] = g.sites[s].status;
    }
    if (!w.attraction.empty() && statuses == g.attraction_statuses) {
        return;
    }
    g.attraction_statuses = statuses;
    const std::int64_t cells = w.torus.cells();
    w.attraction.assign(static_cast<std::size_t>(cells), 0.0F);
#pragma omp parallel for schedule(static) if (cells * static_cast <std::int64_t>(sites.size()) >=  \
                                              min_parallel_items)
    for (std::int64_t c = 0; c < cells; ++c) {
        double sum = 0.0; // in site order: the same whatever the thread count
        for (std::size_t s = 0; s < sites.size(); ++s) {
            const double weight = params.weight(sites[s].type);
            if (statuses[s] == SiteStatus::burned || weight == 0.0) {
                continue; // a burned site no longer draws crowds
            }
            sum += site_attraction(
                weight, torus_distance(w.torus, static_cast<CellIndex>(c), sites[s].cell),
                params.distance_scale);
        }
        w.attraction[static_cast<std::size_t>(c)] = static_cast<float>(sum);
    }
}

// Arrest capacity (forces.hpp): at tick 1 and at each local midnight every officer on duty gets
// its quota for the day and its count restarts.
void give_arrest_quotas(Region& g, const detail::TickContext& ctx) {
    const ArrestCapacityParams& capacity = g.config.cops.capacity;
    Population& pop = g.world.pop;
    if (!capacity.persons_per_day || pop.arrest_quota.empty()) {
        return;
    }
    const std::int64_t day = g.config.clock.day(ctx.tick);
    if (day == g.quota_day) {
        return;
    }
    g.quota_day = day;
    const auto n = static_cast<AgentId>(pop.size());
    std::int64_t officers = 0;
    for (AgentId a = 0; a < n; ++a) {
        officers += pop.kind[a] == Kind::police && pop.state[a] == State::on_duty ? 1 : 0;
    }
    for (AgentId a = 0; a < n; ++a) {
        pop.arrests_today[a] = 0;
        pop.arrest_quota[a] =
            pop.kind[a] == Kind::police && pop.state[a] == State::on_duty
                ? arrest_quota(
                      *capacity.persons_per_day, g.config.scale.persons_per_agent, officers,
                      g.rng.uniform(ctx.tick, static_cast<std::uint32_t>(a), Purpose::arrest, 1))
                : std::uint16_t{0};
    }
}

} // namespace

void prepare_crowd(Region& g, const detail::TickContext& ctx) {
    update_hardship(g, ctx);
    mark_organised_group(g, ctx);
    update_attraction(g);
    give_arrest_quotas(g, ctx);
}

} // namespace unrest::phases
