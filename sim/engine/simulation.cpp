#include "simulation.hpp"

#include "activation.hpp"
#include "initial_state.hpp"
#include "phases/activation.hpp"
#include "phases/confrontation.hpp"
#include "phases/crowd.hpp"
#include "phases/deployment.hpp"
#include "phases/forces.hpp"
#include "phases/jail_countdown.hpp"
#include "phases/legitimacy.hpp"
#include "phases/mobilisation.hpp"
#include "phases/news.hpp"
#include "phases/observe.hpp"
#include "phases/sites.hpp"
#include "phases/timeline.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

namespace {

SimulationSpec one_region(const ModelConfig& config) {
    SimulationSpec spec;
    spec.regions.push_back({"", config});
    return spec;
}

std::vector<Region> build_regions(const SimulationSpec& spec, const CounterRng& rng) {
    if (spec.regions.empty()) {
        throw std::invalid_argument("a simulation needs at least one region");
    }
    const std::size_t n = spec.regions.size();
    if (!spec.news_weights.empty() && spec.news_weights.size() != n * n) {
        throw std::invalid_argument(
            fmt::format("news weights: expected {} x {} = {} values, found {}", n, n, n * n,
                        spec.news_weights.size()));
    }
    std::vector<Region> regions;
    regions.reserve(n);
    for (std::size_t r = 0; r < n; ++r) {
        const SimulationRegion& s = spec.regions[r];
        const CounterRng view = rng.for_region(static_cast<std::uint32_t>(r));
        World w = detail::build_world(s.config, view);
        const std::int64_t citizens = w.pop.count(Kind::citizen);
        const double legitimacy = w.legitimacy;
        regions.push_back(Region{s.name, s.config, view, std::move(w), citizens, legitimacy, 0.0,
                                 0.0, std::vector<SiteState>(s.config.sites.sites.size()), 0, 0.0});
    }
    return regions;
}

std::vector<RegionSchedules> schedules_of(const std::vector<Region>& regions) {
    std::vector<RegionSchedules> s;
    for (const Region& g : regions) {
        std::int64_t police = 0;
        for (std::size_t a = 0; a < g.world.pop.size(); ++a) {
            police += g.world.pop.kind[a] == Kind::police && g.world.pop.state[a] == State::on_duty;
        }
        s.push_back(ScheduleEvents::schedules_of(g.config, police, g.world.torus.cells()));
    }
    return s;
}

std::vector<RegionControls> controls_of(const std::vector<Region>& regions) {
    std::vector<RegionControls> c(regions.size());
    for (std::size_t r = 0; r < regions.size(); ++r) {
        c[r].legitimacy = regions[r].world.legitimacy;
        const Population& pop = regions[r].world.pop;
        std::int64_t police = 0;
        for (std::size_t a = 0; a < pop.size(); ++a) {
            police += pop.kind[a] == Kind::police && pop.state[a] == State::on_duty ? 1 : 0;
        }
        c[r].initial_cop_density =
            static_cast<double>(police) / static_cast<double>(regions[r].world.torus.cells());
    }
    return c;
}

} // namespace

Simulation::Simulation(const ModelConfig& config, std::uint64_t seed)
    : Simulation(one_region(config), seed) {}

Simulation::Simulation(SimulationSpec spec, std::uint64_t seed)
    : rng_(seed), regions_(build_regions(spec, rng_)), controls_(controls_of(regions_)),
      news_weights_(std::move(spec.news_weights)),
      schedules_(spec.classic_schedules ? schedules_of(regions_) : std::vector<RegionSchedules>{}),
      timeline_(std::move(spec.timeline)), records_(regions_.size()) {}

