// The runs of a sweep: every design point crossed with every replicate seed, run_id = point x
// replicates + replicate, the same seed for a replicate at every point, and each run's overrides.
#include "sim/sweep/run_plan.hpp"
#include "sweep_test_helpers.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace unrest;

namespace {

using unrest::testing::list_axis;
using unrest::testing::Strings;

// A 3 x 2 grid over run 2, ticks fixed, 4 replicates with unordered seeds.
SweepSpec grid_spec() {
    SweepSpec spec;
    spec.file = fmt::format("{}/scenarios/sweeps/test.yaml", UNREST_SOURCE_DIR);
    spec.scenario_file = fmt::format("{}/scenarios/epstein2002/run2.yaml", UNREST_SOURCE_DIR);
    spec.design = SweepDesign::grid;
    spec.axes.push_back(list_axis(std::string("legitimacy.initial"), {"0.7", "0.8", "0.9"}));
    spec.axes.push_back(list_axis(std::string("population.cop_density"), {"0.02", "0.05"}));
    spec.fixed.push_back(SweepFixed{.key = std::string("ticks"), .value = std::string("200")});
    spec.fixed.push_back(
        SweepFixed{.key = std::string("arrest.ratio"), .value = std::string("exact")});
    spec.seeds = {42, 7, 1000, 3};
    spec.metrics = {std::string("outbursts.count")};
    return spec;
}

// Every run of the plan, in run_id order.
std::vector<RunPlan> all_runs(const SweepSpec& spec) {
    const SweepPlan plan(spec);
    std::vector<RunPlan> runs;
    for (std::int64_t id = 0; id < plan.runs(); ++id) {
        runs.push_back(plan.run(id));
    }
    return runs;
}

} // namespace

TEST(PlanRuns, EveryPointTimesEveryReplicateInRunIdOrder) {
    const SweepSpec spec = grid_spec();
    const std::vector<RunPlan> runs = all_runs(spec);
    ASSERT_EQ(runs.size(), 3U * 2U * 4U);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunPlan& r = runs[i];
        EXPECT_EQ(r.run_id, static_cast<std::int64_t>(i));
        EXPECT_EQ(r.run_id, r.point * 4 + r.replicate) << "run " << i;
        EXPECT_EQ(r.point, static_cast<std::int64_t>(i / 4));
        EXPECT_EQ(r.replicate, static_cast<std::int64_t>(i % 4));
        ASSERT_EQ(r.values.size(), 2U);
    }
    EXPECT_EQ(runs.back().point, 5);
}

TEST(PlanRuns, GridValuesLastAxisFastest) {
    const std::vector<RunPlan> runs = all_runs(grid_spec());
    const std::vector<Strings> expected{{"0.7", "0.02"}, {"0.7", "0.05"}, {"0.8", "0.02"},
                                        {"0.8", "0.05"}, {"0.9", "0.02"}, {"0.9", "0.05"}};
    for (const RunPlan& r : runs) {
        EXPECT_EQ(r.values, expected[static_cast<std::size_t>(r.point)]) << "run " << r.run_id;
    }
}

TEST(PlanRuns, CommonRandomNumbersReplicateSeedTheSameAtEveryPoint) {
    const SweepSpec spec = grid_spec();
    const std::vector<RunPlan> runs = all_runs(spec);
    for (const RunPlan& r : runs) {
        EXPECT_EQ(r.seed, spec.seeds[static_cast<std::size_t>(r.replicate)]) << "run " << r.run_id;
    }
    // Within a point the seeds are all different; across points a replicate's seed repeats.
    for (std::int64_t p = 0; p < 6; ++p) {
        std::set<std::uint64_t> seeds;
        for (const RunPlan& r : runs) {
            if (r.point == p) {
                seeds.insert(r.seed);
            }
        }
        EXPECT_EQ(seeds.size(), 4U) << "point " << p;
    }
}

