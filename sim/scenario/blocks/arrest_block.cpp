// arrest: the estimated arrest probability P = 1 - exp(-k C/A) (MODEL.md §2).
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"arrest.k", "number > 0", "", "", "k in P = 1 - exp(-k C/A); P = 0.9 at C = A = 1",
         cite(paper, ", p. 7244: 2.3"), false},
        {"arrest.ratio", one_of(arrest_ratio_choices), "", "", "how C/A enters P",
         "exact: paper; floor: NetLogo; round_half_even: Mesa", false},
    };
}

void read(const ReadContext& ctx, ModelConfig& model) {
    const Mapping m = read_section(ctx, "arrest");
    if (auto f = m.get("k")) {
        model.arrest.k = read_positive(ctx.r, *f);
    }
    model.arrest.ratio = choice(ctx.r, m.get("ratio"), arrest_ratio_choices, model.arrest.ratio);
}

void print(const ModelConfig& m, YAML::Node& out) {
    out["arrest"]["k"] = print_number(m.arrest.k);
    out["arrest"]["ratio"] = print_choice(arrest_ratio_choices, m.arrest.ratio);
}

} // namespace

const Block& arrest_block() {
    static const Block block{"arrest", rows, read, print};
    return block;
}

} // namespace unrest::detail
