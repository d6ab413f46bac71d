// An event type: the YAML `type:` name, the keys it takes, a check of a spec beyond its keys'
// types, and the factory of its per-run events. The registry (registry.hpp) lists them all.
#pragma once

#include "event.hpp"
#include "event_params.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace unrest {

struct EventSpec; // timeline.hpp

// What is wrong with a spec, reported by the reader at `key` (one of the event's keys, or "" for
// the event as a whole) as "expected EXPECTED, found FOUND".
struct SpecProblem {
    std::string key;
    std::string expected;
    std::string found;
};

struct EventType {
    std::string name;    // the YAML `type:`
    std::string meaning; // one line, for the docs
    std::vector<ParamSpec> params;
    // Checks the combination of keys and times (which form, at or from/to); the reader has
    // checked each value's kind and range, and from < to.
    std::optional<SpecProblem> (*check)(const EventSpec& spec) = nullptr;
    // The event acting on one region in one run.
    std::unique_ptr<Event> (*make)(const EventSpec& spec) = nullptr;

    const ParamSpec* param(std::string_view key) const noexcept;
};

} // namespace unrest
