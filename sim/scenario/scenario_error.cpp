#include "input_text.hpp"
#include "load.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {
// FILE:LINE:COLUMN: key.path: message, or FILE: key.path: message for a problem with the file as
// a whole (line 0), such as a missing file. Input bytes in any part are escaped (printable()): a
// message never carries control characters to a terminal.
std::string located(const std::string& file, int line, int column, const std::string& key_path,
                    const std::string& message) {
    const std::string where = line == 0 ? file : fmt::format("{}:{}:{}", file, line, column);
    if (key_path.empty()) {
        return detail::printable(fmt::format("{}: {}", where, message));
    }
    return detail::printable(fmt::format("{}: {}: {}", where, key_path, message));
}
} // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string key_path,
                             std::string message)
    : std::runtime_error(located(file, line, column, key_path, message)), file_(std::move(file)),
      line_(line), column_(column), key_path_(detail::printable(key_path)),
      message_(detail::printable(message)) {}

} // namespace unrest
