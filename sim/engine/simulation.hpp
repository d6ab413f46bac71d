// One run of the model: the tick pipeline over one or more regions, each a World built from its
// ModelConfig and the seed, coupled by news and driven by a timeline.
#pragma once

#include "../core/rng.hpp"
#include "event_record.hpp"
#include "model_config.hpp"
#include "phase_profile.hpp"
#include "region.hpp"
#include "region_controls.hpp"
#include "schedule_events.hpp"
#include "simulation_spec.hpp"
#include "tick_record.hpp"
#include "world.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace unrest {

class Simulation {
public:
    // One region from one configuration.
    Simulation(const ModelConfig& config, std::uint64_t seed);
    // The regions of `spec`, in its order; std::invalid_argument if there is none or if the
    // news weights are neither empty nor regions x regions.
    Simulation(SimulationSpec spec, std::uint64_t seed);

    // Advances one tick in every region; one record per region, in region order.
    const std::vector<TickRecord>& step_regions();
    // Every region's counts as they stand now (tick 0 = the initial state).
    std::vector<TickRecord> observe_regions() const;
    // The timeline events applied during the last tick.
    const std::vector<EventRecord>& events_applied() const noexcept { return events_; }

    // The one-region case (region 0 of several).
    TickRecord step() { return step_regions().front(); }
    TickRecord observe() const;

    Tick tick() const noexcept { return tick_; }
    int regions() const noexcept { return static_cast<int>(regions_.size()); }
    const Region& region(int r) const { return regions_.at(static_cast<std::size_t>(r)); }
    const RegionControls& controls(int r) const {
        return controls_.at(static_cast<std::size_t>(r));
    }
    const World& world(int r = 0) const { return region(r).world; }
    const ModelConfig& config(int r = 0) const { return region(r).config; }
    std::uint64_t seed() const noexcept { return rng_.seed(); }
    // Time per phase, summed over the ticks run.
    const PhaseProfile& profile() const noexcept { return profile_; }

    // Every structural invariant that must hold between ticks; empty when all hold. Costly
    // (it recounts every neighbourhood by the reference scan): for tests and --check.
    std::vector<std::string> check_invariants() const;

private:
    CounterRng rng_;
    Tick tick_ = 0;
    std::vector<Region> regions_;
    std::vector<RegionControls> controls_; // indexed by region: the timeline's handle
    std::vector<double> news_weights_;
    ScheduleEvents schedules_; // the regions' classic schedules (none when the spec says so)
    std::unique_ptr<TimelineSource> timeline_;
    std::vector<TickRecord> records_;
    std::vector<EventRecord> events_;
    PhaseProfile profile_;
};

} // namespace unrest
