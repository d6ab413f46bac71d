// Price shock -> hardship (MODEL.md §3.2; MECHANISMS.md §2a). Each citizen's hardship has a base
// part H0 ~ U(0,1) (Model I's H) and a part driven by the region's fuel price through the
// citizen's exposure e (LPG-car owners, income):
//
//   H_i(t) = clamp(H0_i + beta_H e_i ln(P_r(t) / P_ref), 0, 1)
//   e_i    = owner_i x (1 - income_weight x u_i),  owner_i ~ Bernoulli(exposed_share),
//            u_i ~ U(0,1) (the citizen's income rank: a richer owner feels the price less)
//
// Support: fuel price rises increase anti-government demonstrations, more so under inequality
// (Drabo et al., IMF WP 2023); large domestic price shocks in fixed-price energy exporters
// precede fuel riots (McCulloch et al., World Dev 157, 2022). The log form and the exposure
// split are our rendering (MECHANISMS.md §2a, status A).
//
// Off (the default, beta_H = 0), or before any price event, H = H0 and the model is Model I.
#pragma once

#include <algorithm>
#include <cmath>

namespace unrest {

struct HardshipParams {
    bool enabled = false;           // set by the loader: price_sensitivity != 0
    double price_sensitivity = 0.0; // beta_H: hardship per unit of ln(P / P_ref) at e = 1
    double reference_price = 60.0;  // P_ref: the price citizens are used to (currency/litre)
    double exposed_share = 0.0;     // share of citizens who own an LPG car (e > 0)
    double income_weight = 0.0;     // in [0, 1]: how much a higher income lowers exposure
};

// e = owner x (1 - income_weight x u): owner_draw and income_draw are U(0,1) draws.
inline double price_exposure(const HardshipParams& p, double owner_draw,
                             double income_draw) noexcept {
    return owner_draw < p.exposed_share ? 1.0 - p.income_weight * income_draw : 0.0;
}

// H = clamp(H0 + beta_H e ln(P / P_ref), 0, 1); H0 itself for an unexposed citizen (e = 0, also
// at a price of 0, where ln P = -inf).
inline double hardship_at_price(const HardshipParams& p, double base_hardship, double exposure,
                                double price) noexcept {
    if (exposure == 0.0) {
        return base_hardship;
    }
    return std::clamp(base_hardship +
                          p.price_sensitivity * exposure * std::log(price / p.reference_price),
                      0.0, 1.0);
}

} // namespace unrest
