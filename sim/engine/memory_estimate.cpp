#include "memory_estimate.hpp"

#include "cop_deployment.hpp"
#include "initial_state.hpp"

#include <algorithm>
#include <cmath>

namespace unrest {

std::uint64_t forces_extra_bytes(const ModelConfig& config, std::int64_t cells,
                                 std::int64_t agents) {
    std::uint64_t per_cell = 0;
    std::uint64_t per_agent = 0;
    // The channels the forces' rules add (violent; military where soldiers engage), 4 B a cell.
    const ChannelMask model_one = static_cast<ChannelMask>(citizen_reads | police_reads);
    const unsigned extra =
        static_cast<unsigned>(detail::channels_read(config)) & ~static_cast<unsigned>(model_one);
    per_cell += 4U * static_cast<std::uint64_t>(__builtin_popcount(extra));
    // recovery_remaining (4 B) and the casualties' fates (1 B); armed (1 B); sites' engagement
    // mask (1 B a cell).
    if (config.casualties.enabled || config.cops.withdrawal.enabled ||
        config.military.reserve > 0 || config.military.police_reserve > 0) {
        per_agent += 5;
    }
    if (!config.sites.sites.empty()) {
        per_agent += 1;
        per_cell += 1;
    }
    return static_cast<std::uint64_t>(cells) * per_cell +
           static_cast<std::uint64_t>(agents) * per_agent;
}

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
    // Police freed by contingents and the contingents' soldiers, off the grid until deployed.
    e.agents += detail::reserve_police_agents(config) + detail::reserve_military_agents(config);
    e.bytes = static_cast<std::uint64_t>(e.cells) * memory_bytes_per_cell +
              static_cast<std::uint64_t>(e.agents) * memory_bytes_per_agent + memory_bytes_fixed +
              forces_extra_bytes(config, e.cells, e.agents);
    return e;
}

MemoryEstimate estimate_memory(const SimulationSpec& spec) {
    MemoryEstimate sum;
    std::uint64_t extra = 0;
    for (const SimulationRegion& r : spec.regions) {
        const MemoryEstimate e = estimate_memory(r.config);
        sum.cells += e.cells;
        sum.agents += e.agents;
        extra += forces_extra_bytes(r.config, e.cells, e.agents);
    }
    sum.bytes = static_cast<std::uint64_t>(sum.cells) * memory_bytes_per_cell +
                static_cast<std::uint64_t>(sum.agents) * memory_bytes_per_agent +
                memory_bytes_fixed + extra;
    return sum;
}

} // namespace unrest
