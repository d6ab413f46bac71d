// Building the world at tick 0 from the configuration and the seed (MODEL.md §2): citizens and
// cops on distinct random cells, H and R drawn per citizen, every citizen quiet.
#pragma once

#include "../core/rng.hpp"
#include "model_config.hpp"
#include "world.hpp"

namespace unrest::detail {

// The channels of the count field that the rules in use read (citizen.hpp, forces.hpp declare
// them): only these are allocated and stamped.
ChannelMask channels_read(const ModelConfig& config);

// The minimum tile side for the parallel random-sequential decomposition (tiling.hpp).
int tile_min_side(const ModelConfig& config, const Neighbourhood& vision);

// Sizes the optional population columns of the rules switched on (population.hpp) and draws
// their values at tick 0 (the fuel-price exposure); leaves them empty otherwise.
void size_rule_columns(const ModelConfig& config, const CounterRng& rng, Population& pop);

World build_world(const ModelConfig& config, const CounterRng& rng);

} // namespace unrest::detail
