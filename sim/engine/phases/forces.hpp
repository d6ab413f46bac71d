// Phase 2c of a tick: the forces' deployment beyond the cop schedule (MODEL.md §3.5-3.6):
// contingents arriving on and leaving their sites (rules/forces.hpp: military), police ordered
// off the streets (`police_withdrawal` events) or back, officers freed by contingents, and the
// healing of the injured (rules/casualties.hpp). Does nothing when these rules are off.
#pragma once

#include "../activation.hpp"
#include "../event_record.hpp"
#include "../region.hpp"

#include <vector>

namespace unrest::phases {

void deploy_forces(Region& g, const detail::TickContext& ctx, RegionControls& controls,
                   detail::TickTally& tally, std::vector<EventRecord>& events);

} // namespace unrest::phases
