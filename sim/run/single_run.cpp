#include "single_run.hpp"

#include "../engine/simulation.hpp"
#include "../output/comparison.hpp"
#include "../output/error.hpp"
#include "../output/metrics.hpp"
#include "../output/output_dir.hpp"
#include "../output/run_writer.hpp"
#include "../output/snapshots.hpp"
#include "../timeline/timeline.hpp"

#include <algorithm>
#include <ctime>
#include <fmt/format.h>
#include <optional>
#include <stdexcept>
#include <vector>

namespace unrest {

SimulationSpec simulation_spec(const Scenario& scenario) {
    SimulationSpec spec;
    if (scenario.regions.empty()) {
        spec.regions.push_back({"main", scenario.model});
    }
    std::vector<std::string> names;
    for (const RegionSpec& r : scenario.regions) {
        spec.regions.push_back({r.name, r.model});
    }
    for (const SimulationRegion& r : spec.regions) {
        names.push_back(r.name);
    }
    spec.news_weights = scenario.news.weights;
    // The classic schedules of each region's model (legitimacy.changes, cops.density_changes) are
    // applied by the engine's ScheduleEvents; the scenario's timeline holds the typed events.
    spec.classic_schedules = true;
    if (scenario.timeline && !scenario.timeline->empty()) {
        spec.timeline = scenario.timeline->start(names);
    }
    return spec;
}

nlohmann::ordered_json simulate_scenario(const Scenario& scenario,
                                         const SingleRunOptions& options) {
    Simulation sim(simulation_spec(scenario), scenario.run.seed);
    // Every writer takes the records of all regions of a tick (records[i].region == i) and the
    // events applied during it.
    std::vector<std::int64_t> citizens;
    for (int r = 0; r < sim.regions(); ++r) {
        citizens.push_back(sim.world(r).pop.count(Kind::citizen));
    }
    OutputLayout layout = output_layout(scenario, citizens);
    std::optional<SnapshotRecorder> snapshots;
    if (options.snapshot_every > 0 && options.timeseries_dir) {
        layout.snapshots = true;
        snapshots.emplace(sim, layout, options.snapshot_every, scenario.run.ticks);
        snapshots->observe(sim);
    }
    RunWriter writer(std::move(layout), options.timeseries_dir);
    std::optional<ComparisonAccumulator> comparison;
    std::vector<TickRecord> persons;
    if (scenario.compare && (options.timeseries_dir || options.comparison)) {
        comparison.emplace(*scenario.compare, writer.layout());
    }
    const auto compare = [&](const std::vector<TickRecord>& records) {
        if (comparison) {
            persons.clear();
            for (const TickRecord& r : records) {
                persons.push_back(scale_to_persons(r, writer.layout().persons_per_agent));
            }
            comparison->add(persons);
        }
    };
    writer.add_tick(sim.observe_regions(), std::vector<EventRecord>{});
    for (Tick t = 1; t <= scenario.run.ticks; ++t) {
        const std::vector<TickRecord>& records = sim.step_regions();
        writer.add_tick(records, sim.events_applied());
        compare(records);
        if (snapshots) {
            snapshots->observe(sim);
        }
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
    writer.set_sites(site_rows(sim));
    if (snapshots) {
        snapshots->write(*options.timeseries_dir);
    }
    if (comparison) {
        const std::vector<ComparisonRow> rows = comparison->finish();
        if (options.timeseries_dir) {
            write_file_atomically(*options.timeseries_dir / "comparison.csv", comparison_csv(rows));
        }
        if (options.comparison != nullptr) {
            *options.comparison = rows;
        }
    }
    return writer.finish();
}

std::vector<std::string> output_file_names(const std::filesystem::path& dir) {
    std::vector<std::string> names{"manifest.json"};
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && !name.starts_with(".") && !name.ends_with(".tmp") &&
            name != "manifest.json") {
            names.push_back(name);
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

void write_summary_and_manifest(const std::filesystem::path& dir,
                                const nlohmann::ordered_json& summary, const Scenario& scenario,
                                const Provenance& provenance) {
    write_file_atomically(dir / "summary.json", summary.dump(2) + "\n");
    Provenance p = provenance;
    p.files = output_file_names(dir);
    write_file_atomically(dir / "manifest.json", manifest_json(scenario, p).dump(2) + "\n");
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
