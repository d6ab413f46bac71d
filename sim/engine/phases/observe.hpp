// Phase 7 of a tick: observation. Counts every agent by kind and state into the region's
// TickRecord, with the region's state (legitimacy in force, communications, news).
#pragma once

#include "../region_controls.hpp"
#include "../tick_record.hpp"
#include "../world.hpp"

namespace unrest::phases {

// Arrests and releases are left 0: they are flows the caller adds.
TickRecord observe(const World& w, Tick t, int region, const RegionControls& controls, double news);

} // namespace unrest::phases
