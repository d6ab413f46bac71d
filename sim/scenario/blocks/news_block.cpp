// news: how news of activity in other regions enters a citizen's decision (MECHANISMS.md §10c),
//   N_r = s_r sum_{r' != r} W[r][r'] s_r' A_r' / Pop_r'
// with A = 1 + actives in vision + kappa N (perceived support) and G = H (1 - L) + eta N.
//   news:
//     perceived_support: 0.2   # kappa, for every region (a region may give its own)
//     grievance: 0             # eta, likewise
//     weights:                 # W[r][r'] by name: how much r hears of activity in r'
//       Aktau: {Zhanaozen: 0.5}
// kappa and eta are a part of each region's model (ModelConfig.news, a model block); the weights
// couple regions and belong to the scenario (Scenario.news), given at the top level only.
#include "block.hpp"

#include <fmt/format.h>

namespace unrest::detail {

namespace {

constexpr const char* mechanisms_10c = "MECHANISMS.md §10c (0: Model I)";

std::vector<ParameterDoc> rows() {
    return {
        {"news.perceived_support", "number >= 0", "", "",
         "kappa in A = 1 + actives in vision + kappa N: news N of activity elsewhere counted as "
         "support; a region may give its own",
         mechanisms_10c, false},
        {"news.grievance", "number >= 0", "", "",
         "eta in G = H (1 - L) + eta N: news N of activity elsewhere added to grievance; a region "
         "may give its own",
         mechanisms_10c, false},
        {"news.weights",
         "mapping {REGION: {OTHER_REGION: number >= 0}} by region name; missing: 0; a region's own "
         "name refused",
         "", "",
         "W[r][r'], how much region r hears of the active fraction of region r' (N_r = s_r sum "
         "W[r][r'] s_r' A_r'/Pop_r'); top level only; {} or all 0: no coupling",
         "MECHANISMS.md §10c (w = exp(-d/d0) + omega_media)", false},
    };
}

double read_nonnegative(const YamlReader& r, const Field& f) {
    const double v = read_finite(r, f);
    if (v < 0.0) {
        r.fail(f, "a number >= 0", f.node.Scalar());
    }
    return v;
}

void read_effect(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "news");
    if (auto f = m.get("perceived_support")) {
        model.news.perceived_support = read_nonnegative(ctx.r, *f);
    }
    if (auto f = m.get("grievance")) {
        model.news.grievance = read_nonnegative(ctx.r, *f);
    }
}

void print_effect(const ModelConfig& m, YAML::Node& out) {
    out["news"]["perceived_support"] = print_number(m.news.perceived_support);
    out["news"]["grievance"] = print_number(m.news.grievance);
}

// After the regions: the weights name them.
void read_weights(const ReadContext& ctx, Scenario& s) {
    const YamlReader& r = ctx.r;
    const std::optional<Field> f = read_section(ctx, "news").get("weights");
    if (!f) {
        return;
    }
    std::vector<std::string> names;
    for (const RegionSpec& region : s.regions) {
        names.push_back(region.name);
    }
    if (!f->node.IsMap()) {
        r.fail(*f, "a mapping of region names",
               f->node.IsNull() ? "nothing (leave the key out for no coupling)"
                                : describe(f->node));
    }
    const std::size_t n = names.size();
    std::vector<double> w(n * n, 0.0);
    bool coupled = false;
    const Mapping rows_by_name(r, *f, names);
    for (std::size_t to = 0; to < n; ++to) {
        const std::optional<Field> row = rows_by_name.get(names[to]);
        if (!row) {
            continue;
        }
        if (!row->node.IsMap()) {
            r.fail(*row, "a mapping of region names to weights", describe(row->node));
        }
        const Mapping from(r, *row, names);
        for (std::size_t of = 0; of < n; ++of) {
            const std::optional<Field> weight = from.get(names[of]);
            if (!weight) {
                continue;
            }
            if (of == to) {
                r.fail(*weight,
                       fmt::format("a region other than '{}' (its own activity is not news)",
                                   names[to]),
                       fmt::format("'{}'", names[of]));
            }
            w[to * n + of] = read_nonnegative(r, *weight);
            coupled = coupled || w[to * n + of] != 0.0;
        }
    }
    // All 0 is no coupling: the same as no weights.
    s.news.weights = coupled ? std::move(w) : std::vector<double>{};
}

void print_weights(const Scenario& s, YAML::Node& out) {
    YAML::Node weights(YAML::NodeType::Map);
    const std::size_t n = s.regions.size();
    if (s.news.weights.size() == n * n) {
        for (std::size_t to = 0; to < n; ++to) {
            YAML::Node row(YAML::NodeType::Map);
            row.SetStyle(YAML::EmitterStyle::Flow);
            for (std::size_t of = 0; of < n; ++of) {
                const double w = s.news.weights[to * n + of];
                if (of != to && w != 0.0) {
                    row[s.regions[of].name] = print_number(w);
                }
            }
            if (row.size() > 0) {
                weights[s.regions[to].name] = row;
            }
        }
    }
    out["news"]["weights"] = weights;
}

} // namespace

const Block& news_effect_block() {
    static const Block block{"news",  rows,          read_effect, print_effect,
                             nullptr, print_weights, "weights"};
    return block;
}

const Block& news_weights_block() {
    static const Block block{"news", nullptr, nullptr, nullptr, read_weights, nullptr};
    return block;
}

} // namespace unrest::detail
