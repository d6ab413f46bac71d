// The memory estimate (sim/engine/memory_estimate.hpp) against the peak resident memory a
// simulation really reaches: a child process builds the world and steps 5 ticks, and its peak
// (ru_maxrss) is read back. The estimate must bound the peak without overstating it much; the
// figures are in docs/performance.md ("Memory").
#include "sim/engine/memory_estimate.hpp"
#include "sim/engine/simulation.hpp"

#include <benchmark/benchmark.h>
#include <omp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace unrest;

namespace {

// args: grid side, citizen density in percent, activation mode (0 random sequential,
// 1 simultaneous)
void BM_MemoryPeakAgainstEstimate(benchmark::State& state) {
    ModelConfig c;
    c.grid = {static_cast<int>(state.range(0)), static_cast<int>(state.range(0))};
    c.population.citizen_density = static_cast<double>(state.range(1)) / 100.0;
    c.population.cop_density = state.range(1) == 0 ? 0.0 : 0.04;
    c.activation.mode =
        state.range(2) == 0 ? ActivationMode::random_sequential : ActivationMode::simultaneous;
    const MemoryEstimate estimate = estimate_memory(c);
    double peak = 0.0;
    for (auto _ : state) {
        const pid_t child = ::fork();
        if (child == 0) {
            Simulation sim(c, 1);
            for (int t = 0; t < 5; ++t) {
                benchmark::DoNotOptimize(sim.step());
            }
            ::_exit(0);
        }
        int status = 0;
        rusage usage{};
        ::wait4(child, &status, 0, &usage);
        peak = static_cast<double>(usage.ru_maxrss) * 1024.0; // KiB on Linux
    }
    state.counters["peak_MiB"] = peak / (1 << 20);
    state.counters["estimate_MiB"] = static_cast<double>(estimate.bytes) / (1 << 20);
    state.counters["estimate_over_peak"] = static_cast<double>(estimate.bytes) / peak;
}

} // namespace

BENCHMARK(BM_MemoryPeakAgainstEstimate)
    ->ArgNames({"side", "citizens_pct", "simultaneous"})
    ->Args({40, 70, 0})
    ->Args({1000, 70, 0})
    ->Args({4000, 0, 0})
    ->Args({4000, 70, 0})
    ->Args({4000, 70, 1})
    ->Args({4000, 96, 0})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
