// Price shock -> hardship (MODEL.md §3.2; MECHANISMS.md §2a). Each citizen's hardship has a base
// part H0 ~ U(0,1) (Model I's H) and a part driven by the region's fuel price through the
// citizen's exposure e (LPG-car owners, income):
//
//   H_i(t) = clamp(H0_i + beta_H e_i ln(P_r(t) / P_ref), 0, 1)
//
// Off (the default), or before any price event, H = H0 and the model is Model I.
#pragma once

namespace unrest {

struct HardshipParams {
    bool enabled = false;
    double price_sensitivity = 0.0; // beta_H: hardship per unit of ln(P / P_ref) at e = 1
    double reference_price = 60.0;  // P_ref: the price citizens are used to (currency/litre)
    double exposed_share = 0.0;     // share of citizens who own an LPG car (e > 0)
    double income_weight = 0.0;     // in [0, 1]: how much a higher income lowers exposure
};

} // namespace unrest
