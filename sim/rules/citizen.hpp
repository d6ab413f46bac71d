// The citizen's rule (Epstein 2002, Model I; MODEL.md §2).
//
//   grievance            G = H (1 - L)
//   arrest probability   P = 1 - exp(-k * ratio(C / A))
//   net risk             N = R P
//   active               iff G - N > T
//
// C = cops within vision; A = 1 + actives within vision. The implementations differ in how the
// ratio C/A is taken and in how A counts the agent itself (MODEL.md §2, implementation
// differences); both are switches here.
#pragma once

#include "channels.hpp"

#include <cmath>

namespace unrest {

// How C/A enters P.
enum class ArrestRatio {
    exact,           // C / A, as printed in the paper
    floor,           // floor(C / A), NetLogo Rebellion
    round_half_even, // round(C / A) with ties to even, Mesa's Python round()
};

// How the estimated number of actives A counts the citizen itself.
enum class SelfCount {
    once,            // A = 1 + other actives in vision (paper, Mesa)
    again_if_active, // A = 1 + other actives + 1 if the citizen is active (NetLogo: its own
                     // patch is in its neighbourhood, and "+ 1" is added again)
};

// The channels of the count field the citizen reads: C (cops) and the actives in A.
inline constexpr ChannelMask citizen_reads = channel_mask({Channel::cops, Channel::actives});

struct ArrestParams {
    double k = 2.3; // k: chosen so that P = 0.9 when C = A = 1 (Epstein 2002, p. 7244)
    ArrestRatio ratio = ArrestRatio::exact;
};

struct CitizenParams {
    double threshold = 0.1; // T (Epstein 2002, Table 2)
    SelfCount self_count = SelfCount::once;
    // Added to T (and to the violent threshold T_v) while a curfew is in force (MODEL.md §3.1:
    // curfew hours; our invention: the curfew's deterrence as a higher threshold). 0: Model I.
    double curfew_deterrence = 0.0;
};

// G = H (1 - L)
inline double grievance(double hardship, double legitimacy) noexcept {
    return hardship * (1.0 - legitimacy);
}

inline double apply_ratio(ArrestRatio rule, double cops, double actives) noexcept {
    const double q = cops / actives;
    switch (rule) {
    case ArrestRatio::exact:
        return q;
    case ArrestRatio::floor:
        return std::floor(q);
    case ArrestRatio::round_half_even:
        return std::nearbyint(q); // default rounding mode: to nearest, ties to even
    }
    return q;
}

// A: the estimated number of actives, counting the citizen itself by `rule`.
inline int estimated_actives(SelfCount rule, int other_actives_in_vision,
                             bool self_active) noexcept {
    return 1 + other_actives_in_vision +
           (rule == SelfCount::again_if_active && self_active ? 1 : 0);
}

// P = 1 - exp(-k * ratio(C / A)). C and A are whole numbers in Model I; news adds kappa N to A
// (MECHANISMS.md §10c), soldiers add deterrence x soldiers to C (MECHANISMS.md §8a), and an int
// converts to double exactly, so Model I is unchanged.
inline double arrest_probability(const ArrestParams& p, double cops_in_vision,
                                 double estimated_actives) noexcept {
    return 1.0 - std::exp(-p.k * apply_ratio(p.ratio, cops_in_vision, estimated_actives));
}

// N = R P
inline double net_risk(double risk_aversion, double arrest_probability) noexcept {
    return risk_aversion * arrest_probability;
}

// Active iff G - N > T
inline bool decides_active(const CitizenParams& c, double grievance, double net_risk) noexcept {
    return grievance - net_risk > c.threshold;
}

} // namespace unrest
