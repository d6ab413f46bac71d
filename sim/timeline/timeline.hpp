// The scenario's typed events (MODEL.md §3; docs/timeline.md): an immutable list of event specs
// read from the `timeline:` block (and from the classic schedules, classic_schedules.hpp), and,
// per run, the TimelineSource the engine calls at the start of each tick.
//
// Order within a tick: first the end() of every event whose `to` is this tick, in file order;
// then, in file order, the begin() of the events due now (`at` or `from`) and the step() of those
// in force. An event aimed at every region acts on the regions in their order. No randomness.
#pragma once

#include "../engine/timeline_source.hpp"
#include "event_params.hpp"
#include "event_type.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

struct EventSpec {
    const EventType* type = nullptr; // from the registry
    std::string id;                  // unique within the timeline; "" when none was given
    bool enabled = true;             // false: read, checked and printed, never applied
    std::string region;              // the region's name; "" for every region
    std::optional<Tick> at;          // either at (>= 1) ...
    std::optional<Tick> from;        // ... or from (>= 1),
    std::optional<Tick> to;          // with an optional to (> from); none: until the run ends
    EventParams params;              // the type's own keys
    std::size_t index = 0;           // position in the `timeline:` list
    // Where a spec converted from a classic schedule came from ("legitimacy.changes[2]"); "" for
    // the timeline's own events. Printers leave these out: the schedule prints them.
    std::string origin;

    Tick start() const noexcept { return at ? *at : from.value_or(0); }
    bool spans() const noexcept { return from.has_value(); }
    bool operator==(const EventSpec&) const = default;
};

class Timeline {
public:
    Timeline() = default;
    // std::invalid_argument when a spec has no type, neither `at` nor `from`, both, or
    // to <= from; and when two specs share a non-empty id.
    explicit Timeline(std::vector<EventSpec> events);

    const std::vector<EventSpec>& events() const noexcept { return events_; }
    bool empty() const noexcept { return events_.empty(); }
    // The spec with this id (issue 8 addresses `timeline.<id>.<key>`), or null.
    const EventSpec* find(std::string_view id) const noexcept;

    // The per-run timeline over these regions (the engine's order). std::invalid_argument when a
    // spec names a region not among them. TimelineSource::apply must then be given exactly
    // region_names.size() regions.
    std::unique_ptr<TimelineSource> start(std::span<const std::string> region_names) const;

private:
    std::vector<EventSpec> events_;
};

} // namespace unrest
