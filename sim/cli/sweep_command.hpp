// `unrest sweep`: run a parameter sweep (locally, or across ranks under mpirun).
#pragma once

#include "../sweep/sweep_runner.hpp"

#include <string>

namespace unrest::cli {

// Returns the process exit status (see run_sweep; 2 also for a bad sweep file).
int sweep_command(const std::string& sweep_file, const SweepOptions& options);

} // namespace unrest::cli
