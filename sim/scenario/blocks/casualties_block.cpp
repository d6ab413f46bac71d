// casualties: injuries and deaths on both sides (rules/casualties.hpp; MODEL.md §3.5)
#include "block.hpp"

namespace unrest::detail {

namespace {

std::vector<ParameterDoc> rows() {
    return {};
}

void read_model(const ReadContext& /*ctx*/, ModelConfig& /*model*/) {}

void print_model(const ModelConfig& /*model*/, YAML::Node& /*parent*/) {}

} // namespace

const Block& casualties_block() {
    static const Block block{"casualties", rows, read_model, print_model, nullptr, nullptr};
    return block;
}

} // namespace unrest::detail
