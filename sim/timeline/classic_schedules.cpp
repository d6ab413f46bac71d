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

Timeline scenario_timeline(const std::vector<ScheduleChange>& legitimacy_changes,
                           const std::vector<ScheduleChange>& cop_density_changes,
                           std::vector<EventSpec> events) {
    std::vector<EventSpec> all =
        schedule_events("legitimacy", "legitimacy.changes", legitimacy_changes);
    for (EventSpec& s :
         schedule_events("cop_density", "cops.density_changes", cop_density_changes)) {
        all.push_back(std::move(s));
    }
    for (EventSpec& s : events) {
        all.push_back(std::move(s));
    }
    return Timeline(std::move(all));
}

} // namespace unrest
