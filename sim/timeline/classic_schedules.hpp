// The classic schedules (legitimacy.changes, cops.density_changes; sim/core/schedule.hpp) as
// timeline events: applied to a region whose value starts at the schedule's initial value, they
// give Schedule::at's doubles at every tick.
#pragma once

#include "timeline.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace unrest {

// One event per change, of type `type` ("legitimacy" or "cop_density"), aimed at every region,
// each with origin "PATH[i]" (e.g. "legitimacy.changes[0]"), id "" and index i. A schedule
// change's `to` is its last tick; an event's is the tick it ends in, hence to + 1 for add_per_tick
// and multiply_per_tick.
std::vector<EventSpec> schedule_events(std::string_view type, std::string_view path,
                                       const std::vector<ScheduleChange>& changes);

// The scenario's timeline: the events of legitimacy.changes, then those of cops.density_changes,
// then the `timeline:` block's `events` (timeline_block.hpp), in that order within a tick.
Timeline scenario_timeline(const std::vector<ScheduleChange>& legitimacy_changes,
                           const std::vector<ScheduleChange>& cop_density_changes,
                           std::vector<EventSpec> events);

} // namespace unrest
