// Phase 1 of a tick: the timeline. The regions' classic schedules first (ScheduleEvents), then
// the scenario's timeline of events, if any, change the regions' controls; every event applied
// is recorded.
#pragma once

#include "../timeline_source.hpp"

#include <span>
#include <vector>

namespace unrest::phases {

void run_timeline(Tick t, TimelineSource& schedules, TimelineSource* timeline,
                  std::span<RegionControls> controls, std::vector<EventRecord>& applied);

} // namespace unrest::phases
