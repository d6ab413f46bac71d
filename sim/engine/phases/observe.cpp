#include "observe.hpp"

#include "../../core/parallel.hpp"
#include "../../rules/agent_states.hpp"

#include <array>

namespace unrest::phases {

TickRecord observe(const Region& g, Tick t, int region, const RegionControls& controls) {
    const World& w = g.world;
    const Population& pop = w.pop;
    constexpr std::size_t slots = kind_count * state_count;
    std::int64_t count[slots] = {};
    const auto n = static_cast<AgentId>(pop.size());
#pragma omp parallel for schedule(static) reduction(+ : count[:slots]) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        ++count[index_of(pop.kind[a]) * state_count + index_of(pop.state[a])];
    }
    const auto of = [&count](Kind k, State s) {
        return count[index_of(k) * state_count + index_of(s)];
    };
    TickRecord r;
    r.tick = t;
    r.region = region;
    r.quiet = of(Kind::citizen, State::quiet);
    r.active = of(Kind::citizen, State::active);
    r.violent = of(Kind::citizen, State::violent);
    r.jailed = of(Kind::citizen, State::jailed);
    r.injured = of(Kind::citizen, State::injured);
    r.dead = of(Kind::citizen, State::dead);
    r.cops = of(Kind::police, State::on_duty);
    r.police_injured = of(Kind::police, State::injured);
    r.police_dead = of(Kind::police, State::dead);
    r.police_withdrawn = of(Kind::police, State::withdrawn);
    r.military = of(Kind::military, State::on_duty);
    r.military_withdrawn = of(Kind::military, State::withdrawn);
    r.military_injured = of(Kind::military, State::injured);
    r.military_dead = of(Kind::military, State::dead);
    r.detained = g.detained;
    r.damage_usd_total = g.damage_usd_total;
    for (const SiteState& s : g.sites) {
        r.sites_attacked += s.damage_usd > 0.0 ? 1 : 0;
        r.sites_seized += s.status == SiteStatus::seized || s.status == SiteStatus::burned ? 1 : 0;
        r.sites_burned += s.status == SiteStatus::burned ? 1 : 0;
    }
    if (!pop.armed.empty()) {
        for (AgentId a = 0; a < n; ++a) {
            r.armed += pop.armed[a] != 0 && is_free(pop.state[a]) ? 1 : 0;
        }
    }
    r.legitimacy = w.legitimacy;
    r.comms = controls.comms;
    r.news = g.news;
    r.fuel_price = controls.fuel_price.value_or(0.0);
    r.force_level = static_cast<double>(controls.force_level);
    r.curfew = controls.curfew ? 1.0 : 0.0;
    return r;
}

void record_flows(const detail::TickTally& tally, TickRecord& record) noexcept {
    record.arrests = tally.arrests;
    record.releases = tally.releases;
    record.protesters_killed = tally.protesters_killed;
    record.bystanders_killed = tally.bystanders_killed;
    record.citizens_wounded = tally.citizens_wounded;
    record.police_killed = tally.police_killed;
    record.police_wounded = tally.police_wounded;
    record.military_killed = tally.military_killed;
    record.military_wounded = tally.military_wounded;
    record.damage_usd = tally.damage_usd;
}

} // namespace unrest::phases
