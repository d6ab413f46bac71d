// One simulation of a scenario with its measurements: what `unrest run` does for one scenario and
// what a sweep does for each of its runs. Sits on the engine, the scenario and the output layers.
#pragma once

#include "../engine/phase_profile.hpp"
#include "../engine/simulation_spec.hpp"
#include "../output/comparison.hpp"
#include "../output/manifest.hpp"
#include "../scenario/scenario.hpp"

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace unrest {

struct SingleRunOptions {
    // Where to stream the per-tick files (timeseries.csv, daily.csv with a calendar, events.csv,
    // dictionary.json); none: only the summary is kept.
    std::optional<std::filesystem::path> timeseries_dir;
    bool check_invariants = false; // after every tick; a broken one throws std::runtime_error
    // Called after each tick with the tick just done (progress; may throw to stop the run).
    std::function<void(Tick)> on_tick;
    // Where to copy the simulation's time per phase at the end of the run; none: not kept.
    PhaseProfile* profile = nullptr;
    // With the scenario's compare: block, where to put the comparison's rows (every figure; the
    // shown ones flagged), besides comparison.csv in timeseries_dir; none: not kept.
    std::vector<ComparisonRow>* comparison = nullptr;
    // Grid snapshots every this many ticks (>= 1) into timeseries_dir: snapshots.npz and
    // snapshots.json (output/snapshots.hpp); 0: none.
    Tick snapshot_every = 0;
};

// The engine's view of the scenario: its regions (one from `model` when it has none) and news
// weights. The scenario's timeline is not attached here yet: the classic schedules run through
// ScheduleEvents (the integrator attaches the typed timeline and sets classic_schedules).
SimulationSpec simulation_spec(const Scenario& scenario);

// Simulates the scenario from its seed for its ticks; returns the content of summary.json.
nlohmann::ordered_json simulate_scenario(const Scenario& scenario, const SingleRunOptions& options);

// The output files in `dir` (regular files not hidden and not temporary), manifest.json
// included, sorted by name: the manifest's `files`.
std::vector<std::string> output_file_names(const std::filesystem::path& dir);

// Writes summary.json and manifest.json (listing every file of dir) into dir (each atomically).
void write_summary_and_manifest(const std::filesystem::path& dir,
                                const nlohmann::ordered_json& summary, const Scenario& scenario,
                                const Provenance& provenance);

// The current time as ISO 8601 UTC, e.g. 2026-01-06T12:00:00Z.
std::string utc_now();

} // namespace unrest
