// Reading a list of schedule changes (legitimacy.changes, cops.density_changes). The forms:
//   {at: T, set: V}                          from tick T on the value is V
//   {from: T, to: T2, ramp_to: V}            linear to V at T2 (T2 > T), then held
//   {from: T, [to: T2,] add_per_tick: D}     D added at every tick T..T2 (open-ended: to the end)
//   {from: T, [to: T2,] multiply_per_tick: F}  multiplied by F > 0 at every tick T..T2
// Ticks are integers >= 1; each change starts after the previous one ends; an open-ended change
// must be the last.
#pragma once

#include "../core/schedule.hpp"
#include "yaml_reader.hpp"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace unrest::detail {

struct ScheduleChanges {
    std::vector<ScheduleChange> changes;
    std::vector<Field> value_fields; // per change: its value (set, ramp_to, ...), for errors
};

// The list at `list`; no value there (`changes: ~`) is refused, [] is no changes.
ScheduleChanges read_schedule_changes(const YamlReader& r, const Field& list);

// Requires Schedule(initial, changes) to stay in [0, 1] at every tick 0..ticks; otherwise an
// error at the value of the change in force when it first leaves. `quantity` names the value
// ("legitimacy").
void check_schedule_range(const YamlReader& r, const ScheduleChanges& changes, double initial,
                          Tick ticks, std::string_view quantity);

struct ScheduleBreach {
    std::size_t change; // index of the change in force
    Tick tick;
};

// The first tick from the first change's start through `ticks` at which `breaks` holds, and the
// change in force then. `breaks` must test the schedule's value against a bound or an interval:
// within a change the value moves monotonically (a step, a line, a geometric sequence) and
// between changes it is held, so a change breaks a bound iff it does at its first or last tick,
// and bisection finds the first tick that does, in O(changes x log ticks).
std::optional<ScheduleBreach> first_breach(const std::vector<ScheduleChange>& changes, Tick ticks,
                                           const std::function<bool(Tick)>& breaks);

} // namespace unrest::detail
