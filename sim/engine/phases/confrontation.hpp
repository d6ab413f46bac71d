// Phase 4b of a tick: confrontation, after the activations, on their frozen outcome (MODEL.md
// §3.5; MECHANISMS.md §6, §7a): casualties on both sides from the local balance and the force
// level, and police withdrawing when locally overwhelmed. Each agent's fate is drawn from its own
// counter-based stream and applied in id order: independent of the thread count.
#pragma once

#include "../activation.hpp"
#include "../event_record.hpp"
#include "../region.hpp"

#include <vector>

namespace unrest::phases {

void confront(Region& g, const detail::TickContext& ctx, detail::TickTally& tally,
              std::vector<EventRecord>& events);

} // namespace unrest::phases
