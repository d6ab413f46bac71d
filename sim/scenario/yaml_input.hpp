// Input text -> YAML tree, for scenario and sweep files alike, with every problem a ScenarioError
// (load.hpp): first the checks on the raw text (input_text.hpp), then the pre-pass over the parse
// events (yaml_prepass.hpp), then yaml-cpp's parse.
#pragma once

#include "yaml_prepass.hpp"

#include <string>
#include <yaml-cpp/yaml.h>

namespace unrest::detail {

// The single document of `text`; `file` names it in errors, `schema` gives the keys the pre-pass
// checks. A parse error after a tab in the indentation of a line is reported at the tab:
//   FILE:L:C: expected spaces for indentation, found a tab (YAML does not allow tabs there)
YAML::Node parse_yaml_input(const std::string& text, const std::string& file,
                            const KeySchema& schema);

} // namespace unrest::detail
