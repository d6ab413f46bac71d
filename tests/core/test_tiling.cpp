#include "sim/core/tiling.hpp"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>

using namespace unrest;

namespace {
// Chebyshev distance on the torus.
int torus_distance(const Torus& t, CellIndex a, CellIndex b) {
    int dx = std::abs(t.x_of(a) - t.x_of(b));
    int dy = std::abs(t.y_of(a) - t.y_of(b));
    dx = std::min(dx, t.width() - dx);
    dy = std::min(dy, t.height() - dy);
    return std::max(dx, dy);
}
} // namespace

TEST(Tiling, SmallGridIsOneTile) {
    const Torus t(40, 40);
    const Tiling tiling(t, 42); // vision 7: 6 x 7 = 42 > 40
    EXPECT_EQ(tiling.tiles(), 1);
    EXPECT_EQ(tiling.colours(), 1);
    EXPECT_EQ(Tiling(t, 0).tiles(), 1);
}

// The property that makes parallel random-sequential activation exact: any two cells in
// distinct tiles of the same colour are more than min_side apart (Chebyshev, on the torus).
TEST(Tiling, SameColourTilesAreFarApart) {
    for (const auto& [w, h, side] : {std::tuple{40, 40, 6}, std::tuple{100, 70, 12},
                                     std::tuple{45, 45, 7}, std::tuple{30, 90, 10}}) {
        const Torus t(w, h);
        const Tiling tiling(t, side);
        EXPECT_GT(tiling.tiles(), 1);
        for (int i = 0; i < tiling.tiles_x(); ++i) {
            EXPECT_GE(tiling.x_start(i + 1) - tiling.x_start(i), side);
        }
        int min_same_colour = 1 << 30;
        for (CellIndex a = 0; a < t.cells(); a += 7) {
            for (CellIndex b = 0; b < t.cells(); b += 5) {
                const int ta = tiling.tile_of(a);
                const int tb = tiling.tile_of(b);
                if (ta != tb && tiling.colour_of_tile(ta) == tiling.colour_of_tile(tb)) {
                    min_same_colour = std::min(min_same_colour, torus_distance(t, a, b));
                }
            }
        }
        EXPECT_GT(min_same_colour, side) << w << "x" << h << " side " << side;
        // Every tile has exactly one colour and appears in that colour's list.
        int listed = 0;
        for (int k = 0; k < tiling.colours(); ++k) {
            listed += static_cast<int>(tiling.tiles_of_colour(k).size());
        }
        EXPECT_EQ(listed, tiling.tiles());
    }
}
