#include "model_config.hpp"

namespace unrest {

const char* to_string(InitialCounts c) noexcept {
    return c == InitialCounts::exact ? "exact" : "random";
}

const char* to_string(ActivationMode m) noexcept {
    return m == ActivationMode::random_sequential ? "random_sequential" : "simultaneous";
}

const char* to_string(TilingMode m) noexcept {
    return m == TilingMode::automatic ? "auto" : "single";
}

} // namespace unrest
