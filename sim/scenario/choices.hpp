// The names of the enumerated switches as written in scenario files: one table per enum, used
// to read a name, to write one back (resolved_yaml) and to document the choices.
#pragma once

#include "../engine/model_config.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace unrest::detail {

template <class E>
struct Choice {
    std::string_view name;
    E value;
};

inline constexpr std::array<Choice<InitialCounts>, 2> initial_counts_choices{{
    {"exact", InitialCounts::exact},
    {"random", InitialCounts::random},
}};

inline constexpr std::array<Choice<VisionShape>, 3> vision_shape_choices{{
    {"disc", VisionShape::disc},
    {"von_neumann", VisionShape::von_neumann},
    {"moore", VisionShape::moore},
}};

inline constexpr std::array<Choice<SelfCount>, 2> self_count_choices{{
    {"once", SelfCount::once},
    {"again_if_active", SelfCount::again_if_active},
}};

inline constexpr std::array<Choice<ArrestRatio>, 3> arrest_ratio_choices{{
    {"exact", ArrestRatio::exact},
    {"floor", ArrestRatio::floor},
    {"round_half_even", ArrestRatio::round_half_even},
}};

inline constexpr std::array<Choice<JailTermDraw>, 3> jail_term_choices{{
    {"uniform_real", JailTermDraw::uniform_real},
    {"integer_below", JailTermDraw::integer_below},
    {"integer_inclusive", JailTermDraw::integer_inclusive},
}};

inline constexpr std::array<Choice<JailPlacement>, 3> jail_placement_choices{{
    {"off_grid", JailPlacement::off_grid},
    {"in_place_free", JailPlacement::in_place_free},
    {"in_place_blocking", JailPlacement::in_place_blocking},
}};

inline constexpr std::array<Choice<JailCountdown>, 3> jail_countdown_choices{{
    {"start_of_tick", JailCountdown::start_of_tick},
    {"end_of_tick", JailCountdown::end_of_tick},
    {"own_activation", JailCountdown::own_activation},
}};

inline constexpr std::array<Choice<ActivationOrder>, 2> activation_order_choices{{
    {"move_then_act", ActivationOrder::move_then_act},
    {"act_then_move", ActivationOrder::act_then_move},
}};

inline constexpr std::array<Choice<ActivationMode>, 2> activation_mode_choices{{
    {"random_sequential", ActivationMode::random_sequential},
    {"simultaneous", ActivationMode::simultaneous},
}};

inline constexpr std::array<Choice<TilingMode>, 2> tiling_choices{{
    {"auto", TilingMode::automatic},
    {"single", TilingMode::single},
}};

template <class E>
std::optional<E> choice_value(std::span<const Choice<E>> choices, std::string_view name) {
    for (const Choice<E>& c : choices) {
        if (c.name == name) {
            return c.value;
        }
    }
    return std::nullopt;
}

template <class E>
std::string choice_name(std::span<const Choice<E>> choices, E value) {
    for (const Choice<E>& c : choices) {
        if (c.value == value) {
            return std::string(c.name);
        }
    }
    return "?";
}

// "a | b | c"
template <class E>
std::string choice_list(std::span<const Choice<E>> choices, std::string_view separator = " | ") {
    std::string out;
    for (const Choice<E>& c : choices) {
        if (!out.empty()) {
            out += separator;
        }
        out += c.name;
    }
    return out;
}

} // namespace unrest::detail
