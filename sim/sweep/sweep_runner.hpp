// Running a sweep: every run of the design, `jobs` at a time on this machine (or dealt out by
// rank 0 under MPI), rows streamed to the journal as runs finish, runs.csv written sorted at the
// end. See docs/sweeps.md.
#pragma once

#include "../output/file_lock.hpp"
#include "../run/progress.hpp"
#include "run_journal.hpp"
#include "run_plan.hpp"
#include "runs_table.hpp"
#include "sweep_manifest.hpp"
#include "sweep_spec.hpp"

#include <atomic>
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
// failed run (on_error: stop), interrupted, or outputs that could not be written (a full disk:
// the manifest says failed, --resume finishes); 2 bad usage (output directory, resume mismatch,
// a journal that is not this sweep's, another process writing the same directory).
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
// failure is an outcome with ok = false (output_failed when it could not write or allocate).
RunOutcome execute_run(const SweepSpec& spec, const ScenarioSource& scenario, const RunPlan& plan,
                       const std::filesystem::path& sweep_dir);

// A digest of everything that determines the sweep's results (the scenario file's bytes, every
// run's overrides and seed, the columns): a resumed sweep must match it. Computed run by run
// without holding the runs.
std::string sweep_design_id(const SweepSpec& spec, const ScenarioSource& scenario,
                            const SweepPlan& plan, const RunsTable& table);

// The bookkeeping of one sweep on the process that writes its rows (the only process locally;
// rank 0 under MPI): the lock on the directory, the plan, the journal, the manifest, timings
// and progress.
struct SweepSession {
    SweepSession(const SweepSpec& s, ScenarioSource source)
        : spec(s), scenario(std::move(source)), table(s), plan(s) {}
    const SweepSpec& spec;
    ScenarioSource scenario;
    RunsTable table;
    SweepPlan plan;
    std::filesystem::path dir;         // resolved
    std::filesystem::path display_dir; // as given by --out
    std::optional<FileLock> lock;      // DIR/.unrest.lock, held while the sweep runs
    SweepManifest manifest;
    std::unique_ptr<RunJournal> journal;
    std::ofstream timings; // timings.csv: run_id, wall_seconds, threads (completion order)
    std::optional<ProgressBar> bar;
    std::mutex mutex;
    std::int64_t failed = 0;
    bool stop = false;          // a run failed with on_error: stop
    std::string output_failure; // why outputs could not be written (a full disk): the sweep fails
    std::atomic<std::int64_t> cursor{0};

    // The next run not yet in the journal, or -1 when none is left (thread-safe).
    std::int64_t next_pending();
    // Records one finished run (thread-safe): its row into the journal, unless it failed to write
    // its outputs, which ends the sweep as failed (the run is done again on --resume).
    void record(const RunPlan& plan, const RunOutcome& outcome, const std::string& row, double wall,
                int threads);
    bool stopped() {
        const std::lock_guard<std::mutex> lock_guard(mutex);
        return stop || !output_failure.empty();
    }

private:
    void fail_output(const std::string& why); // the caller holds `mutex`
};

// Prepares the output directory (refusing what must not be written, locking it), the manifest
// and the journal. Null, with a message on stderr and `status` set (2: bad input or a directory
// that cannot be used; 1: it could not be written), when the sweep cannot start.
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
