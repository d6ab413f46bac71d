// mobilisation: the signal beyond vision carried by communications (rules/communications.hpp;
// MODEL.md §3.8)
//   mobilisation:
//     perceived_support: 20   # kappa_m: A = 1 + actives in vision + kappa_m M
//     grievance: 0.1          # eta_m:   G = H (1 - L) + eta_m M
// with M = comms x (active + violent) / citizens of the region, at the end of the last tick.
#include "block.hpp"

namespace unrest::detail {

namespace {

constexpr const char* mechanisms_10a =
    "MECHANISMS.md §10a (Casilli & Tubaro 2012: censorship as a smaller information radius); 0: "
    "Model I";

std::vector<ParameterDoc> rows() {
    return {
        {"mobilisation.perceived_support", "number >= 0", "", "agents per unit of M",
         "kappa_m in A = 1 + actives in vision + kappa_m M, M = comms x (active + violent) / "
         "citizens of the region: protest seen online counted as support",
         mechanisms_10a, false},
        {"mobilisation.grievance", "number >= 0", "", "",
         "eta_m in G = H (1 - L) + eta_m M: protest seen online added to grievance", mechanisms_10a,
         false},
    };
}

double read_nonnegative(const YamlReader& r, const Field& f) {
    const double v = read_finite(r, f);
    if (v < 0.0) {
        r.fail(f, "a number >= 0", f.node.Scalar());
    }
    return v;
}

void read_model(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "mobilisation");
    if (auto f = m.get("perceived_support")) {
        model.mobilisation.perceived_support = read_nonnegative(ctx.r, *f);
    }
    if (auto f = m.get("grievance")) {
        model.mobilisation.grievance = read_nonnegative(ctx.r, *f);
    }
}

void print_model(const ModelConfig& m, YAML::Node& out) {
    out["mobilisation"]["perceived_support"] = print_number(m.mobilisation.perceived_support);
    out["mobilisation"]["grievance"] = print_number(m.mobilisation.grievance);
}

} // namespace

const Block& mobilisation_block() {
    static const Block block{"mobilisation", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
