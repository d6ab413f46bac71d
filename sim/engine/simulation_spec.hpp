// What a simulation is built from: its regions (each its own grid, population and parameters),
// the news coupling between them, and an optional timeline of events. The scenario layer fills
// it (or a test, by hand); Simulation(const ModelConfig&, seed) is the one-region case.
#pragma once

#include "model_config.hpp"
#include "timeline_source.hpp"

#include <memory>
#include <string>
#include <vector>

namespace unrest {

struct SimulationRegion {
    std::string name;
    ModelConfig config;
};

struct SimulationSpec {
    std::vector<SimulationRegion> regions; // at least one
    // News weights W, row-major regions x regions: W[r * regions + r'] is how much activity in
    // r' counts as news in r (MECHANISMS.md §10c). The diagonal is ignored. Empty = no news.
    std::vector<double> news_weights;
    // Events applied at the start of each tick, after the regions' own schedules; may be null.
    std::unique_ptr<TimelineSource> timeline;
    // Whether the regions' classic schedules (legitimacy.schedule, cops.density_changes) are
    // applied by ScheduleEvents before `timeline`. Turn off when `timeline` already holds them as
    // events, so that they are not applied twice.
    bool classic_schedules = true;
};

} // namespace unrest
