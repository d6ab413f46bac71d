// hardship: price shock -> hardship through exposure (rules/hardship.hpp; MODEL.md §3.2)
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {};
}

void read_model(const ReadContext& /*ctx*/, ModelConfig& /*model*/) {}

void print_model(const ModelConfig& /*model*/, YAML::Node& /*parent*/) {}

} // namespace

const Block& hardship_block() {
    static const Block block{"hardship", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
