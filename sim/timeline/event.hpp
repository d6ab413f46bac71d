// One timeline event acting on one region during one run (MODEL.md §3; docs/timeline.md). The
// event sees the region only through RegionControls, the narrow handle of what the timeline may
// change. Events are made per run and region by their type's factory (event_type.hpp), so that
// one may remember state across ticks (a ramp its start value).
//
// Lifecycle, driven by TimelineRun (timeline.cpp): an event with `at` gets begin() during that
// tick; one with from/to gets begin() during `from`, step() during every tick strictly between,
// and end() during `to` (an open-ended one, without `to`, steps until the run ends).
#pragma once

#include "../core/schedule.hpp"
#include "../engine/region_controls.hpp"

#include <string>

namespace unrest {

class Event {
public:
    virtual ~Event() = default;
    // Each returns what it did, for the event record ("legitimacy 0.82 -> 0.7"); a step returns
    // "" when it changed nothing, and then no record is written.
    virtual std::string begin(Tick t, RegionControls& region) = 0;
    virtual std::string step(Tick t, RegionControls& region);
    virtual std::string end(Tick t, RegionControls& region);
};

// A value in event details: 10 significant digits, so that 1 - 0.8 reads 0.2.
std::string format_value(double v);

} // namespace unrest
