// Jail: the term drawn at arrest, where jailed citizens are, and when terms count down
// (MODEL.md §2, implementation differences: jail term, jailed agents, jail countdown).
#pragma once

#include "../core/population.hpp"

#include <cmath>

namespace unrest {

enum class JailTermDraw {
    uniform_real,      // U(0, J_max), continuous (paper)
    integer_below,     // integer 0 .. J_max - 1 (NetLogo: random max-jail-term)
    integer_inclusive, // integer 0 .. J_max (Mesa: randint(0, max_jail_term))
};

enum class JailPlacement {
    off_grid,          // removed from the grid; on release placed on a random empty cell (paper)
    in_place_free,     // stays on its cell, which counts as empty (NetLogo)
    in_place_blocking, // stays on its cell, which stays occupied (Mesa)
};

enum class JailCountdown {
    start_of_tick,  // every jailed citizen's term drops by one period at the start of a tick
    end_of_tick,    // ... at the end of the tick, after all activations (NetLogo)
    own_activation, // ... when the citizen itself is activated (Mesa)
};

struct JailParams {
    double max_term = 30.0; // J_max in periods; infinity = never released (runs 3-5)
    JailTermDraw draw = JailTermDraw::uniform_real;
    JailPlacement placement = JailPlacement::off_grid;
    JailCountdown countdown = JailCountdown::start_of_tick;
};

// The term for a draw u ~ U[0,1). With J_max infinite every term is a life sentence.
inline double jail_term(const JailParams& j, double u) noexcept {
    if (std::isinf(j.max_term)) {
        return life_sentence;
    }
    switch (j.draw) {
    case JailTermDraw::uniform_real:
        return u * j.max_term;
    case JailTermDraw::integer_below:
        return std::floor(u * j.max_term);
    case JailTermDraw::integer_inclusive:
        return std::floor(u * (j.max_term + 1.0));
    }
    return u * j.max_term;
}

// One period of countdown; true when the citizen is released (term used up).
inline bool count_down(double& remaining) noexcept {
    remaining -= 1.0;
    return remaining <= 0.0;
}

} // namespace unrest
