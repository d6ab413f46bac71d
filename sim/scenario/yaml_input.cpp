#include "yaml_input.hpp"

#include "input_text.hpp"
#include "load.hpp"

#include <fmt/format.h>

namespace unrest::detail {

YAML::Node parse_yaml_input(const std::string& text, const std::string& file,
                            const KeySchema& schema) {
    // Text given in memory is held to the same cap as a file read from disk.
    check_input_size(file, text.size());
    check_input_text(text, file);
    try {
        prepass_yaml(text, file, schema);
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw ScenarioError(file, e.mark.line + 1, e.mark.column + 1, "",
                            fmt::format("expected valid YAML, found {}", e.msg));
    }
}

} // namespace unrest::detail
