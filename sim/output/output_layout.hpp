// What the writers need to know about a run besides its tick records: the regions (names, time
// zones, citizens), the calendar, the scale and the analysis settings.
#pragma once

#include "../core/calendar.hpp"
#include "../scenario/scenario.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace unrest {

struct OutputRegion {
    std::string name;
    std::int32_t utc_offset_minutes = 0; // the region's time zone (local days, local times)
    std::int64_t citizens = 0;           // citizens of the region, in agents
};

struct OutputLayout {
    std::vector<OutputRegion> regions; // in region index order; never empty
    Calendar calendar;                 // calendar.enabled: dates and local times are written
    std::int64_t persons_per_agent = 1;
    AnalysisSettings analysis;
    bool snapshots = false; // snapshots.npz and snapshots.json are written (--snapshot-every)

    bool has_calendar() const noexcept { return calendar.enabled; }
    // The local wall-clock time at which tick t starts in region `region`, "YYYY-MM-DDTHH:MM";
    // tick 0 (the initial state) is shown at the calendar's start. Requires a calendar.
    std::string local_time(Tick t, int region) const;
    // Citizens of every region, in agents, in region order.
    std::vector<std::int64_t> citizens() const;
};

// The layout of a scenario's outputs: its regions (one region "main" in the calendar's zone when
// the scenario names none), calendar, scale (persons_per_agent rounded to an integer >= 1) and
// analysis settings. `citizens` holds each region's citizens in agents; its size must be the
// number of regions (std::invalid_argument otherwise).
OutputLayout output_layout(const Scenario& scenario, std::span<const std::int64_t> citizens);

} // namespace unrest
