// Speed of the classic model (Epstein 2002, run 2 inputs with the floor rule): agent updates per
// second at 40x40 and 1000x1000, on 1 and 2 threads, and the neighbourhood counts by the fast
// field against the reference scan, in the same run. See docs/performance.md.
#include "sim/core/count_field.hpp"
#include "sim/engine/simulation.hpp"

#include <benchmark/benchmark.h>
#include <omp.h>

using namespace unrest;

namespace {

ModelConfig classic(int side) {
    ModelConfig c;
    c.grid = {side, side};
    c.arrest.ratio = ArrestRatio::floor; // run 2 with NetLogo's floor: punctuated equilibrium
    return c;
}

std::int64_t agents_on_duty(const Simulation& sim) {
    const TickRecord r = sim.observe();
    return r.quiet + r.active + r.jailed + r.cops;
}

// args: grid side, threads, activation mode (0 random sequential, 1 simultaneous)
void BM_Step(benchmark::State& state) {
    const int side = static_cast<int>(state.range(0));
    omp_set_num_threads(static_cast<int>(state.range(1)));
    ModelConfig c = classic(side);
    c.activation.mode =
        state.range(2) == 0 ? ActivationMode::random_sequential : ActivationMode::simultaneous;
    Simulation sim(c, 42);
    for (int t = 0; t < 20; ++t) { // past the initial transient
        sim.step();
    }
    const std::int64_t agents = agents_on_duty(sim);
    for (auto _ : state) {
        benchmark::DoNotOptimize(sim.step());
    }
    state.counters["agent_updates_per_s"] =
        benchmark::Counter(static_cast<double>(agents) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
    state.counters["agents"] = static_cast<double>(agents);
}

// Neighbourhood counts for every cell: the field's prefix-sum rebuild (args: side, 0) against the
// reference scan over every cell in vision (args: side, 1), on the same world.
void BM_Counts(benchmark::State& state) {
    const int side = static_cast<int>(state.range(0));
    omp_set_num_threads(1);
    Simulation sim(classic(side), 42);
    for (int t = 0; t < 20; ++t) {
        sim.step();
    }
    const World& w = sim.world();
    CountField field(static_cast<std::size_t>(w.torus.cells()), w.seen.map(), w.seen.channels());
    for (auto _ : state) {
        if (state.range(1) == 0) {
            field.rebuild(w.torus, w.vision, w.pop, w.lists);
            benchmark::DoNotOptimize(field.at(0, 0));
        } else {
            std::int64_t sum = 0;
            for (CellIndex c = 0; c < w.torus.cells(); ++c) {
                sum += reference_counts(w.torus, w.vision, w.pop, w.lists, w.seen.map(), c)[0];
            }
            benchmark::DoNotOptimize(sum);
        }
    }
    state.counters["cells_per_s"] = benchmark::Counter(static_cast<double>(w.torus.cells()) *
                                                           static_cast<double>(state.iterations()),
                                                       benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(BM_Step)
    ->ArgNames({"side", "threads", "simultaneous"})
    ->Args({40, 1, 0})
    ->Args({40, 2, 0})
    ->Args({1000, 1, 0})
    ->Args({1000, 2, 0})
    ->Args({1000, 1, 1})
    ->Args({1000, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Counts)
    ->ArgNames({"side", "reference"})
    ->Args({40, 0})
    ->Args({40, 1})
    ->Args({1000, 0})
    ->Args({1000, 1})
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
