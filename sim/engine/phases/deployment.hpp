// Phase 2 of a tick: deployment. When the region's controls say how many police should be on
// duty (cop_density, a fraction of the cells), round(density x cells) are brought on duty:
// random police withdrawn, or police from the reserve deployed on random empty cells (Table 2,
// run 5: cop reduction). Military contingents will be deployed here too (issue 8).
#pragma once

#include "../activation.hpp"
#include "../region_controls.hpp"

namespace unrest::phases {

void deploy(World& w, const detail::TickContext& ctx, const RegionControls& controls);

} // namespace unrest::phases
