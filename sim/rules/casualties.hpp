// Casualties on both sides (MODEL.md §3.5; MECHANISMS.md §6): per-agent hazards from the local
// balance of forces and the force level in use, injured agents off the street for a healing
// time, deaths final. Off (the default): no one is hurt and the model is Model I.
#pragma once

namespace unrest {

struct CasualtyParams {
    bool enabled = false;
};

} // namespace unrest
