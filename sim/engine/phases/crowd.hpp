// Phase 2b of a tick: the crowd's preparation, before the activations (MODEL.md §3.2, §3.4):
// hardship from the fuel price in force (rules/hardship.hpp), the organised group's arrival
// (rules/violence.hpp), the attraction of the sites for gathering (rules/gathering.hpp) and the
// officers' daily arrest counts at local midnight (forces.hpp: capacity). Each part does nothing
// when its rule is off.
#pragma once

#include "../activation.hpp"
#include "../region.hpp"

namespace unrest::phases {

void prepare_crowd(Region& g, const detail::TickContext& ctx);

} // namespace unrest::phases
