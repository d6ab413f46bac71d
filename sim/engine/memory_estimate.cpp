#include "memory_estimate.hpp"

#include "cop_deployment.hpp"

#include <algorithm>
#include <cmath>

namespace unrest {

MemoryEstimate estimate_memory(const ModelConfig& config) {
    MemoryEstimate e;
    e.cells = static_cast<std::int64_t>(config.grid.width) * config.grid.height;
    const PopulationParams& p = config.population;
    const auto count = [&e](const std::optional<std::int64_t>& exact, double density) {
        return exact ? *exact
                     : static_cast<std::int64_t>(
                           std::llround(density * static_cast<double>(e.cells)));
    };
    // One draw per cell (initial_counts: random) may place more than the expected number: at
    // most one agent per cell, so take every cell the densities could fill.
    const std::int64_t citizens =
        p.initial == InitialCounts::random
            ? std::min<std::int64_t>(e.cells, std::llround((p.citizen_density + p.cop_density) *
                                                           static_cast<double>(e.cells)) +
                                                  1)
            : count(p.citizens, p.citizen_density);
    const std::int64_t cops = count(p.cops, p.cop_density);
    e.agents = std::min(e.cells, citizens + detail::cop_capacity(config, cops, citizens, e.cells));
    e.bytes = static_cast<std::uint64_t>(e.cells) * memory_bytes_per_cell +
              static_cast<std::uint64_t>(e.agents) * memory_bytes_per_agent + memory_bytes_fixed;
    return e;
}

} // namespace unrest
