// Communications (MODEL.md §3.8; MECHANISMS.md §10a): beyond what a citizen sees, internet and
// mobile carry a mobilisation signal, which a cut (controls.comms < 1) shrinks:
//
//   M = s x (active + violent) / citizens of the region      (s = comms availability in [0, 1])
//   A = 1 + actives in vision + kappa_m M                    (perceived support)
//   G = H (1 - L) + eta_m M                                  (grievance)
//
// Casilli & Tubaro (2012) read censorship as a smaller information radius; the region-wide share
// is our simplification of it (MECHANISMS.md §10a, status A). M is computed on the state at the
// end of a tick and read during the next. Between regions the news phase does the same
// (news.hpp). Off (both terms 0, the default): Model I.
#pragma once

#include <cstdint>

namespace unrest {

struct MobilisationParams {
    double perceived_support = 0.0; // kappa_m: A = 1 + actives in vision + kappa_m M
    double grievance = 0.0;         // eta_m:   G = H (1 - L) + eta_m M

    bool enabled() const noexcept { return perceived_support != 0.0 || grievance != 0.0; }
};

// M = comms x (active + violent) / citizens; 0 without citizens.
inline double mobilisation_share(double comms, std::int64_t protesters,
                                 std::int64_t citizens) noexcept {
    return citizens > 0 ? comms * static_cast<double>(protesters) / static_cast<double>(citizens)
                        : 0.0;
}

} // namespace unrest
