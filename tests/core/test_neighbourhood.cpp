#include "sim/core/neighbourhood.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>
#include <utility>
#include <vector>

using namespace unrest;

// Cell counts of each shape, by hand: a disc of radius 7 has 149 lattice points (NetLogo
// in-radius 7); a von Neumann diamond of radius r has 2r(r+1)+1 = 113 at r = 7 (Mesa: 112
// without the centre); a Moore square of radius r has (2r+1)^2.
TEST(Neighbourhood, SizesOfEachShape) {
    EXPECT_EQ(Neighbourhood(VisionShape::disc, 7, true).size(), 149u);
    EXPECT_EQ(Neighbourhood(VisionShape::disc, 7, false).size(), 148u);
    EXPECT_EQ(Neighbourhood(VisionShape::von_neumann, 7, true).size(), 113u);
    EXPECT_EQ(Neighbourhood(VisionShape::von_neumann, 7, false).size(), 112u);
    EXPECT_EQ(Neighbourhood(VisionShape::moore, 2, true).size(), 25u);
    EXPECT_EQ(Neighbourhood(VisionShape::moore, 1, false).size(), 8u);
    // Epstein's run 1: v = 1.7 as a disc is the 3x3 block (1^2 + 1^2 = 2 <= 2.89).
    EXPECT_EQ(Neighbourhood(VisionShape::disc, 1.7, true).size(), 9u);
    // ... and as a diamond, the four neighbours N, S, E, W.
    EXPECT_EQ(Neighbourhood(VisionShape::von_neumann, 1.7, false).size(), 4u);
    // Points on the circle are inside: radius 5 contains (3, 4).
    const Neighbourhood d5(VisionShape::disc, 5, true);
    const auto& o = d5.offsets();
    EXPECT_TRUE(std::any_of(o.begin(), o.end(), [](Offset x) { return x.dx == 3 && x.dy == 4; }));
    EXPECT_EQ(d5.size(), 81u); // Gauss circle problem N(5) = 81
}

TEST(Neighbourhood, ShapesMatchTheirDefinitions) {
    for (const double r : {1.0, 1.5, 2.9, 4.0, 7.0}) {
        for (const VisionShape s :
             {VisionShape::disc, VisionShape::von_neumann, VisionShape::moore}) {
            const Neighbourhood n(s, r, true);
            std::set<std::pair<int, int>> got;
            for (const Offset& o : n.offsets()) {
                got.insert({o.dx, o.dy});
            }
            std::set<std::pair<int, int>> want;
            const int ri = static_cast<int>(r);
            for (int dy = -ri; dy <= ri; ++dy) {
                for (int dx = -ri; dx <= ri; ++dx) {
                    const bool in = s == VisionShape::disc ? dx * dx + dy * dy <= r * r
                                    : s == VisionShape::von_neumann
                                        ? std::abs(dx) + std::abs(dy) <= ri
                                        : true;
                    if (in) {
                        want.insert({dx, dy});
                    }
                }
            }
            EXPECT_EQ(got, want) << "shape " << static_cast<int>(s) << " r=" << r;
            EXPECT_EQ(n.reach(), ri);
            // Point symmetry, which the count field relies on.
            for (const auto& [dx, dy] : got) {
                EXPECT_TRUE(got.count({-dx, -dy}));
            }
        }
    }
}

// The loader refuses a radius by its reach before building the neighbourhood (which may be too
// large to build): reach_of must be the reach of what would be built, tolerance included.
TEST(Neighbourhood, ReachIsKnownBeforeBuilding) {
    for (const double r :
         {0.5, 1.0, 1.5, 1.7, 2.9, 2.9999999999, 4.0, 7.0, 7.0000000001, 99.9999999995, 100.4}) {
        for (const VisionShape s :
             {VisionShape::disc, VisionShape::von_neumann, VisionShape::moore}) {
            EXPECT_EQ(Neighbourhood::reach_of(r), Neighbourhood(s, r, true).reach())
                << "shape " << static_cast<int>(s) << " r=" << r;
        }
    }
    EXPECT_EQ(Neighbourhood::reach_of(2.9999999999), 3);
    EXPECT_EQ(Neighbourhood::reach_of(20000), 20000);
}

TEST(Neighbourhood, OwnCellOnlyWhenAsked) {
    const Neighbourhood with(VisionShape::disc, 3, true);
    const Neighbourhood without(VisionShape::disc, 3, false);
    auto has_own = [](const Neighbourhood& n) {
        return std::any_of(n.offsets().begin(), n.offsets().end(),
                           [](Offset o) { return o.dx == 0 && o.dy == 0; });
    };
    EXPECT_TRUE(has_own(with));
    EXPECT_FALSE(has_own(without));
    // Move candidates never include the own cell.
    EXPECT_EQ(with.others().size(), with.size() - 1);
    EXPECT_EQ(without.others().size(), without.size());
}

TEST(Neighbourhood, RowWalkVisitsTheSameCellsAsOffsetsWithWrapping) {
    const Torus torus(17, 13);
    for (const bool own : {true, false}) {
        const Neighbourhood n(VisionShape::disc, 5, own);
        for (const CellIndex c : {0, 16, 12 * 17, 12 * 17 + 16, 6 * 17 + 8}) {
            std::vector<CellIndex> walked;
            for_each_visible(torus, n, c, [&](CellIndex s) { walked.push_back(s); });
            std::vector<CellIndex> shifted;
            for (const Offset& o : n.offsets()) {
                shifted.push_back(torus.shifted(c, o));
            }
            EXPECT_EQ(walked, shifted);
        }
    }
}

TEST(Torus, WrapsBothEdges) {
    const Torus t(10, 6);
    EXPECT_EQ(t.shifted(t.index(0, 0), {-1, -1}), t.index(9, 5));
    EXPECT_EQ(t.shifted(t.index(9, 5), {1, 1}), t.index(0, 0));
    EXPECT_EQ(t.shifted(t.index(3, 2), {7, 4}), t.index(0, 0));
    EXPECT_EQ(Torus::wrap(-11, 10), 9);
}
