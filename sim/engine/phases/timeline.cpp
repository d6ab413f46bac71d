#include "timeline.hpp"

namespace unrest::phases {

void run_timeline(Tick t, TimelineSource& schedules, TimelineSource* timeline,
                  std::span<RegionControls> controls, std::vector<EventRecord>& applied) {
    schedules.apply(t, controls, applied);
    if (timeline != nullptr) {
        timeline->apply(t, controls, applied);
    }
}

} // namespace unrest::phases
