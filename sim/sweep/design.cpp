#include "design.hpp"

#include "sim/core/rng.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace unrest {

namespace {

// Sobol direction numbers of S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
// two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635-2654: the first rows of
// their file new-joe-kuo-6.21201 (https://web.maths.unsw.edu.au/~fkuo/sobol/), for dimensions
// 2..50 (dimension 1 is the van der Corput sequence, all m_k = 1). Each row is the degree s of
// the primitive polynomial, its inner coefficients a (bits a_1 .. a_{s-1}, a_1 the highest) and
// the initial direction numbers m_1 .. m_s.
struct SobolRow {
    int s;
    std::uint32_t a;
    std::array<std::uint32_t, 8> m;
};

constexpr std::array<SobolRow, 49> sobol_rows = {{
    {1, 0, {1}},                             // 2
    {2, 1, {1, 3}},                          // 3
    {3, 1, {1, 3, 1}},                       // 4
    {3, 2, {1, 1, 1}},                       // 5
    {4, 1, {1, 1, 3, 3}},                    // 6
    {4, 4, {1, 3, 5, 13}},                   // 7
    {5, 2, {1, 1, 5, 5, 17}},                // 8
    {5, 4, {1, 1, 5, 5, 5}},                 // 9
    {5, 7, {1, 1, 7, 11, 19}},               // 10
    {5, 11, {1, 1, 5, 1, 1}},                // 11
    {5, 13, {1, 1, 1, 3, 11}},               // 12
    {5, 14, {1, 3, 5, 5, 31}},               // 13
    {6, 1, {1, 3, 3, 9, 7, 49}},             // 14
    {6, 13, {1, 1, 1, 15, 21, 21}},          // 15
    {6, 16, {1, 3, 1, 13, 27, 49}},          // 16
    {6, 19, {1, 1, 1, 15, 7, 5}},            // 17
    {6, 22, {1, 3, 1, 15, 13, 25}},          // 18
    {6, 25, {1, 1, 5, 5, 19, 61}},           // 19
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},      // 20
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},       // 21
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},        // 22
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},         // 23
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},      // 24
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},       // 25
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},      // 26
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},        // 27
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},        // 28
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},       // 29
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},       // 30
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},       // 31
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},       // 32
    {7, 50, {1, 3, 1, 3, 5, 53, 69}},        // 33
    {7, 55, {1, 1, 5, 5, 23, 33, 13}},       // 34
    {7, 56, {1, 1, 7, 7, 1, 61, 123}},       // 35
    {7, 59, {1, 1, 7, 9, 13, 61, 49}},       // 36
    {7, 62, {1, 3, 3, 5, 3, 55, 33}},        // 37
    {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}}, // 38
    {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}},  // 39
    {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}}, // 40
    {8, 38, {1, 3, 1, 11, 27, 43, 71, 9}},   // 41
    {8, 47, {1, 1, 7, 15, 21, 11, 81, 45}},  // 42
    {8, 49, {1, 3, 7, 3, 25, 31, 65, 79}},   // 43
    {8, 50, {1, 3, 1, 1, 19, 11, 3, 205}},   // 44
    {8, 52, {1, 1, 5, 9, 19, 21, 29, 157}},  // 45
    {8, 56, {1, 3, 7, 11, 1, 33, 89, 185}},  // 46
    {8, 67, {1, 3, 3, 3, 15, 9, 79, 71}},    // 47
    {8, 70, {1, 3, 7, 11, 15, 39, 119, 27}}, // 48
    {8, 84, {1, 1, 3, 1, 11, 31, 97, 225}},  // 49
    {8, 97, {1, 1, 1, 3, 23, 43, 57, 177}},  // 50
}};

constexpr int sobol_bits = 32;

