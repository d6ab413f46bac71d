// The memory a sweep needs, checked before its first run: the runs in flight at once, each as
// large as the largest the design can produce, and the plan's own bookkeeping (16 bytes of the
// journal's index per run, the LHS or Sobol coordinates). The largest run is found among the
// baseline (the fixed values and each axis's first value) and each axis value in its place;
// a run that would still not fit when its turn comes is stopped then (execute_run).
#pragma once

#include "run_plan.hpp"
#include "sweep_runner.hpp"

#include <cstdint>
#include <string>

namespace unrest {

// Bytes of the plan and the journal's index.
std::uint64_t sweep_bookkeeping_bytes(const SweepPlan& plan);

// "" when the sweep fits, else why not. Throws std::invalid_argument as memory_budget().
std::string sweep_memory_problem(const SweepPlan& plan, const ScenarioSource& scenario,
                                 int runs_at_once);

} // namespace unrest
