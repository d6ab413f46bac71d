#include "observe.hpp"

#include "../../core/parallel.hpp"

#include <array>

namespace unrest::phases {

TickRecord observe(const World& w, Tick t, int region, const RegionControls& controls,
                   double news) {
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
    r.legitimacy = w.legitimacy;
    r.comms = controls.comms;
    r.news = news;
    return r;
}

} // namespace unrest::phases