// Direction numbers v_1 .. v_32 of one dimension (0-based), left-aligned in 32 bits:
// v_k = m_k 2^(32-k), with m_k for k > s from the recurrence of Bratley and Fox (1988):
// m_k = 2 a_1 m_{k-1} ^ 4 a_2 m_{k-2} ^ ... ^ 2^(s-1) a_{s-1} m_{k-s+1} ^ 2^s m_{k-s} ^ m_{k-s}.
std::array<std::uint32_t, sobol_bits> sobol_directions(std::size_t dim) {
    std::array<std::uint64_t, sobol_bits> m{};
    if (dim == 0) {
        m.fill(1);
    } else {
        const SobolRow& row = sobol_rows[dim - 1];
        const int s = row.s;
        for (int k = 0; k < s; ++k) {
            m[k] = row.m[k];
        }
        for (int k = s; k < sobol_bits; ++k) {
            std::uint64_t x = m[k - s] ^ (m[k - s] << s);
            for (int i = 1; i < s; ++i) {
                if ((row.a >> (s - 1 - i)) & 1u) {
                    x ^= m[k - i] << i;
                }
            }
            m[k] = x;
        }
    }
    std::array<std::uint32_t, sobol_bits> v{};
    for (int k = 0; k < sobol_bits; ++k) {
        // m_k < 2^k, so the shifted value fits in 32 bits.
        v[k] = static_cast<std::uint32_t>(m[k] << (sobol_bits - 1 - k));
    }
    return v;
}

void require(bool ok, const char* what) {
    if (!ok) {
        throw std::invalid_argument(what);
    }
}

bool is_range(SweepAxis::Kind kind) {
    return kind == SweepAxis::Kind::linear || kind == SweepAxis::Kind::log;
}

bool is_log(SweepAxis::Kind kind) {
    return kind == SweepAxis::Kind::log || kind == SweepAxis::Kind::log_uniform;
}

// The value at fraction t in [0, 1] of [low, high], linearly or in log10 space; the ends are
// exact. Decades come out exact too: in log10 space 1..1000 in 4 values is 1, 10, 100, 1000.
double range_value(const SweepAxis& axis, double t) {
    if (t <= 0.0) {
        return axis.low;
    }
    if (t >= 1.0) {
        return axis.high;
    }
    if (is_log(axis.kind)) {
        require(axis.low > 0.0 && axis.high > 0.0, "log axis bounds must be positive");
        const double a = std::log10(axis.low);
        const double b = std::log10(axis.high);
        return std::pow(10.0, a + (b - a) * t);
    }
    return axis.low + (axis.high - axis.low) * t;
}

} // namespace

std::vector<std::vector<double>> latin_hypercube(std::int64_t n, std::size_t d,
                                                 std::uint64_t seed) {
    require(n >= 0 && n <= std::numeric_limits<std::uint32_t>::max(),
            "latin_hypercube: n out of range");
    require(d <= std::numeric_limits<std::uint32_t>::max(), "latin_hypercube: d out of range");
    const auto count = static_cast<std::uint32_t>(n);
    const CounterRng rng(seed);
    const double dn = static_cast<double>(count);
    std::vector<std::vector<double>> points(count, std::vector<double>(d));
    std::vector<std::uint32_t> perm(count);
    for (std::size_t j = 0; j < d; ++j) {
        const auto agent = static_cast<std::uint32_t>(j);
        // Fisher-Yates, draw i picks the element that goes to position i (tick 0); the jitter of
        // point i is draw i of tick 1.
        std::iota(perm.begin(), perm.end(), 0u);
        for (std::uint32_t i = count; i > 1; --i) {
            const std::uint32_t k = rng.below(i, 0, agent, Purpose::design, i - 1);
            std::swap(perm[i - 1], perm[k]);
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            const double stratum = static_cast<double>(perm[i]);
            const double jitter = rng.uniform(1, agent, Purpose::design, i);
            double u = (stratum + jitter) / dn;
            // Rounding may carry u onto the upper edge of its stratum: keep it inside.
            const double upper = (stratum + 1.0) / dn;
            if (u >= upper) {
                u = std::nextafter(upper, 0.0);
            }
            points[i][j] = u;
        }
    }
    return points;
}

std::size_t sobol_max_dimension() {
    return sobol_rows.size() + 1;
}

std::vector<std::vector<double>> sobol_points(std::int64_t n, std::size_t d) {
    require(n >= 0 && n <= (std::int64_t{1} << sobol_bits), "sobol_points: n out of range");
    require(d <= sobol_max_dimension(), "sobol_points: too many dimensions");
    std::vector<std::array<std::uint32_t, sobol_bits>> v(d);
    for (std::size_t j = 0; j < d; ++j) {
        v[j] = sobol_directions(j);
    }
    const auto count = static_cast<std::size_t>(n);
    std::vector<std::vector<double>> points(count, std::vector<double>(d));
    std::vector<std::uint32_t> x(d, 0);
    // Antonov-Saleev: point i (Gray-code order) is point i-1 with the direction number of the
    // lowest zero bit of i-1 XOR-ed in. Point 0 is the origin.
    for (std::size_t i = 1; i < count; ++i) {
        int c = 0;
        for (std::size_t rest = i - 1; rest & 1u; rest >>= 1) {
            ++c;
        }
        for (std::size_t j = 0; j < d; ++j) {
            x[j] ^= v[j][c];
            points[i][j] = static_cast<double>(x[j]) * 0x1.0p-32;
        }
    }
    return points;
}

