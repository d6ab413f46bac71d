// What is measured after each tick. The engine fills it; writers decide how to store it.
#pragma once

#include "../core/schedule.hpp"

#include <cstdint>

namespace unrest {

struct TickRecord {
    Tick tick = 0;             // 0 = the initial state, before any activation
    std::int64_t quiet = 0;    // citizens quiet (free, not active)
    std::int64_t active = 0;   // citizens active
    std::int64_t jailed = 0;   // citizens in jail
    std::int64_t cops = 0;     // cops on duty (on the grid)
    std::int64_t arrests = 0;  // arrests made during this tick
    std::int64_t releases = 0; // citizens released from jail during this tick
    double legitimacy = 0.0;   // L in force during this tick
};

} // namespace unrest
