// Loading scenario files: a preset, and a hostile 15 MB file whose bulk sits under an unknown key.
// The pre-pass over YAML events refuses the key before its value is parsed, so the second costs
// a scan of the text, not a tree fifty times its size (docs/performance.md, "Loading").
#include "sim/scenario/load.hpp"

#include <benchmark/benchmark.h>
#include <fstream>
#include <sstream>
#include <sys/resource.h>

using namespace unrest;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void BM_LoadPreset(benchmark::State& state) {
    const std::string text = read(UNREST_SOURCE_DIR "/scenarios/epstein2002/run2.yaml");
    for (auto _ : state) {
        benchmark::DoNotOptimize(load_scenario_text(text, "run2.yaml"));
    }
}

void BM_LoadRefusesAHugeValueUnderAnUnknownKey(benchmark::State& state) {
    std::string text = "name: x\nticks: 5\nbogus:\n";
    for (int i = 0; i < 1'500'000; ++i) {
        text += "- 1234567\n";
    }
    rusage before{};
    ::getrusage(RUSAGE_SELF, &before);
    for (auto _ : state) {
        try {
            load_scenario_text(text, "huge.yaml");
        } catch (const ScenarioError& e) {
            benchmark::DoNotOptimize(e.what());
        }
    }
    rusage after{};
    ::getrusage(RUSAGE_SELF, &after);
    state.counters["text_MB"] = static_cast<double>(text.size()) / 1e6;
    state.counters["peak_growth_MB"] =
        static_cast<double>(after.ru_maxrss - before.ru_maxrss) / 1e3;
}

} // namespace

BENCHMARK(BM_LoadPreset)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LoadRefusesAHugeValueUnderAnUnknownKey)->Unit(benchmark::kMillisecond);
