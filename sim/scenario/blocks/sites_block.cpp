// sites: typed sites with positions, values and defence (rules/sites.hpp; MODEL.md §3.7)
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {};
}

void read_model(const ReadContext& /*ctx*/, ModelConfig& /*model*/) {}

void print_model(const ModelConfig& /*model*/, YAML::Node& /*parent*/) {}

} // namespace

const Block& sites_block() {
    static const Block block{"sites", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
