// Phase 7 of a tick: observation. Counts every agent by kind and state into the region's
// TickRecord, with the region's state (legitimacy in force, communications, news, fuel price,
// force level, curfew), its running totals and its sites.
#pragma once

#include "../activation.hpp"
#include "../region.hpp"
#include "../region_controls.hpp"
#include "../tick_record.hpp"

namespace unrest::phases {

// The flows of the tick (arrests, releases, casualties, damage) are left 0: record_flows adds them.
TickRecord observe(const Region& g, Tick t, int region, const RegionControls& controls);

// Copies the tick's flows into `record`.
void record_flows(const detail::TickTally& tally, TickRecord& record) noexcept;

} // namespace unrest::phases
