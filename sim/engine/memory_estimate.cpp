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
    std::int64_t cops = count(p.cops, p.cop_density);
    std::int64_t citizens = count(p.citizens, p.citizen_density);
    if (p.initial == InitialCounts::random) {
        // One draw per cell (Mesa) places a binomial number of agents: bound it by six standard
        // deviations above its mean (a chance below 1e-9 of more), at most one agent per cell.
        const double mean = (p.citizen_density + p.cop_density) * static_cast<double>(e.cells);
        const std::int64_t on_grid = std::min<std::int64_t>(
            e.cells, static_cast<std::int64_t>(std::ceil(mean + 6.0 * std::sqrt(mean))) + 1);
        cops = std::min(cops, on_grid);
        citizens = on_grid - cops;
    }
    e.agents = std::min(e.cells, citizens + detail::cop_capacity(config, cops, citizens, e.cells));
    e.bytes = static_cast<std::uint64_t>(e.cells) * memory_bytes_per_cell +
              static_cast<std::uint64_t>(e.agents) * memory_bytes_per_agent + memory_bytes_fixed;
    return e;
}

MemoryEstimate estimate_memory(const SimulationSpec& spec) {
    MemoryEstimate sum;
    for (const SimulationRegion& r : spec.regions) {
        const MemoryEstimate e = estimate_memory(r.config);
        sum.cells += e.cells;
        sum.agents += e.agents;
    }
    sum.bytes = static_cast<std::uint64_t>(sum.cells) * memory_bytes_per_cell +
                static_cast<std::uint64_t>(sum.agents) * memory_bytes_per_agent +
                memory_bytes_fixed;
    return sum;
}

} // namespace unrest
