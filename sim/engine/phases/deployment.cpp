#include "deployment.hpp"

#include "../cop_deployment.hpp"

#include <algorithm>
#include <cmath>

namespace unrest::phases {

void deploy(World& w, const detail::TickContext& ctx, const RegionControls& controls) {
    if (!controls.cop_density) {
        return;
    }
    const double density = std::clamp(*controls.cop_density, 0.0, 1.0);
    detail::deploy_cops(w, ctx, std::llround(density * static_cast<double>(w.torus.cells())));
}

} // namespace unrest::phases
