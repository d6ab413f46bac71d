#include "mobilisation.hpp"

#include "../../core/parallel.hpp"

namespace unrest::phases {

double mobilisation_signal(const Region& g, const RegionControls& controls) {
    if (!g.config.mobilisation.enabled()) {
        return 0.0;
    }
    const Population& pop = g.world.pop;
    const auto n = static_cast<AgentId>(pop.size());
    std::int64_t protesters = 0; // an integer sum: the same whatever the thread count
#pragma omp parallel for schedule(static) reduction(+ : protesters) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        protesters += pop.state[a] == State::active || pop.state[a] == State::violent ? 1 : 0;
    }
    return mobilisation_share(controls.comms, protesters, g.citizens);
}

} // namespace unrest::phases
