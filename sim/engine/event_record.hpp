// One timeline event applied in one region at one tick: a row of events.csv.
#pragma once

#include "../core/schedule.hpp"

#include <string>

namespace unrest {

struct EventRecord {
    Tick tick = 0;       // the tick during which it was applied
    int region = 0;      // index into the simulation's regions
    std::string type;    // the YAML `type:` (legitimacy, price, comms, ...)
    std::string id;      // the event's `id`, or "" when it has none
    std::string phase;   // "at", "start", "end" (events with from/to), or "step" (ramps)
    std::string details; // what it did, e.g. "legitimacy 0.82 -> 0.70"
};

} // namespace unrest
