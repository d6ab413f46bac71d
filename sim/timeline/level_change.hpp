// Changes of a level in [0, 1] held in RegionControls (legitimacy, cop density): the forms of the
// classic schedules (sim/core/schedule.hpp), with the same arithmetic, so that a schedule
// expressed as events (classic_schedules.hpp) gives the same doubles at every tick:
//   {at: T, set: V}                      V from tick T on
//   {at: T, shift: D}                    the value at T plus D, from T on
//   {from: T, to: T2, ramp_to: V}        linear from the value at T to V at T2, then held
//   {from: T, [to: T2,] add_per_tick: D} D added at every tick T..T2-1 (open-ended: to the end)
//   {from: T, [to: T2,] multiply_per_tick: F}  multiplied by F at every tick T..T2-1
// Values are not clamped here; the phases that read them clamp to [0, 1].
#pragma once

#include "event_type.hpp"

namespace unrest {

struct LevelAccess {
    const char* name; // in event details: "legitimacy", "cop_density"
    double (*get)(const RegionControls&);
    void (*put)(RegionControls&, double);
};

// The keys of the forms above, with `what` in their meanings ("L", "the cop density").
std::vector<ParamSpec> level_change_params(const std::string& what, const std::string& unit);
std::optional<SpecProblem> check_level_change(const EventSpec& spec);
std::unique_ptr<Event> make_level_change(const EventSpec& spec, LevelAccess access);

} // namespace unrest