std::vector<std::string> axis_values(const SweepAxis& axis) {
    if (axis.kind == SweepAxis::Kind::list) {
        return axis.values;
    }
    require(is_range(axis.kind),
            "axis_values: a distribution axis (uniform, log_uniform) has no grid values");
    require(axis.count >= 1, "axis_values: a range needs count >= 1");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(axis.count));
    for (std::int64_t i = 0; i < axis.count; ++i) {
        const double t =
            axis.count == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(axis.count - 1);
        double v = axis.low;
        if (axis.count > 1) {
            if (i == axis.count - 1) {
                v = axis.high;
            } else if (is_log(axis.kind)) {
                v = range_value(axis, t);
            } else {
                // (high - low) i / (count - 1) rather than i times a step: 0..1 in 11 gives
                // 0.3, not 0.30000000000000004.
                v = axis.low + (axis.high - axis.low) * static_cast<double>(i) /
                                   static_cast<double>(axis.count - 1);
            }
        }
        out.push_back(format_value(v, axis.integer));
    }
    return out;
}

std::string axis_value_at(const SweepAxis& axis, double u) {
    require(u >= 0.0 && u < 1.0, "axis_value_at: u must be in [0, 1)");
    if (axis.kind == SweepAxis::Kind::list) {
        require(!axis.values.empty(), "axis_value_at: empty list axis");
        const std::size_t size = axis.values.size();
        const double ds = static_cast<double>(size);
        auto index = static_cast<std::size_t>(std::floor(u * ds));
        // u * size may round up onto the next index; the stratum test u < (k+1)/size decides.
        if (index > 0 && u < static_cast<double>(index) / ds) {
            --index;
        }
        return axis.values[std::min(size - 1, index)];
    }
    return format_value(range_value(axis, u), axis.integer);
}

Design::Design(const SweepSpec& spec) : spec_(&spec) {
    if (spec.design == SweepDesign::grid) {
        grid_values_.reserve(spec.axes.size());
        for (const SweepAxis& axis : spec.axes) {
            grid_values_.push_back(axis_values(axis));
            points_ *= static_cast<std::int64_t>(grid_values_.back().size());
        }
        return;
    }
    unit_ = spec.design == SweepDesign::lhs
                ? latin_hypercube(spec.points, spec.axes.size(), spec.design_seed)
                : sobol_points(spec.points, spec.axes.size());
    points_ = static_cast<std::int64_t>(unit_.size());
}

std::vector<std::string> Design::values(std::int64_t point) const {
    require(point >= 0 && point < points_, "Design::values: point out of range");
    const std::size_t d = spec_->axes.size();
    std::vector<std::string> row(d);
    if (spec_->design == SweepDesign::grid) {
        // Mixed radix, the last axis the lowest digit (it turns fastest).
        std::int64_t rest = point;
        for (std::size_t j = d; j-- > 0;) {
            const auto size = static_cast<std::int64_t>(grid_values_[j].size());
            row[j] = grid_values_[j][static_cast<std::size_t>(rest % size)];
            rest /= size;
        }
        return row;
    }
    const std::vector<double>& u = unit_[static_cast<std::size_t>(point)];
    for (std::size_t j = 0; j < d; ++j) {
        row[j] = axis_value_at(spec_->axes[j], u[j]);
    }
    return row;
}

std::vector<std::vector<std::string>> design_points(const SweepSpec& spec) {
    const Design design(spec);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(static_cast<std::size_t>(design.points()));
    for (std::int64_t p = 0; p < design.points(); ++p) {
        rows.push_back(design.values(p));
    }
    return rows;
}

std::string format_value(double v, bool integer) {
    if (std::isnan(v)) {
        return ".nan";
    }
    if (std::isinf(v)) {
        return v > 0 ? ".inf" : "-.inf";
    }
    if (integer) {
        return fmt::format("{}", std::llround(v));
    }
    return fmt::format("{}", v);
}

} // namespace unrest
