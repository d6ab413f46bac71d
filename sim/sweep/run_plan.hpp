// The runs of a sweep: every design point crossed with every replicate seed. Runs are derived on
// demand from their run_id (nothing is stored per run), so planning ten million runs takes no
// more memory than planning ten.
#pragma once

#include "design.hpp"
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

class SweepPlan {
public:
    // `spec` must outlive the plan.
    explicit SweepPlan(const SweepSpec& spec);

    std::int64_t runs() const noexcept { return design_.points() * replicates_; }
    std::int64_t points() const noexcept { return design_.points(); }
    std::int64_t replicates() const noexcept { return replicates_; }

    // Run `run_id` in [0, runs()). Replicate r uses seed spec.seeds[r] at every design point
    // (common random numbers): two points differ only by their parameters, not by their draws.
    RunPlan run(std::int64_t run_id) const;
    // The axis values of design point `point` in [0, points()).
    std::vector<std::string> point_values(std::int64_t point) const {
        return design_.values(point);
    }
    const SweepSpec& spec() const noexcept { return *spec_; }

private:
    const SweepSpec* spec_;
    Design design_;
    std::int64_t replicates_;
};

// The scenario overrides of one run: the fixed parameters, then the axis values ("key=value").
std::vector<std::string> run_overrides(const SweepSpec& spec, const RunPlan& plan);

} // namespace unrest
