// Communications (MODEL.md §3.8; MECHANISMS.md §10a): beyond what a citizen sees, internet and
// mobile carry a mobilisation signal (the share of the region's citizens active), which a cut
// (controls.comms < 1) shrinks. Between regions the news phase does the same (news.hpp). Off
// (both terms 0, the default): Model I.
#pragma once

namespace unrest {

struct MobilisationParams {
    double perceived_support = 0.0; // kappa_m: A = 1 + actives in vision + kappa_m s M
    double grievance = 0.0;         // eta_m:   G = H (1 - L) + eta_m s M
};

} // namespace unrest
