// Gathering (MODEL.md §3.4, issue 8 item 4): active and violent citizens move toward focal sites
// (squares, the akimat) rather than only at random, with an attraction that falls with distance
// (MECHANISMS.md §9b: retail gravity, Davies et al. 2013). Off (the default): Model I's random
// move.
#pragma once

namespace unrest {

struct GatheringParams {
    bool enabled = false;
};

} // namespace unrest
