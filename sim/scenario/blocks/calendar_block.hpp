// The `calendar:` block (MODEL.md §3.1; docs/timeline.md) and the values that depend on it: times
// (a tick or a date-time), rates (per tick, hour or day) and durations (ticks or "2h"), each
// converted once, at load, to ticks.
//
//   calendar:
//     start: 2022-01-02T00:00   # wall clock in time_zone at the start of tick 1
//     time_zone: +06:00         # the scenario's zone (default UTC)
//     tick: 10min               # duration of a tick
//     end: 2022-01-12T00:00     # optional, instead of the top-level `ticks`
#pragma once

#include "../parameter_table.hpp"
#include "../scenario.hpp"
#include "../yaml_reader.hpp"

#include <optional>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest::detail {

struct CalendarBlock {
    Calendar calendar;         // enabled when the block is given
    std::optional<Tick> ticks; // the run's length from `end:`, when given
    std::optional<Field> end;  // the `end:` value, for errors
};

// The block under `field` (the top-level `calendar` value); no field: a disabled calendar (ticks
// only, Model I). `calendar: ~` is refused, as other sections are.
CalendarBlock read_calendar_block(const YamlReader& r, const std::optional<Field>& field);

// The ticks a run starting at c.start must last to reach `end_utc` (the run covers
// [start, end); a partial last tick counts): ceil((end - start) / tick). end_utc > c.start.
Tick ticks_until(const Calendar& c, std::int64_t end_utc) noexcept;

// The run's length: the top-level `ticks` (integer in [0, max_ticks]) or the calendar's `end`,
// exactly one of them (an error at `ticks` when both, at `root` when neither).
Tick read_run_ticks(const YamlReader& r, const std::optional<Field>& ticks,
                    const CalendarBlock& calendar, const Field& root);

// A time: an integer tick, or (with a calendar) a date-time, "2022-01-05T17:00" on the scenario's
// wall clock or "2022-01-05T17:00+05:00" with its own offset, converted to the tick during which
// it falls. Refused below `min` (a date-time before the start is tick 0) or above max_ticks.
Tick read_time(const YamlReader& r, const Field& f, const Calendar& c, Tick min = 1);

// A rate, stored per tick: a number (per tick); "0.3/day", "0.3/hour", "0.05/10min", "0.3/tick";
// or a mapping with one of per_tick, per_hour, per_day. Per hour and per day need a calendar and
// are scaled linearly: per tick = per day x tick / 24 h. Finite.
double read_rate(const YamlReader& r, const Field& f, const Calendar& c);

// A duration in ticks (>= 1): an integer, or (with a calendar) "2h", "90min", "1d", which must be
// a whole number of ticks.
Tick read_duration(const YamlReader& r, const Field& f, const Calendar& c);

// How printers write a tick: the integer, or with a calendar the wall clock at its start in the
// scenario's zone ("2022-01-05T17:00"), which read_time reads back as the same tick.
YAML::Node time_yaml(Tick t, const Calendar& c);

// The block as `validate --print` writes it ({start, time_zone, tick}; a run's length is printed
// as `ticks`); a null node when the calendar is disabled (print no `calendar:` then). Reading it
// back gives the same Calendar.
YAML::Node calendar_yaml(const Calendar& c);

// "10min", "1h", "1d", "90s": the largest unit that divides it.
std::string format_duration(std::int64_t seconds);

// The parameter-table rows of the block, in document order.
std::vector<ParameterDoc> calendar_parameter_rows();

} // namespace unrest::detail
