// Running a sweep: every run of the design, `jobs` at a time on this machine (or dealt out by
// rank 0 under MPI), rows streamed to the journal as runs finish, runs.csv written sorted at the
// end. See docs/sweeps.md.
#pragma once

#include "../run/progress.hpp"
#include "run_journal.hpp"
#include "run_plan.hpp"
#include "runs_table.hpp"
#include "sweep_manifest.hpp"
#include "sweep_spec.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace unrest {

struct SweepOptions {
    std::filesystem::path out;
    int jobs = 0;        // runs at a time; 0: one per core
    bool resume = false; // continue a sweep in `out`, running only the missing runs
    bool force = false;  // replace a non-empty `out` (fresh sweeps only)
    bool quiet = false;  // no progress bar
    std::string command_line;
};

// Exit status: 0 every run done (failed runs recorded with on_error: continue); 1 stopped by a
// failed run (on_error: stop) or interrupted; 2 bad usage (output directory, resume mismatch).
int run_sweep(const SweepSpec& spec, const SweepOptions& options);

// The sweep's base scenario, read once: every run starts from these bytes (a file edited while
// the sweep runs cannot change its runs), and they are hashed once.
struct ScenarioSource {
    std::string file;
    std::string text;
    std::string sha256;
};
ScenarioSource read_scenario_source(const std::string& file);

// One run: the scenario with the run's overrides and seed, simulated with the calling thread's
// OpenMP threads; per-run outputs kept under sweep_dir/runs/ per spec.keep. Never throws: a
// failure is an outcome with ok = false.
RunOutcome execute_run(const SweepSpec& spec, const ScenarioSource& scenario, const RunPlan& plan,
                       const std::filesystem::path& sweep_dir);

// A digest of everything that determines the sweep's results (the scenario file's bytes, every
// run's overrides and seed, the columns): a resumed sweep must match it.
std::string sweep_design_id(const SweepSpec& spec, const ScenarioSource& scenario,
                            const std::vector<RunPlan>& runs, const RunsTable& table);

// The bookkeeping of one sweep on the process that writes its rows (the only process locally;
// rank 0 under MPI): the plan, the journal, the manifest, timings and progress.
struct SweepSession {
    explicit SweepSession(const SweepSpec& s)
        : spec(s), scenario(read_scenario_source(s.scenario_file)), table(s) {}
    const SweepSpec& spec;
    ScenarioSource scenario;
    RunsTable table;
    std::vector<RunPlan> runs;
    std::vector<const RunPlan*> pending; // runs not yet in the journal, in run_id order
    std::filesystem::path dir;
    SweepManifest manifest;
    std::unique_ptr<RunJournal> journal;
    std::ofstream timings; // timings.csv: run_id, wall_seconds, threads (completion order)
    std::optional<ProgressBar> bar;
    std::mutex mutex;
    std::int64_t failed = 0;
    bool stop = false; // a run failed with on_error: stop

    // Records one finished run (thread-safe).
    void record(const RunPlan& plan, const std::string& row, bool ok, double wall, int threads);
    bool stopped() {
        const std::lock_guard<std::mutex> lock(mutex);
        return stop;
    }
};

// Prepares the output directory, the manifest and the journal. Null (with status 2 and a
// message on stderr) when the directory cannot be used.
std::unique_ptr<SweepSession> open_sweep_session(const SweepSpec& spec, const SweepOptions& options,
                                                 int ranks, int& status);
// Writes runs.csv (when every run is in) and the final manifest; returns the exit status.
int close_sweep_session(SweepSession& session, bool interrupted, bool quiet);
void install_sweep_signal_handlers();
bool sweep_interrupted();

// Threads per run for `workers` concurrent runs on `cores` cores: many small runs use one thread
// each; few large runs share the cores.
int threads_per_run(int cores, int workers);

} // namespace unrest