TEST(PlanRuns, NoAxesIsOnePointOfReplicates) {
    SweepSpec spec = grid_spec();
    spec.axes.clear();
    spec.seeds = {5, 6, 7};
    const std::vector<RunPlan> runs = all_runs(spec);
    ASSERT_EQ(runs.size(), 3U);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        EXPECT_EQ(runs[i].run_id, static_cast<std::int64_t>(i));
        EXPECT_EQ(runs[i].point, 0);
        EXPECT_EQ(runs[i].seed, 5U + i);
        EXPECT_TRUE(runs[i].values.empty());
    }
}

TEST(PlanRuns, OneReplicateRunIdIsPoint) {
    SweepSpec spec = grid_spec();
    spec.seeds = {9};
    const std::vector<RunPlan> runs = all_runs(spec);
    ASSERT_EQ(runs.size(), 6U);
    for (const RunPlan& r : runs) {
        EXPECT_EQ(r.run_id, r.point);
        EXPECT_EQ(r.replicate, 0);
        EXPECT_EQ(r.seed, 9U);
    }
}

TEST(RunOverrides, FixedThenAxesAsKeyEqualsValue) {
    const SweepSpec spec = grid_spec();
    const std::vector<RunPlan> runs = all_runs(spec);
    const RunPlan& r = runs.at(4 * 3 + 2); // point 3: (0.8, 0.05), replicate 2
    ASSERT_EQ(r.point, 3);
    EXPECT_EQ(run_overrides(spec, r),
              (Strings{"ticks=200", "arrest.ratio=exact", "legitimacy.initial=0.8",
                       "population.cop_density=0.05"}));
    // The seed is not an override: the runner sets it directly.
    for (const std::string& o : run_overrides(spec, r)) {
        EXPECT_FALSE(o.starts_with("seed=")) << o;
    }
}

TEST(RunOverrides, OnlyFixedWithoutAxes) {
    SweepSpec spec = grid_spec();
    spec.axes.clear();
    const std::vector<RunPlan> runs = all_runs(spec);
    ASSERT_FALSE(runs.empty());
    EXPECT_EQ(run_overrides(spec, runs.front()), (Strings{"ticks=200", "arrest.ratio=exact"}));
}

TEST(SweepPlan, RunsAreDerivedOnDemandWithoutStoringThem) {
    // 1000 x 1000 grid points x 10 replicates: ten million runs, planned without holding them
    // (the plan keeps the axes' values, 2000 strings).
    SweepSpec spec = grid_spec();
    spec.axes[0].kind = SweepAxis::Kind::linear;
    spec.axes[0].low = 0.0;
    spec.axes[0].high = 0.999;
    spec.axes[0].count = 1000;
    spec.axes[1].kind = SweepAxis::Kind::linear;
    spec.axes[1].low = 0.0;
    spec.axes[1].high = 0.0999;
    spec.axes[1].count = 1000;
    spec.seeds = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const SweepPlan plan(spec);
    EXPECT_EQ(plan.points(), 1'000'000);
    EXPECT_EQ(plan.runs(), 10'000'000);
    const RunPlan last = plan.run(plan.runs() - 1);
    EXPECT_EQ(last.point, 999'999);
    EXPECT_EQ(last.replicate, 9);
    EXPECT_EQ(last.seed, 10U);
    EXPECT_EQ(last.values, (Strings{"0.999", "0.0999"}));
    const RunPlan r = plan.run(1234 * 10 + 3); // point 1234 = (1, 234)
    EXPECT_EQ(r.values, (Strings{"0.001", "0.0234"}));
    EXPECT_EQ(r.seed, 4U);
}

TEST(SweepPlan, RunIdOutsideThePlanIsRefused) {
    const SweepSpec spec = grid_spec();
    const SweepPlan plan(spec);
    EXPECT_THROW((void)plan.run(-1), std::out_of_range);
    EXPECT_THROW((void)plan.run(plan.runs()), std::out_of_range);
}
