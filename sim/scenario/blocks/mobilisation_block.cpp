// mobilisation: the signal beyond vision carried by communications (rules/communications.hpp;
// MODEL.md §3.8)
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {};
}

void read_model(const ReadContext& /*ctx*/, ModelConfig& /*model*/) {}

void print_model(const ModelConfig& /*model*/, YAML::Node& /*parent*/) {}

} // namespace

const Block& mobilisation_block() {
    static const Block block{"mobilisation", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