// One period, as a pipeline of named phases (MODEL.md §2, Schedule), each over every region in
// turn (each region parallel inside). The regions interact only through the news phase, which
// reads a snapshot taken after every region's activations.
const std::vector<TickRecord>& Simulation::step_regions() {
    ++tick_;
    const auto tick = static_cast<std::uint32_t>(tick_);
    const std::size_t n = regions_.size();
    std::vector<detail::TickTally> tally(n);
    events_.clear();
    {
        ScopedPhaseTimer timer(profile_, Phase::timeline);
        std::vector<double> before(n);
        for (std::size_t r = 0; r < n; ++r) {
            before[r] = controls_[r].legitimacy;
        }
        phases::run_timeline(tick_, schedules_, timeline_.get(), controls_, events_);
        for (std::size_t r = 0; r < n; ++r) {
            if (controls_[r].legitimacy != before[r]) {
                regions_[r].legitimacy_set = controls_[r].legitimacy;
            }
            // L in force this tick: events write L unclamped (as Schedule does), the rules use it
            // clamped to [0, 1].
            regions_[r].world.legitimacy = std::clamp(controls_[r].legitimacy, 0.0, 1.0);
        }
    }
    // The region's context for this tick: what the timeline set, the signals of the last tick.
    const auto context = [&](std::size_t r) {
        const Region& g = regions_[r];
        return detail::TickContext{g.config, g.rng, tick, g.news, &controls_[r], g.mobilisation};
    };
    {
        ScopedPhaseTimer timer(profile_, Phase::crowd);
        for (std::size_t r = 0; r < n; ++r) {
            phases::prepare_crowd(regions_[r], context(r));
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::deployment);
        for (std::size_t r = 0; r < n; ++r) {
            phases::deploy(regions_[r].world, context(r), controls_[r]);
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::forces);
        for (std::size_t r = 0; r < n; ++r) {
            phases::deploy_forces(regions_[r], context(r), controls_[r], tally[r], events_);
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::jail_countdown);
        for (std::size_t r = 0; r < n; ++r) {
            tally[r].releases += phases::count_down_jail(regions_[r].world, context(r));
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::activation);
        for (std::size_t r = 0; r < n; ++r) {
            const detail::TickTally acted = phases::activate(regions_[r].world, context(r));
            tally[r].arrests += acted.arrests;
            tally[r].releases += acted.releases;
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::confrontation);
        for (std::size_t r = 0; r < n; ++r) {
            phases::confront(regions_[r], context(r), tally[r], events_);
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::sites);
        for (std::size_t r = 0; r < n; ++r) {
            phases::attack_sites(regions_[r], context(r), tally[r], events_);
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::legitimacy);
        for (std::size_t r = 0; r < n; ++r) {
            const Region& g = regions_[r];
            controls_[r].legitimacy = phases::legitimacy_after_feedback(
                controls_[r].legitimacy, g.legitimacy_set, g.config.legitimacy.feedback, tally[r],
                g.citizens);
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::news);
        if (!news_weights_.empty()) {
            std::vector<phases::RegionActivity> snapshot(n);
            std::vector<double> news(n);
            for (std::size_t r = 0; r < n; ++r) {
                const Population& pop = regions_[r].world.pop;
                std::int64_t active = 0;
                for (std::size_t a = 0; a < pop.size(); ++a) {
                    active += pop.state[a] == State::active ? 1 : 0;
                }
                snapshot[r] = {active, regions_[r].citizens, controls_[r].comms};
            }
            phases::compute_news(snapshot, news_weights_, news);
            for (std::size_t r = 0; r < n; ++r) {
                regions_[r].news = news[r];
            }
        }
        for (std::size_t r = 0; r < n; ++r) {
            regions_[r].mobilisation = phases::mobilisation_signal(regions_[r], controls_[r]);
        }
    }
    {
        ScopedPhaseTimer timer(profile_, Phase::observe);
        for (std::size_t r = 0; r < n; ++r) {
            Region& g = regions_[r];
            g.detained += tally[r].arrests;
            g.damage_usd_total += tally[r].damage_usd;
            records_[r] = phases::observe(g, tick_, static_cast<int>(r), controls_[r]);
            phases::record_flows(tally[r], records_[r]);
        }
    }
    profile_.count_tick();
    return records_;
}

std::vector<TickRecord> Simulation::observe_regions() const {
    std::vector<TickRecord> out;
    out.reserve(regions_.size());
    for (std::size_t r = 0; r < regions_.size(); ++r) {
        out.push_back(phases::observe(regions_[r], tick_, static_cast<int>(r), controls_[r]));
    }
    return out;
}

TickRecord Simulation::observe() const {
    return phases::observe(regions_.front(), tick_, 0, controls_.front());
}

} // namespace unrest
