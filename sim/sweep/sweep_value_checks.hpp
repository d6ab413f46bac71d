// The values a sweep sets (fixed values, each axis's values), checked against the scenario itself
// by loading it with them as overrides: an error points at the value in the sweep file.
#pragma once

#include "../scenario/yaml_reader.hpp"
#include "sweep_spec.hpp"

#include <string>
#include <vector>

namespace unrest::detail {

// A value the sweep sets, to be checked against the scenario.
struct ValueCheck {
    std::string key;   // scenario key path
    std::string value; // override text
    Field at;          // where in the sweep file it was written
};

// Every value the sweep sets is one the scenario accepts; otherwise a ScenarioError at the value
// (or the scenario file's own error). `varied` holds one non-empty list per axis.
void check_values(const YamlReader& r, const SweepSpec& spec, const std::vector<ValueCheck>& fixed,
                  const std::vector<std::vector<ValueCheck>>& varied);

} // namespace unrest::detail
