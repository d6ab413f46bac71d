#include "classic_schedules.hpp"

#include "registry.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

std::vector<EventSpec> schedule_events(std::string_view type, std::string_view path,
                                       const std::vector<ScheduleChange>& changes) {
    const EventType* event_type = find_event_type(type);
    if (event_type == nullptr) {
        throw std::invalid_argument(fmt::format("no event type '{}'", type));
    }
    std::vector<EventSpec> out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const ScheduleChange& c = changes[i];
        EventSpec s;
        s.type = event_type;
        s.index = i;
        s.origin = fmt::format("{}[{}]", path, i);
        using K = ScheduleChange::Kind;
        switch (c.kind) {
        case K::set:
            s.at = c.from;
            s.params.set("set", c.value);
            break;
        case K::ramp:
            s.from = c.from;
            s.to = c.to;
            s.params.set("ramp_to", c.value);
            break;
        case K::add_per_tick:
        case K::multiply_per_tick:
            s.from = c.from;
            if (c.to != forever) {
                s.to = c.to + 1;
            }
            s.params.set(c.kind == K::add_per_tick ? "add_per_tick" : "multiply_per_tick", c.value);
            break;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace unrest
