#include "registry.hpp"

namespace unrest {

// Each defined in its own file, NAME_event.cpp.
const EventType& legitimacy_event_type();
const EventType& price_event_type();
const EventType& force_level_event_type();
const EventType& curfew_event_type();
const EventType& comms_event_type();
const EventType& contingent_event_type();
const EventType& cop_density_event_type();
const EventType& police_withdrawal_event_type();

const std::vector<const EventType*>& event_types() {
    static const std::vector<const EventType*> types{
        &legitimacy_event_type(),  &price_event_type(),
        &force_level_event_type(), &curfew_event_type(),
        &comms_event_type(),       &contingent_event_type(),
        &cop_density_event_type(), &police_withdrawal_event_type(),
    };
    return types;
}

const EventType* find_event_type(std::string_view name) {
    for (const EventType* t : event_types()) {
        if (t->name == name) {
            return t;
        }
    }
    return nullptr;
}

std::vector<std::string> event_type_names() {
    std::vector<std::string> names;
    for (const EventType* t : event_types()) {
        names.push_back(t->name);
    }
    return names;
}

} // namespace unrest
