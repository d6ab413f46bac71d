// The classic schedules of Model I as a timeline: legitimacy L(t) (runs 3 and 4) and the cop
// density (run 5) of each region (MODEL.md §2, Table 2), applied to the regions' controls at the
// start of each tick. The simulation runs it before the scenario's own timeline, if any.
//
//   legitimacy:  when the schedule has changes, controls.legitimacy = clamp(L(t), 0, 1) at every
//                tick where L(t) differs from L(t-1) (a constant stretch leaves L as it is, so
//                that feedback and other events can move it in between)
//   cop density: when the schedule is not constant, controls.cop_density = clamp(d(t), 0, 1) at
//                every tick (the deployment phase brings the police on duty to it)
//
// A record is emitted when a change begins ("at" for a step, "start" for a ramp, an addition or
// a multiplication per tick) and when a change over a span ends ("end").
#pragma once

#include "../core/schedule.hpp"
#include "model_config.hpp"
#include "timeline_source.hpp"

#include <cstdint>
#include <vector>

namespace unrest {

struct RegionSchedules {
    Schedule legitimacy;  // L(t)
    Schedule cop_density; // police on duty as a fraction of the cells; constant = leave alone
};

class ScheduleEvents final : public TimelineSource {
public:
    explicit ScheduleEvents(std::vector<RegionSchedules> regions);

    // A region's schedules from its configuration and its police on duty at tick 0.
    static RegionSchedules schedules_of(const ModelConfig& config, std::int64_t initial_police,
                                        std::int64_t cells);

    void apply(Tick t, std::span<RegionControls> regions,
               std::vector<EventRecord>& applied) override;

private:
    std::vector<RegionSchedules> regions_;
};

} // namespace unrest
