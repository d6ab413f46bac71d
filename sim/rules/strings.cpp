// Names of the rule switches, as written in scenario files and outputs.
#include "citizen.hpp"
#include "jail.hpp"

namespace unrest {

const char* to_string(ArrestRatio r) noexcept {
    switch (r) {
    case ArrestRatio::exact:
        return "exact";
    case ArrestRatio::floor:
        return "floor";
    case ArrestRatio::round_half_even:
        return "round_half_even";
    }
    return "?";
}

const char* to_string(SelfCount s) noexcept {
    return s == SelfCount::once ? "once" : "again_if_active";
}

const char* to_string(JailTermDraw d) noexcept {
    switch (d) {
    case JailTermDraw::uniform_real:
        return "uniform_real";
    case JailTermDraw::integer_below:
        return "integer_below";
    case JailTermDraw::integer_inclusive:
        return "integer_inclusive";
    }
    return "?";
}

const char* to_string(JailPlacement p) noexcept {
    switch (p) {
    case JailPlacement::off_grid:
        return "off_grid";
    case JailPlacement::in_place_free:
        return "in_place_free";
    case JailPlacement::in_place_blocking:
        return "in_place_blocking";
    }
    return "?";
}

const char* to_string(JailCountdown c) noexcept {
    switch (c) {
    case JailCountdown::start_of_tick:
        return "start_of_tick";
    case JailCountdown::end_of_tick:
        return "end_of_tick";
    case JailCountdown::own_activation:
        return "own_activation";
    }
    return "?";
}

} // namespace unrest
