// Sweep overhead: one run of the classic 40x40 model for 1,000 ticks through the sweep's
// execute_run (parse the scenario with overrides, simulate, summarise, extract metrics) against the
// bare simulation loop of the same scenario, in the same run. See docs/performance.md.
#include "sim/engine/simulation.hpp"
#include "sim/scenario/load.hpp"
#include "sim/sweep/run_plan.hpp"
#include "sim/sweep/sweep_runner.hpp"

#include <benchmark/benchmark.h>
#include <omp.h>

using namespace unrest;

namespace {

SweepSpec classic_spec() {
    SweepSpec spec;
    spec.file = "bench";
    spec.scenario_file = std::string(UNREST_SOURCE_DIR) + "/scenarios/epstein2002/run2.yaml";
    spec.fixed = {{"ticks", "1000"}};
    spec.seeds = {1};
    spec.metrics = {"outbursts.count", "activity.mean_active_fraction"};
    return spec;
}

// args: 0 = bare simulation loop, 1 = the sweep's execute_run
void BM_SweepRun(benchmark::State& state) {
    omp_set_num_threads(1);
    const SweepSpec spec = classic_spec();
    const SweepPlan plan(spec);
    const std::vector<RunPlan> runs{plan.run(0)};
    const ScenarioSource source = read_scenario_source(spec.scenario_file);
    const Scenario scenario = load_scenario_file(spec.scenario_file, run_overrides(spec, runs[0]));
    for (auto _ : state) {
        if (state.range(0) == 0) {
            Simulation sim(scenario.model, 1);
            std::int64_t active = 0;
            for (Tick t = 1; t <= scenario.run.ticks; ++t) {
                active += sim.step().active;
            }
            benchmark::DoNotOptimize(active);
        } else {
            benchmark::DoNotOptimize(execute_run(spec, source, runs[0], "."));
        }
    }
    state.counters["runs_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(BM_SweepRun)
    ->ArgNames({"sweep"})
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
