#include "run_plan.hpp"

#include "design.hpp"

#include <fmt/format.h>

namespace unrest {

std::vector<RunPlan> plan_runs(const SweepSpec& spec) {
    const std::vector<std::vector<std::string>> points = design_points(spec);
    const auto replicates = static_cast<std::int64_t>(spec.seeds.size());
    std::vector<RunPlan> runs;
    runs.reserve(points.size() * spec.seeds.size());
    for (std::size_t p = 0; p < points.size(); ++p) {
        for (std::int64_t r = 0; r < replicates; ++r) {
            RunPlan plan;
            plan.point = static_cast<std::int64_t>(p);
            plan.replicate = r;
            plan.run_id = plan.point * replicates + r;
            plan.seed = spec.seeds[static_cast<std::size_t>(r)];
            plan.values = points[p];
            runs.push_back(std::move(plan));
        }
    }
    return runs;
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
