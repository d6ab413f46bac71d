// gathering: movement toward focal sites (rules/gathering.hpp; issue 8 item 4)
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {};
}

void read_model(const ReadContext& /*ctx*/, ModelConfig& /*model*/) {}

void print_model(const ModelConfig& /*model*/, YAML::Node& /*parent*/) {}

} // namespace

const Block& gathering_block() {
    static const Block block{"gathering", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
