#include "yaml_input.hpp"

#include "input_text.hpp"
#include "load.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string_view>

namespace unrest::detail {

namespace {

struct Position {
    int line = 0; // 1-based
    int column = 0;
};

// The first tab in the leading whitespace of the last line at or before `last_line` (1-based)
// that has one: where YAML's ban on tabs for indentation bites. yaml-cpp reports such a tab as
// "illegal map value" or the like, sometimes lines later.
std::optional<Position> indentation_tab(std::string_view text, int last_line) {
    std::optional<Position> found;
    std::size_t start = 0;
    for (int line = 1; line <= last_line && start < text.size(); ++line) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view content = text.substr(start, end - start);
        const std::size_t indent = std::min(content.find_first_not_of(" \t"), content.size());
        const std::size_t tab = content.substr(0, indent).find('\t');
        if (tab != std::string_view::npos) {
            found = Position{line, static_cast<int>(tab) + 1};
        }
        start = end + 1;
    }
    return found;
}

} // namespace

YAML::Node parse_yaml_input(const std::string& text, const std::string& file,
                            const KeySchema& schema) {
    // Text given in memory is held to the same cap as a file read from disk.
    check_input_size(file, text.size());
    check_input_text(text, file);
    try {
        prepass_yaml(text, file, schema);
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        if (const std::optional<Position> tab = indentation_tab(text, e.mark.line + 1)) {
            throw ScenarioError(file, tab->line, tab->column, "",
                                "expected spaces for indentation, found a tab (YAML does not "
                                "allow tabs there)");
        }
        throw ScenarioError(file, e.mark.line + 1, e.mark.column + 1, "",
                            fmt::format("expected valid YAML, found {}", e.msg));
    }
}

} // namespace unrest::detail
