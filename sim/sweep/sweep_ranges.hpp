// A swept parameter given as a range ({from, to, count[, scale]}) or a distribution
// ({distribution, low, high}): read, checked and turned into a SweepAxis.
#pragma once

#include "../scenario/parameter_table.hpp"
#include "../scenario/yaml_reader.hpp"
#include "sweep_spec.hpp"
#include "sweep_value_checks.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unrest::detail {

// Most design points a sweep may have (a range's count, a design's points, a grid's product): a
// guard against a typo that would allocate billions of runs.
inline constexpr std::int64_t max_points = 1'000'000;

// The keys of a range or distribution: {from, to, count[, scale]} or {distribution, low, high}.
const std::vector<std::string>& range_keys();

// The axis of `parameter` (typed by `row`) from its range or distribution at `value`; the ends to
// check against the scenario are appended to `checks` (rounded as the design will round them).
SweepAxis read_range(const YamlReader& r, const Field& value, const std::string& parameter,
                     const ParameterDoc& row, SweepDesign design, std::vector<ValueCheck>& checks);

} // namespace unrest::detail
