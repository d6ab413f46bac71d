#include "sim/sweep/design.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <vector>

using namespace unrest;

namespace {

SweepAxis list_axis(std::string key, std::vector<std::string> values) {
    return SweepAxis{
        .key = std::move(key), .kind = SweepAxis::Kind::list, .values = std::move(values)};
}

// (Designated initialisers rather than assignments: GCC 12 at -O3 warns falsely, -Wrestrict,
// on assigning a string literal to a std::string member here.)
SweepAxis range_axis(SweepAxis::Kind kind, double low, double high, std::int64_t count,
                     bool integer = false) {
    return SweepAxis{.key = std::string("k"),
                     .kind = kind,
                     .values = {},
                     .low = low,
                     .high = high,
                     .count = count,
                     .integer = integer};
}

using Strings = std::vector<std::string>;

// Checks that coordinate j of the points puts exactly one point in each stratum [k/n, (k+1)/n).
void expect_stratified(const std::vector<std::vector<double>>& points, std::size_t j,
                       std::size_t strata) {
    std::vector<int> hits(strata, 0);
    const double dn = static_cast<double>(strata);
    for (const auto& p : points) {
        const double u = p[j];
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        auto k = static_cast<std::size_t>(std::floor(u * dn));
        k = std::min(k, strata - 1);
        // Decide at the boundary by the same comparison as the stratum definition.
        if (k > 0 && u < static_cast<double>(k) / dn) {
            --k;
        }
        ASSERT_GE(u, static_cast<double>(k) / dn);
        ASSERT_LT(u, static_cast<double>(k + 1) / dn);
        ++hits[k];
    }
    for (std::size_t k = 0; k < strata; ++k) {
        EXPECT_EQ(hits[k], 1) << "dimension " << j << " stratum " << k << " of " << strata;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// format_value

TEST(FormatValue, ShortestRoundTrip) {
    EXPECT_EQ(format_value(0.1, false), "0.1");
    EXPECT_EQ(format_value(2.0, false), "2");
    EXPECT_EQ(format_value(-3.5, false), "-3.5");
    EXPECT_EQ(format_value(0.0, false), "0");
    EXPECT_EQ(format_value(1e-5, false), "1e-05");
    EXPECT_EQ(format_value(0.1 + 0.2, false), "0.30000000000000004");
    for (const double v : {0.1, 1.0 / 3.0, 2.5e-300, 123456.789, 6.02214076e23, -0.7}) {
        EXPECT_EQ(std::strtod(format_value(v, false).c_str(), nullptr), v) << v;
    }
}

TEST(FormatValue, IntegersRoundToNearest) {
    EXPECT_EQ(format_value(2.0, true), "2");
    EXPECT_EQ(format_value(2.4, true), "2");
    EXPECT_EQ(format_value(2.5, true), "3");
    EXPECT_EQ(format_value(-2.5, true), "-3");
    EXPECT_EQ(format_value(1e6, true), "1000000");
}

// ---------------------------------------------------------------------------------------------
// axis_values

TEST(AxisValues, ListIsVerbatim) {
    EXPECT_EQ(axis_values(list_axis("a", {"x", "true", "0.5"})), (Strings{"x", "true", "0.5"}));
}

TEST(AxisValues, Linear) {
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::linear, 0.0, 1.0, 5)),
              (Strings{"0", "0.25", "0.5", "0.75", "1"}));
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::linear, 0.0, 1.0, 11)),
              (Strings{"0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"}));
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::linear, 2.0, -2.0, 3)),
              (Strings{"2", "0", "-2"}));
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::linear, 0.7, 0.9, 1)), (Strings{"0.7"}));
}

TEST(AxisValues, Log) {
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::log, 1.0, 1000.0, 4)),
              (Strings{"1", "10", "100", "1000"}));
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::log, 0.01, 1.0, 3)),
              (Strings{"0.01", "0.1", "1"}));
    const Strings v = axis_values(range_axis(SweepAxis::Kind::log, 1.0, 100.0, 3));
    EXPECT_EQ(v, (Strings{"1", "10", "100"}));
    EXPECT_THROW(axis_values(range_axis(SweepAxis::Kind::log, 0.0, 1.0, 3)), std::invalid_argument);
}

