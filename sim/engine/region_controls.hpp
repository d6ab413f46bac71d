// What the timeline may change in one region: the narrow handle that timeline events act on
// (sim/timeline/). Events write these; the phases of the tick read them. Nothing else about the
// world is reachable from an event.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unrest {

// Force the police may use (MODEL.md §3.5), escalated by `force_level` events.
enum class ForceLevel : std::uint8_t {
    arrests_only = 0,
    less_lethal = 1,
    lethal = 2,          // firearms against armed attackers
    without_warning = 3, // lethal force without warning (the order of 7 January 2022)
};

// A military contingent present in a region (`contingent` events; issue 8 gives it effects).
struct ContingentPresence {
    std::string id;                 // the event's id
    std::int64_t size = 0;          // persons
    std::vector<std::string> sites; // names of the sites it guards
    bool engage = false;            // rules of engagement: false = deter only
    std::int64_t frees_police = 0;  // persons: police it frees for the streets (MECHANISMS §8b)
};

struct RegionControls {
    // Legitimacy L: region state. Events set, shift or ramp it; an optional feedback term moves it.
    double legitimacy = 0.82;
    // Fuel price in the scenario's currency per litre; empty until a `price` event sets it.
    std::optional<double> fuel_price;
    ForceLevel force_level = ForceLevel::arrests_only;
    bool curfew = false;
    // Availability of internet and mobile communications, in [0, 1]: 1 = normal, 0 = cut off.
    double comms = 1.0;
    // Police on duty wanted, as a fraction of the region's cells; empty = leave as it is.
    std::optional<double> cop_density;
    // The density of police on duty laid out at tick 0 (set by the engine, read by events): where
    // a cop_density change starts from while cop_density is empty.
    double initial_cop_density = 0.0;
    std::vector<ContingentPresence> contingents;
    // Share of the police on duty ordered off the streets (`police_withdrawal` events), in [0, 1].
    double police_ordered_off = 0.0;
};

} // namespace unrest
