// The one exception type of the output layer: a file or directory could not be written.
#pragma once

#include <stdexcept>
#include <string>

namespace unrest {

class OutputError : public std::runtime_error {
public:
    explicit OutputError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace unrest
