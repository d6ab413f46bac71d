#include "load.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {
std::string located(const std::string& file, int line, int column, const std::string& key_path,
                    const std::string& message) {
    if (key_path.empty()) {
        return fmt::format("{}:{}:{}: {}", file, line, column, message);
    }
    return fmt::format("{}:{}:{}: {}: {}", file, line, column, key_path, message);
}
} // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string key_path,
                             std::string message)
    : std::runtime_error(located(file, line, column, key_path, message)), file_(std::move(file)),
      line_(line), column_(column), key_path_(std::move(key_path)), message_(std::move(message)) {}

} // namespace unrest
