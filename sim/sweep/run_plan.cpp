#include "run_plan.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

SweepPlan::SweepPlan(const SweepSpec& spec)
    : spec_(&spec), design_(spec), replicates_(static_cast<std::int64_t>(spec.seeds.size())) {}

RunPlan SweepPlan::run(std::int64_t run_id) const {
    if (run_id < 0 || run_id >= runs()) {
        throw std::out_of_range(fmt::format("run_id {} outside [0, {})", run_id, runs()));
    }
    RunPlan plan;
    plan.run_id = run_id;
    plan.point = run_id / replicates_;
    plan.replicate = run_id % replicates_;
    plan.seed = spec_->seeds[static_cast<std::size_t>(plan.replicate)];
    plan.values = design_.values(plan.point);
    return plan;
}

std::vector<std::string> run_overrides(const SweepSpec& spec, const RunPlan& plan) {
    std::vector<std::string> overrides;
    for (const SweepFixed& f : spec.fixed) {
        overrides.push_back(fmt::format("{}={}", f.key, f.value));
    }
    for (std::size_t i = 0; i < spec.axes.size(); ++i) {
        overrides.push_back(fmt::format("{}={}", spec.axes[i].key, plan.values[i]));
    }
    return overrides;
}

} // namespace unrest
