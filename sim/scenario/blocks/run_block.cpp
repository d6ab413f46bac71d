// The run settings: top-level scalars naming the scenario and fixing its length and seed.
#include "block.hpp"

#include <fmt/format.h>

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {
        {"name", "string", "", "", "the scenario's name, written to every output", "", true},
        {"description", "string", "", "", "free text", "", false},
        {"source", "string", "", "", "citation for the preset's values", "", false},
        {"seed", "integer in [0, 2^64)", "", "", "base seed of the counter-based random generator",
         "", false},
        {"ticks", "integer in [0, 2^32); required unless calendar.end is given", "", "periods",
         "periods to simulate", "", true},
        {"base", "path of a scenario file, relative to this one", "", "",
         "this file changes that scenario: it may then give only name, description, seed and set "
         "(a counterfactual: docs/kazakhstan2022.md)",
         "", false},
        {"set", "mapping of key paths to values, with base only", "", "",
         "changes to the base, as --set would make them (timeline.<id>.<key>, regions.<name>.<key> "
         "allowed)",
         "", false},
    };
}

void read(const ReadContext& ctx, Scenario& s) {
    const YamlReader& r = ctx.r;
    const Mapping& root = ctx.container;
    const Field name = root.require("name");
    s.name = read_string(r, name);
    if (s.name.empty()) {
        r.fail(name, "a non-empty string", "an empty string");
    }
    if (auto f = root.get("description")) {
        s.description = read_string(r, *f);
    }
    if (auto f = root.get("source")) {
        s.source = read_string(r, *f);
    }
    if (auto f = root.get("seed")) {
        s.run.seed = read_unsigned(r, *f);
    }
    // `ticks` is read by calendar_block: the run's length may be given as calendar.end instead.
}

void print(const Scenario& s, YAML::Node& out) {
    out["name"] = s.name;
    out["description"] = s.description;
    out["source"] = s.source;
    out["seed"] = fmt::format("{}", s.run.seed);
    out["ticks"] = print_integer(s.run.ticks);
}

} // namespace

const Block& run_block() {
    static const Block block{"", rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
