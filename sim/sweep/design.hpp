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

// Every design point of the spec, in order: rows of axis values (one per axis, in axis order).
// grid: Cartesian product, the last axis varying fastest.
std::vector<std::vector<std::string>> design_points(const SweepSpec& spec);

// A double as YAML scalar text: shortest form that reads back exactly; integers without ".0".
std::string format_value(double v, bool integer);

} // namespace unrest
