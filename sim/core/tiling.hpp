// The decomposition that lets random-sequential activation run in parallel (see
// docs/activation.md).
//
// The grid is cut into rectangular tiles at least `min_side` cells wide in each direction, and
// the tiles are coloured so that two tiles of the same colour are separated, in x or in y, by at
// least one whole tile. Processing one agent reads cells within 2m and writes cells within 3m of
// its starting cell (m = the vision reach: move up to m, then look up to m further, arrest there
// and update the counts within m of the arrestee), so with min_side >= 6m two agents in
// different tiles of one colour can never affect each other. The tiling depends only on the
// grid and the vision, never on the number of threads.
#pragma once

#include "grid.hpp"

#include <vector>

namespace unrest {

class Tiling {
public:
    // min_side <= 0 or larger than the grid gives a single tile.
    Tiling(const Torus& torus, int min_side);

    int tiles_x() const noexcept { return static_cast<int>(x_start_.size()) - 1; }
    int tiles_y() const noexcept { return static_cast<int>(y_start_.size()) - 1; }
    int tiles() const noexcept { return tiles_x() * tiles_y(); }
    int colours() const noexcept { return colours_x_ * colours_y_; }

    int tile_of(CellIndex c) const noexcept { return tile_of_cell_[c]; }
    int colour_of_tile(int t) const noexcept { return colour_of_tile_[t]; }
    // Tiles of colour k, in increasing index.
    const std::vector<int>& tiles_of_colour(int k) const noexcept { return by_colour_[k]; }

    int x_start(int i) const noexcept { return x_start_[i]; }
    int y_start(int j) const noexcept { return y_start_[j]; }

private:
    std::vector<int> x_start_; // tile column i covers [x_start_[i], x_start_[i+1])
    std::vector<int> y_start_;
    int colours_x_ = 1;
    int colours_y_ = 1;
    std::vector<int> tile_of_cell_;
    std::vector<int> colour_of_tile_;
    std::vector<std::vector<int>> by_colour_;
};

} // namespace unrest
