// The runs of a sweep: every design point crossed with every replicate seed.
#pragma once

#include "sweep_spec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unrest {

struct RunPlan {
    std::int64_t run_id = 0;         // point x replicates + replicate
    std::int64_t point = 0;          // design point index
    std::int64_t replicate = 0;      // replicate index
    std::uint64_t seed = 0;          // spec.seeds[replicate]: the same at every point
    std::vector<std::string> values; // one per axis, YAML scalar text
};

// All runs in run_id order. Replicate r uses seed spec.seeds[r] at every design point (common
// random numbers): two points differ only by their parameters, not by their random draws.
std::vector<RunPlan> plan_runs(const SweepSpec& spec);

// The scenario overrides of one run: the fixed parameters, then the axis values ("key=value").
std::vector<std::string> run_overrides(const SweepSpec& spec, const RunPlan& plan);

} // namespace unrest
