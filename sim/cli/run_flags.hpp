// `unrest run --seed N --ticks N`: the flags as overrides for the loader (FlagOverride in
// sim/scenario/load.hpp), so that every check sees their values (a schedule is checked through
// the run's last tick, not the file's).
#pragma once

#include "../scenario/load.hpp"
#include "run_command.hpp"

#include <vector>

namespace unrest::cli {

// The flags given, each checked strictly first: decimal digits only, no sign, no spaces, no
// overflow (CLI11 would wrap "-1" and saturate overflowing values silently). Otherwise
// ScenarioError "--ticks: ticks: expected an integer in [0, 4294967295], found '-1'".
std::vector<FlagOverride> run_flag_overrides(const RunOptions& options);

// --snapshot-every's value as ticks (>= 1): "10" or "10ticks" for ticks; with a calendar, a
// duration ("30min", "1h": parse_duration) that is a whole multiple of calendar.tick_seconds.
// ScenarioError "--snapshot-every: expected ..., found '7min'" otherwise (0, a sign, no calendar
// for a duration, not a multiple of the tick, past max_ticks).
Tick snapshot_interval(const std::string& text, const Calendar& calendar);

} // namespace unrest::cli
