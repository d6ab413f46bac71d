// The timeline as the engine sees it: something that, at the start of each tick, changes the
// regions' controls and says what it did. sim/timeline/ implements it from the scenario's events;
// the engine knows nothing else of events.
#pragma once

#include "../core/schedule.hpp"
#include "event_record.hpp"
#include "region_controls.hpp"

#include <span>
#include <vector>

namespace unrest {

class TimelineSource {
public:
    virtual ~TimelineSource() = default;
    // Applies every event due during tick t (t >= 1, in increasing order, each tick once) to
    // `regions` (indexed by region) and appends one record per region and event applied.
    virtual void apply(Tick t, std::span<RegionControls> regions,
                       std::vector<EventRecord>& applied) = 0;
};

} // namespace unrest
