// analysis: settings of the measurements made on a run.
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"analysis.outburst_threshold", "integer >= 1", "", "actives",
         "an outburst starts above this many actives and ends when they fall below it",
         cite(paper, ": 50"), false},
    };
}

void read(const ReadContext& ctx, Scenario& s) {
    const Mapping m = read_section(ctx, "analysis");
    if (auto f = m.get("outburst_threshold")) {
        s.analysis.outburst_threshold = read_integer(ctx.r, *f, 1);
    }
}

void print(const Scenario& s, YAML::Node& out) {
    out["analysis"]["outburst_threshold"] = print_integer(s.analysis.outburst_threshold);
}

} // namespace

const Block& analysis_block() {
    static const Block block{"analysis", rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
