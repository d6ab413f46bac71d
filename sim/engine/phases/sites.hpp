// Phase 4c of a tick: sites (MODEL.md §3.7; MECHANISMS.md §9a): each site, in site order, is
// attacked by the violent citizens near it, damaged, seized when they outnumber its defenders,
// burned; seized weapons shops arm rioters. Seizures and burnings are written to `events`.
#pragma once

#include "../activation.hpp"
#include "../event_record.hpp"
#include "../region.hpp"

#include <vector>

namespace unrest::phases {

void attack_sites(Region& g, const detail::TickContext& ctx, detail::TickTally& tally,
                  std::vector<EventRecord>& events);

} // namespace unrest::phases
