#include "neighbourhood.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace unrest {

namespace {
// Tolerance so that v = sqrt(2) style radii include the lattice points on the circle.
constexpr double disc_epsilon = 1e-9;

int half_width_of_row(VisionShape shape, double radius, int dy) {
    const int r = Neighbourhood::reach_of(radius);
    switch (shape) {
    case VisionShape::disc: {
        const double rest = radius * radius - static_cast<double>(dy) * dy;
        return rest < -disc_epsilon
                   ? -1
                   : static_cast<int>(std::floor(std::sqrt(std::max(rest, 0.0)) + disc_epsilon));
    }
    case VisionShape::von_neumann:
        return r - std::abs(dy);
    case VisionShape::moore:
        return std::abs(dy) <= r ? r : -1;
    }
    return -1;
}
} // namespace

int Neighbourhood::reach_of(double radius) noexcept {
    // Row 0 spans [-r, r] in every shape (a disc's half width there is floor(radius + epsilon)
    // too), and no row reaches further or lies further out.
    return static_cast<int>(std::floor(radius + disc_epsilon));
}

Neighbourhood::Neighbourhood(VisionShape shape, double radius, bool include_own_cell)
    : shape_(shape), radius_(radius), include_own_(include_own_cell) {
    const int r = reach_of(radius);
    for (int dy = -r; dy <= r; ++dy) {
        const int w = half_width_of_row(shape, radius, dy);
        if (w < 0) {
            continue;
        }
        rows_.push_back({dy, w});
        reach_ = std::max({reach_, std::abs(dy), w});
        for (int dx = -w; dx <= w; ++dx) {
            const bool own = dx == 0 && dy == 0;
            if (!own) {
                others_.push_back({dx, dy});
            }
            if (!own || include_own_cell) {
                offsets_.push_back({dx, dy});
            }
        }
    }
}

} // namespace unrest
