// The checks that span a model's blocks (citizens and cops fit on the grid, vision fits the grid,
// cops leave room for the citizens, ...), made on the scenario's model and again on each region's.
#pragma once

#include "blocks/block.hpp"

namespace unrest::detail {

// Problems are reported at the keys in `fields` that set the values (or at their block, or at the
// region, when the values come from the scenario's defaults).
void check_model(const YamlReader& r, const ModelFields& fields, const ModelConfig& model,
                 Tick ticks);

} // namespace unrest::detail
