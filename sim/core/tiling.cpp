#include "tiling.hpp"

namespace unrest {

namespace {
// Splits [0, n) into `count` near-equal parts.
std::vector<int> split(int n, int count) {
    std::vector<int> starts(static_cast<std::size_t>(count) + 1);
    for (int i = 0; i <= count; ++i) {
        starts[i] = static_cast<int>(static_cast<long long>(n) * i / count);
    }
    return starts;
}

int parts(int n, int min_side) {
    return min_side <= 0 ? 1 : std::max(1, n / min_side);
}

// A proper colouring of a cycle of `count` tiles: 1 colour for a single tile, 2 when even,
// 3 when odd (the last tile takes the third colour).
int cycle_colours(int count) {
    return count == 1 ? 1 : (count % 2 == 0 ? 2 : 3);
}
int cycle_colour(int i, int count) {
    if (count == 1) {
        return 0;
    }
    if (count % 2 == 1 && i == count - 1) {
        return 2;
    }
    return i % 2;
}
} // namespace

Tiling::Tiling(const Torus& torus, int min_side) {
    const int nx = parts(torus.width(), min_side);
    const int ny = parts(torus.height(), min_side);
    x_start_ = split(torus.width(), nx);
    y_start_ = split(torus.height(), ny);
    colours_x_ = cycle_colours(nx);
    colours_y_ = cycle_colours(ny);

    colour_of_tile_.resize(static_cast<std::size_t>(nx) * ny);
    by_colour_.resize(static_cast<std::size_t>(colours_x_) * colours_y_);
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const int t = j * nx + i;
            const int k = cycle_colour(j, ny) * colours_x_ + cycle_colour(i, nx);
            colour_of_tile_[t] = k;
            by_colour_[k].push_back(t);
        }
    }
    tile_of_cell_.resize(static_cast<std::size_t>(torus.cells()));
    for (int j = 0; j < ny; ++j) {
        for (int y = y_start_[j]; y < y_start_[j + 1]; ++y) {
            for (int i = 0; i < nx; ++i) {
                for (int x = x_start_[i]; x < x_start_[i + 1]; ++x) {
                    tile_of_cell_[torus.index(x, y)] = j * nx + i;
                }
            }
        }
    }
}

} // namespace unrest
