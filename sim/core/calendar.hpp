// Calendar time (MODEL.md §3.1): a tick has a duration, the scenario a start date-time and a
// time zone; daily figures are per local calendar day of each region.
//
// Times are whole seconds since 1970-01-01T00:00 UTC. Tick t >= 1 covers
// [start + (t - 1) dt, start + t dt); tick 0 is the initial state at `start`. A tick belongs to the
// local day in which it starts.
#pragma once

#include "schedule.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unrest {

struct Calendar {
    bool enabled = false;                // false: times are ticks only (Model I)
    std::int64_t start = 0;              // UTC seconds at the start of tick 1
    std::int32_t utc_offset_minutes = 0; // the scenario's time zone (+06:00 = 360)
    std::int64_t tick_seconds = 0;       // duration of one tick (> 0 when enabled)

    // UTC seconds at the start of tick t (t >= 1); tick 0, the initial state, is at `start`.
    std::int64_t tick_start(Tick t) const noexcept;
    // The tick during which UTC time `utc_seconds` falls (times before start give tick 1's
    // predecessor 0).
    Tick tick_at(std::int64_t utc_seconds) const noexcept;
    // The local day (days since 1970-01-01 in that zone) in which tick t starts.
    std::int64_t local_day(Tick t, std::int32_t utc_offset_minutes) const noexcept;
};

// "2022-01-02T00:00" or "2022-01-02T00:00:30" or "2022-01-02" (midnight): seconds since the
// epoch as if the wall-clock time were UTC; empty when malformed or not a real date.
std::optional<std::int64_t> parse_wall_clock(std::string_view text);
// A wall-clock time (parse_wall_clock) in the zone `utc_offset_minutes`, or in the zone its own
// suffix gives ("2022-01-05T17:00+06:00", "2022-01-05T11:00Z"): UTC seconds; empty when malformed.
std::optional<std::int64_t> parse_date_time(std::string_view text, std::int32_t utc_offset_minutes);
// "+06:00", "-03:30", "+0530", "+05", "UTC", "Z": minutes east of UTC, at most 14 hours either
// way; empty when malformed.
std::optional<std::int32_t> parse_utc_offset(std::string_view text);
// "10min", "30s", "1h", "2d", "1w", "90 min": seconds (> 0); empty when malformed. Units: s, sec,
// secs, second(s), min, mins, minute(s), h, hour(s), d, day(s), w, week(s); a whole count only.
std::optional<std::int64_t> parse_duration(std::string_view text);
// Days since 1970-01-01 as "YYYY-MM-DD".
std::string format_date(std::int64_t day);
// UTC seconds shown in a zone as "YYYY-MM-DDTHH:MM" (the zone's wall clock), with ":SS" added
// when the seconds are not 0, so that parse_wall_clock reads back the same instant.
std::string format_wall_clock(std::int64_t utc_seconds, std::int32_t utc_offset_minutes);
// "+06:00"
std::string format_utc_offset(std::int32_t minutes);

} // namespace unrest
