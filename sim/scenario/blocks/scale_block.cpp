// scale: persons per agent (MODEL.md §3.10, MECHANISMS.md §11); outputs count persons.
#include "block.hpp"

#include <cmath>

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"scale.persons_per_agent", "integer >= 1", "", "persons",
         "w, the persons an agent stands for: every count written to an output is multiplied by "
         "it; the rules act on agents",
         "MODEL.md §3.10; MECHANISMS.md §11 (1: Model I)", false},
    };
}

void read(const ReadContext& ctx, Scenario& s) {
    const Mapping m = read_section(ctx, "scale");
    if (auto f = m.get("persons_per_agent")) {
        // An integer, and exact as a double (outputs multiply counts by it).
        const std::int64_t w = read_integer(ctx.r, *f, 1);
        if (w > (std::int64_t{1} << 53)) {
            ctx.r.fail(*f, "an integer in [1, 2^53]", f->node.Scalar());
        }
        s.scale.persons_per_agent = static_cast<double>(w);
    }
}

void print(const Scenario& s, YAML::Node& out) {
    out["scale"]["persons_per_agent"] = print_integer(std::llround(s.scale.persons_per_agent));
}

} // namespace

const Block& scale_block() {
    static const Block block{"scale", rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
