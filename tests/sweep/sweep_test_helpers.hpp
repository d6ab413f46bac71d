// Small builders shared by the sweep unit tests.
#pragma once

#include "sim/sweep/sweep_spec.hpp"

#include <string>
#include <utility>
#include <vector>

namespace unrest::testing {

using Strings = std::vector<std::string>;

inline SweepAxis list_axis(std::string key, Strings values) {
    return SweepAxis{
        .key = std::move(key), .kind = SweepAxis::Kind::list, .values = std::move(values)};
}

} // namespace unrest::testing
