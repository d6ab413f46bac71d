// violence: the violent threshold, crowd gate and organised group (rules/violence.hpp; MODEL.md
// §3.4)
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {};
}

void read_model(const ReadContext& /*ctx*/, ModelConfig& /*model*/) {}

void print_model(const ModelConfig& /*model*/, YAML::Node& /*parent*/) {}

} // namespace

const Block& violence_block() {
    static const Block block{"violence", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
