// The event types by their YAML `type:` name. Adding a type: one file in sim/timeline/ defining
// `const EventType& NAME_event_type()` (see price_event.cpp), and one line in registry.cpp.
#pragma once

#include "event_type.hpp"

#include <string_view>
#include <vector>

namespace unrest {

// In documentation order.
const std::vector<const EventType*>& event_types();
// The type named `name`, or null.
const EventType* find_event_type(std::string_view name);
std::vector<std::string> event_type_names();

} // namespace unrest
