// Phase 6b of a tick: the mobilisation signal within a region (MODEL.md §3.8; MECHANISMS.md
// §10a): M = comms x (active + violent) / citizens of the region at the end of the tick, read by
// its citizens during the next one (rules/communications.hpp). 0 when the rule is off.
#pragma once

#include "../region.hpp"
#include "../region_controls.hpp"

namespace unrest::phases {

double mobilisation_signal(const Region& g, const RegionControls& controls);

} // namespace unrest::phases
