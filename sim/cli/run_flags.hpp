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

} // namespace unrest::cli
