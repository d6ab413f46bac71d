// hardship: price shock -> hardship through exposure (rules/hardship.hpp; MODEL.md §3.2)
//   hardship:
//     price_sensitivity: 0.3   # beta_H; 0 (the default): off, Model I
//     reference_price: 60      # P_ref, currency per litre
//     exposed_share: 0.4       # share of citizens exposed (LPG-car owners)
//     income_weight: 0.5       # how much income lowers an owner's exposure
#include "block.hpp"

namespace unrest::detail {

namespace {

constexpr const char* mechanisms_2a = "MECHANISMS.md §2a";

std::vector<ParameterDoc> rows() {
    return {
        {"hardship.price_sensitivity", "number >= 0", "", "hardship per unit of ln(P / P_ref)",
         "beta_H in H = clamp(H0 + beta_H e ln(P / P_ref), 0, 1); 0: hardship is Model I's H "
         "whatever the price",
         cite(mechanisms_2a, " (Drabo et al., IMF WP 2023; McCulloch et al. 2022): to calibrate "
                             "on the onset dates by region"),
         false},
        {"hardship.reference_price", "number > 0", "", "currency per litre",
         "P_ref, the price citizens are used to; H = H0 at P = P_ref",
         "MODEL.md §1: about 60 tenge/litre of LPG in Mangystau before 1 Jan 2022", false},
        {"hardship.exposed_share", "number in [0, 1]", "", "",
         "share of citizens exposed to the fuel price (owner ~ Bernoulli(share)); others have e = "
         "0",
         cite(mechanisms_2a, ": LPG-car owners; our invention to calibrate"), false},
        {"hardship.income_weight", "number in [0, 1]", "", "",
         "w in e = owner x (1 - w u), u ~ U(0,1) the income rank: how much income lowers "
         "exposure; 0: every owner has e = 1",
         cite(mechanisms_2a, ": income; our invention"), false},
    };
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const YamlReader& r = ctx.r;
    const Mapping m = read_section(ctx, "hardship");
    HardshipParams& h = model.hardship;
    if (auto f = m.get("price_sensitivity")) {
        h.price_sensitivity = read_finite(r, *f);
        if (h.price_sensitivity < 0.0) {
            r.fail(*f, "a number >= 0", f->node.Scalar());
        }
    }
    if (auto f = m.get("reference_price")) {
        h.reference_price = read_positive(r, *f);
    }
    if (auto f = m.get("exposed_share")) {
        h.exposed_share = read_probability(r, *f);
    }
    if (auto f = m.get("income_weight")) {
        h.income_weight = read_probability(r, *f);
    }
    h.enabled = h.price_sensitivity != 0.0;
}

void print_model(const ModelConfig& m, YAML::Node& out) {
    out["hardship"]["price_sensitivity"] = print_number(m.hardship.price_sensitivity);
    out["hardship"]["reference_price"] = print_number(m.hardship.reference_price);
    out["hardship"]["exposed_share"] = print_number(m.hardship.exposed_share);
    out["hardship"]["income_weight"] = print_number(m.hardship.income_weight);
}

} // namespace

const Block& hardship_block() {
    static const Block block{"hardship", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
