// Design points of a sweep: for each point, one value (YAML scalar text) per axis.
#pragma once

#include "sweep_spec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unrest {

// The unit-cube points of a design, n x d, each coordinate in [0, 1).
std::vector<std::vector<double>> latin_hypercube(std::int64_t n, std::size_t d, std::uint64_t seed);
std::vector<std::vector<double>> sobol_points(std::int64_t n, std::size_t d);
// Largest dimension sobol_points supports.
std::size_t sobol_max_dimension();

// The values of a grid axis (list or linear/log range with count), as YAML scalar text.
std::vector<std::string> axis_values(const SweepAxis& axis);
// The value of an axis at unit coordinate u in [0, 1): lists pick index floor(u x size);
// linear/uniform map to low + u (high - low); log/log_uniform map in log space.
std::string axis_value_at(const SweepAxis& axis, double u);

// The design points of a sweep, each computed on demand from its index: a grid keeps each axis's
// values (the point is decoded from its index), LHS and Sobol keep the unit-cube coordinates.
class Design {
public:
    explicit Design(const SweepSpec& spec); // `spec` must outlive the design

    std::int64_t points() const noexcept { return points_; }
    // One value per axis (YAML scalar text, in axis order) of point `point` in [0, points()).
    // grid: Cartesian product, the last axis varying fastest.
    std::vector<std::string> values(std::int64_t point) const;

private:
    const SweepSpec* spec_;
    std::int64_t points_ = 1;
    std::vector<std::vector<std::string>> grid_values_; // grid: each axis's values
    std::vector<std::vector<double>> unit_;             // lhs, sobol: points x axes in [0, 1)
};

// Every design point of the spec, in order (Design::values of each point).
std::vector<std::vector<std::string>> design_points(const SweepSpec& spec);

// A double as YAML scalar text: shortest form that reads back exactly; integers without ".0".
std::string format_value(double v, bool integer);

} // namespace unrest
