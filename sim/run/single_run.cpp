#include "single_run.hpp"

#include "../engine/simulation.hpp"
#include "../output/error.hpp"
#include "../output/output_dir.hpp"
#include "../output/summary.hpp"
#include "../output/timeseries.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <stdexcept>

namespace unrest {

SimulationSpec simulation_spec(const Scenario& scenario) {
    SimulationSpec spec;
    if (scenario.regions.empty()) {
        spec.regions.push_back({"main", scenario.model});
    }
    for (const RegionSpec& r : scenario.regions) {
        spec.regions.push_back({r.name, r.model});
    }
    spec.news_weights = scenario.news.weights;
    return spec;
}

nlohmann::ordered_json simulate_scenario(const Scenario& scenario,
                                         const SingleRunOptions& options) {
    // Region 0 is written (the output layer writes every region: issue 7, declared outputs).
    Simulation sim(simulation_spec(scenario), scenario.run.seed);
    std::ofstream csv;
    std::optional<TimeseriesCsvWriter> series;
    if (options.timeseries_dir) {
        csv.open(*options.timeseries_dir / "timeseries.csv", std::ios::binary);
        if (!csv) {
            throw OutputError(fmt::format("{}: could not create timeseries.csv: {}",
                                          options.timeseries_dir->string(), std::strerror(errno)));
        }
        series.emplace(csv);
    }
    SummaryAccumulator summary(scenario.analysis, sim.world().pop.count(Kind::citizen));
    const TickRecord initial = sim.observe();
    if (series) {
        series->write(initial);
    }
    summary.add(initial);
    for (Tick t = 1; t <= scenario.run.ticks; ++t) {
        const TickRecord r = sim.step();
        if (series) {
            series->write(r);
        }
        summary.add(r);
        if (options.check_invariants) {
            const auto problems = sim.check_invariants();
            if (!problems.empty()) {
                throw std::runtime_error(
                    fmt::format("invariant broken at tick {}: {}", t, problems.front()));
            }
        }
        if (options.on_tick) {
            options.on_tick(t);
        }
    }
    if (options.profile != nullptr) {
        *options.profile = sim.profile();
    }
    if (series) {
        csv.close();
        if (!csv) {
            throw OutputError(fmt::format("{}: could not write timeseries.csv: {}",
                                          options.timeseries_dir->string(), std::strerror(errno)));
        }
    }
    return summary.finish();
}

void write_summary_and_manifest(const std::filesystem::path& dir,
                                const nlohmann::ordered_json& summary, const Scenario& scenario,
                                const Provenance& provenance) {
    write_file_atomically(dir / "summary.json", summary.dump(2) + "\n");
    write_file_atomically(dir / "manifest.json",
                          manifest_json(scenario, provenance).dump(2) + "\n");
}

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace unrest