TEST(AxisValues, IntegerAxesAreRoundedNotDeduplicated) {
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::linear, 0.0, 10.0, 4, true)),
              (Strings{"0", "3", "7", "10"}));
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::linear, 1.0, 2.0, 4, true)),
              (Strings{"1", "1", "2", "2"}));
    EXPECT_EQ(axis_values(range_axis(SweepAxis::Kind::log, 1.0, 100.0, 5, true)),
              (Strings{"1", "3", "10", "32", "100"}));
}

TEST(AxisValues, DistributionsHaveNoGridValues) {
    EXPECT_THROW(axis_values(range_axis(SweepAxis::Kind::uniform, 0.0, 1.0, 0)),
                 std::invalid_argument);
    EXPECT_THROW(axis_values(range_axis(SweepAxis::Kind::log_uniform, 1.0, 2.0, 0)),
                 std::invalid_argument);
    EXPECT_THROW(axis_values(range_axis(SweepAxis::Kind::linear, 0.0, 1.0, 0)),
                 std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// axis_value_at

TEST(AxisValueAt, ListPicksTheStratum) {
    const SweepAxis a = list_axis("a", {"p", "q", "r"});
    EXPECT_EQ(axis_value_at(a, 0.0), "p");
    EXPECT_EQ(axis_value_at(a, 0.33), "p");
    EXPECT_EQ(axis_value_at(a, 1.0 / 3.0), "q");
    EXPECT_EQ(axis_value_at(a, 0.5), "q");
    EXPECT_EQ(axis_value_at(a, 0.67), "r");
    EXPECT_EQ(axis_value_at(a, std::nextafter(1.0, 0.0)), "r");
}

TEST(AxisValueAt, RangesAreContinuous) {
    EXPECT_EQ(axis_value_at(range_axis(SweepAxis::Kind::uniform, 2.0, 4.0, 0), 0.25), "2.5");
    EXPECT_EQ(axis_value_at(range_axis(SweepAxis::Kind::uniform, 2.0, 4.0, 0), 0.0), "2");
    // A linear range ignores count in lhs/sobol designs.
    EXPECT_EQ(axis_value_at(range_axis(SweepAxis::Kind::linear, 0.0, 1.0, 3), 0.125), "0.125");
    EXPECT_EQ(axis_value_at(range_axis(SweepAxis::Kind::log_uniform, 1.0, 10000.0, 0), 0.5), "100");
    EXPECT_EQ(axis_value_at(range_axis(SweepAxis::Kind::log, 0.001, 1000.0, 7), 0.0), "0.001");
    EXPECT_EQ(axis_value_at(range_axis(SweepAxis::Kind::uniform, 0.0, 10.0, 0, true), 0.26), "3");
    EXPECT_THROW(axis_value_at(range_axis(SweepAxis::Kind::uniform, 0.0, 1.0, 0), 1.0),
                 std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// latin_hypercube

TEST(LatinHypercube, EachStratumOncePerDimension) {
    for (const std::int64_t n : {1, 7, 100}) {
        const auto points = latin_hypercube(n, 4, 12345);
        ASSERT_EQ(points.size(), static_cast<std::size_t>(n));
        for (const auto& p : points) {
            ASSERT_EQ(p.size(), 4u);
        }
        for (std::size_t j = 0; j < 4; ++j) {
            expect_stratified(points, j, static_cast<std::size_t>(n));
        }
    }
}

TEST(LatinHypercube, ReproducibleForASeedAndDifferentAcrossSeeds) {
    const auto a = latin_hypercube(50, 3, 7);
    EXPECT_EQ(a, latin_hypercube(50, 3, 7));
    EXPECT_NE(a, latin_hypercube(50, 3, 8));
    // Independent of the other dimensions: the first columns do not depend on d.
    const auto wide = latin_hypercube(50, 5, 7);
    for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = 0; j < 3; ++j) {
            EXPECT_EQ(a[i][j], wide[i][j]);
        }
    }
    // The dimensions are permuted independently.
    std::size_t same = 0;
    for (const auto& p : a) {
        same += static_cast<std::size_t>(std::floor(p[0] * 50) == std::floor(p[1] * 50));
    }
    EXPECT_LT(same, 10u);
}

TEST(LatinHypercube, EmptyDesigns) {
    EXPECT_TRUE(latin_hypercube(0, 3, 1).empty());
    const auto p = latin_hypercube(4, 0, 1);
    ASSERT_EQ(p.size(), 4u);
    EXPECT_TRUE(p[0].empty());
    EXPECT_THROW(latin_hypercube(-1, 2, 1), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// sobol_points

TEST(Sobol, FirstPointsIn2D) {
    const auto p = sobol_points(8, 2);
    const std::vector<double> x = {0, .5, .75, .25, .375, .875, .625, .125};
    const std::vector<double> y = {0, .5, .25, .75, .375, .875, .125, .625};
    ASSERT_EQ(p.size(), 8u);
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_EQ(p[i][0], x[i]) << i;
        EXPECT_EQ(p[i][1], y[i]) << i;
    }
}

// SciPy's unscrambled scipy.stats.qmc.Sobol(3) test (scipy/stats/tests/test_qmc.py,
// test_Unscrambled3DSobol): the third coordinate of the first ten points.
TEST(Sobol, ThirdDimensionMatchesScipy) {
    const auto p = sobol_points(10, 3);
    const std::vector<double> z = {0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.9375, 0.4375};
    for (std::size_t i = 0; i < 10; ++i) {
        EXPECT_EQ(p[i][2], z[i]) << i;
    }
}

// Reference points: the output of Joe and Kuo's own sobol.cc with new-joe-kuo-6.21201, as kept
// in the tests of JuliaMath/Sobol.jl (test/results/exp_results_20 and exp_results_50, generated
// by `./sobol N 1024 new-joe-kuo-6.21201`). Point 170 has Gray code 255, so each of its
// coordinates is the XOR of the direction numbers v_1 .. v_8: it checks every initial direction
// number m_1 .. m_8 of dimensions 1..50 at once.
TEST(Sobol, MatchesJoeKuoReferenceOutput) {
    const auto p = sobol_points(171, 50);
    const std::vector<std::pair<std::size_t, std::vector<double>>> rows = {
        {5, {0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375, 0.375, 0.125,
             0.375, 0.875, 0.875, 0.125, 0.875, 0.375, 0.875, 0.375, 0.375, 0.625}},
        {32, {0.046875, 0.265625, 0.703125, 0.546875, 0.140625, 0.921875, 0.796875,
              0.671875, 0.984375, 0.046875, 0.390625, 0.953125, 0.453125, 0.984375,
              0.984375, 0.109375, 0.171875, 0.046875, 0.421875, 0.515625}},
        {64, {0.0234375, 0.3984375, 0.8203125, 0.8359375, 0.6484375, 0.4453125, 0.6640625,
              0.2109375, 0.7421875, 0.1171875, 0.9453125, 0.2265625, 0.4296875, 0.5234375,
              0.8046875, 0.5078125, 0.8828125, 0.3203125, 0.3515625, 0.9453125}},
        {170, {0.99609375, 0.00390625, 0.30859375, 0.55078125, 0.57421875, 0.81640625, 0.12890625,
               0.63671875, 0.83984375, 0.30078125, 0.66015625, 0.59765625, 0.08203125, 0.67578125,
               0.91796875, 0.43359375, 0.67578125, 0.77734375, 0.28515625, 0.10546875, 0.99609375,
               0.79296875, 0.99609375, 0.60546875, 0.71484375, 0.26171875, 0.91796875, 0.01171875,
               0.33203125, 0.86328125, 0.45703125, 0.11328125, 0.84765625, 0.72265625, 0.81640625,
               0.56640625, 0.75390625, 0.79296875, 0.10546875, 0.77734375, 0.13671875, 0.85546875,
               0.91015625, 0.05859375, 0.60546875, 0.58984375, 0.58203125, 0.00390625, 0.71484375,
               0.02734375}},
    };
    ASSERT_EQ(rows.back().second.size(), 50u);
    for (const auto& [index, expected] : rows) {
        for (std::size_t j = 0; j < expected.size(); ++j) {
            EXPECT_EQ(p[index][j], expected[j]) << "point " << index << " dimension " << j + 1;
        }
    }
}

TEST(Sobol, FirstPowerOfTwoPointsFillEveryDyadicInterval) {
    const std::size_t d = sobol_max_dimension();
    ASSERT_GE(d, 16u);
    const auto p = sobol_points(1 << 10, d);
    for (int k = 0; k <= 10; ++k) {
        const std::size_t n = std::size_t{1} << k;
        const std::vector<std::vector<double>> head(p.begin(),
                                                    p.begin() + static_cast<std::ptrdiff_t>(n));
        for (std::size_t j = 0; j < d; ++j) {
            expect_stratified(head, j, n);
        }
    }
}

TEST(Sobol, Limits) {
    EXPECT_TRUE(sobol_points(0, 3).empty());
    EXPECT_EQ(sobol_points(1, 3), (std::vector<std::vector<double>>{{0, 0, 0}}));
    EXPECT_THROW(sobol_points(4, sobol_max_dimension() + 1), std::invalid_argument);
    EXPECT_THROW(sobol_points(-1, 1), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// design_points

TEST(DesignPoints, GridIsTheCartesianProductLastAxisFastest) {
    SweepSpec spec;
    spec.design = SweepDesign::grid;
    spec.axes.push_back(list_axis("a", {"x", "y"}));
    spec.axes.push_back(range_axis(SweepAxis::Kind::linear, 0.0, 1.0, 3));
    spec.axes.push_back(range_axis(SweepAxis::Kind::log, 1.0, 10.0, 2, true));
    const auto rows = design_points(spec);
    ASSERT_EQ(rows.size(), 2u * 3u * 2u);
    const std::vector<Strings> expected = {
        {"x", "0", "1"},   {"x", "0", "10"},   {"x", "0.5", "1"}, {"x", "0.5", "10"},
        {"x", "1", "1"},   {"x", "1", "10"},   {"y", "0", "1"},   {"y", "0", "10"},
        {"y", "0.5", "1"}, {"y", "0.5", "10"}, {"y", "1", "1"},   {"y", "1", "10"},
    };
    EXPECT_EQ(rows, expected);
}

TEST(DesignPoints, GridWithoutAxesIsOnePoint) {
    SweepSpec spec;
    const auto rows = design_points(spec);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].empty());
}

TEST(DesignPoints, LatinHypercubeMapsTheUnitPoints) {
    SweepSpec spec;
    spec.design = SweepDesign::lhs;
    spec.points = 6;
    spec.design_seed = 99;
    spec.axes.push_back(list_axis("a", {"p", "q", "r"}));
    spec.axes.push_back(range_axis(SweepAxis::Kind::uniform, 10.0, 20.0, 0));
    const auto rows = design_points(spec);
    const auto unit = latin_hypercube(6, 2, 99);
    ASSERT_EQ(rows.size(), 6u);
    int p = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 2u);
        EXPECT_EQ(rows[i][0], axis_value_at(spec.axes[0], unit[i][0]));
        EXPECT_EQ(rows[i][1], format_value(10.0 + 10.0 * unit[i][1], false));
        p += rows[i][0] == "p";
    }
    // Six strata over three values: each value exactly twice.
    EXPECT_EQ(p, 2);
    EXPECT_EQ(design_points(spec), rows);
    spec.design_seed = 100;
    EXPECT_NE(design_points(spec), rows);
}

TEST(DesignPoints, SobolMapsTheUnitPoints) {
    SweepSpec spec;
    spec.design = SweepDesign::sobol;
    spec.points = 4;
    spec.axes.push_back(range_axis(SweepAxis::Kind::uniform, 0.0, 8.0, 0));
    spec.axes.push_back(range_axis(SweepAxis::Kind::log_uniform, 1.0, 100.0, 0));
    spec.axes.push_back(list_axis("c", {"a", "b"}));
    const auto rows = design_points(spec);
    // Unit points (0,0,0), (.5,.5,.5), (.75,.25,.25), (.25,.75,.75).
    const std::vector<Strings> expected = {
        {"0", "1", "a"},
        {"4", "10", "b"},
        {"6", format_value(std::pow(10.0, 0.5), false), "a"},
        {"2", format_value(std::pow(10.0, 1.5), false), "b"},
    };
    EXPECT_EQ(rows, expected);
}
