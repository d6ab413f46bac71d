// Which scenario keys a sweep may vary or hold fixed (sweep_parameter_keys() in sweep_spec.hpp
// lists the model keys), and how each is typed.
#pragma once

#include "../scenario/parameter_table.hpp"

#include <string>
#include <string_view>

namespace unrest::detail {

// The row of the parameter table that types sweep parameter `name`: a model key, a timeline
// event's key by the event's id (timeline.<id>.<key>) or a region's model key by the region's
// name (regions.<name>.<key>); null when `name` is none of these.
const ParameterDoc* sweep_parameter_row(std::string_view name);

// Why `name` may not be varied or held fixed, or "" when it may.
std::string sweep_parameter_problem(const std::string& name);

// Whether a parameter of this table type takes numbers (ranges and distributions need them).
bool is_numeric_type(const std::string& type);

} // namespace unrest::detail
