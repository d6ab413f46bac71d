#include "single_run.hpp"

#include "../engine/simulation.hpp"
#include "../output/error.hpp"
#include "../output/output_dir.hpp"
#include "../output/run_writer.hpp"

#include <algorithm>
#include <ctime>
#include <fmt/format.h>
#include <stdexcept>
#include <vector>

namespace unrest {

nlohmann::ordered_json simulate_scenario(const Scenario& scenario,
                                         const SingleRunOptions& options) {
    if (scenario.regions.size() > 1) {
        throw std::runtime_error(fmt::format(
            "{} regions: this engine simulates one (Simulation::step_regions not wired yet)",
            scenario.regions.size()));
    }
    Simulation sim(scenario.model, scenario.run.seed);
    // Every writer takes the records of all regions of a tick (records[i].region == i) and the
    // events applied during it. Today's engine has one region and no timeline: with regions,
    // `records` is Simulation::step_regions() and `events` Simulation::events_applied().
    const std::vector<std::int64_t> citizens{static_cast<std::int64_t>(sim.world().pop.citizens)};
    RunWriter writer(output_layout(scenario, citizens), options.timeseries_dir);
    std::vector<TickRecord> records{sim.observe()};
    const std::vector<EventRecord> events;
    writer.add_tick(records, events);
    for (Tick t = 1; t <= scenario.run.ticks; ++t) {
        records.assign(1, sim.step());
        writer.add_tick(records, events);
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
