#include "sweep_runner.hpp"

#include "../output/error.hpp"
#include "../output/output_dir.hpp"
#include "../output/sha256.hpp"
#include "../run/memory_budget.hpp"
#include "../run/progress.hpp"
#include "../run/single_run.hpp"
#include "../scenario/input_text.hpp"
#include "../scenario/load.hpp"
#include "run_journal.hpp"
#include "sweep_manifest.hpp"
#include "sweep_memory.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <mutex>
#include <omp.h>
#include <thread>

namespace unrest {

namespace {

std::atomic<bool> interrupted{false};
extern "C" void on_sweep_signal(int /*signal*/) {
    interrupted.store(true);
}

namespace fs = std::filesystem;

} // namespace

int threads_per_run(int cores, int workers) {
    return std::max(1, cores / std::max(1, workers));
}

ScenarioSource read_scenario_source(const std::string& file) {
    ScenarioSource s;
    s.file = file;
    s.text = read_input_file(file);
    s.sha256 = sha256_hex(s.text);
    return s;
}

std::string sweep_design_id(const SweepSpec& spec, const ScenarioSource& scenario,
                            const SweepPlan& plan, const RunsTable& table) {
    Sha256 hash;
    hash.update(table.header_line());
    hash.update(scenario.sha256 + "\n");
    for (std::int64_t id = 0; id < plan.runs(); ++id) {
        const RunPlan r = plan.run(id);
        hash.update(
            fmt::format("{} {} {}\n", r.run_id, r.seed, fmt::join(run_overrides(spec, r), " ")));
    }
    return to_hex(hash.digest());
}

RunOutcome execute_run(const SweepSpec& spec, const ScenarioSource& source, const RunPlan& plan,
                       const fs::path& sweep_dir) {
    RunOutcome outcome;
    const auto t0 = std::chrono::steady_clock::now();
    const std::string started = utc_now();
    try {
        const std::vector<std::string> overrides = run_overrides(spec, plan);
        Scenario scenario = load_scenario_text(source.text, source.file, overrides);
        scenario.run.seed = plan.seed;
        // The runs in flight hold memory already: what is left must take this one.
        if (std::string problem = run_memory_problem(scenario); !problem.empty()) {
            outcome.output_failed = true;
            outcome.error = fmt::format("run {}: {}", plan.run_id, std::move(problem));
            return outcome;
        }
        std::optional<OutputDirectory> keep;
        SingleRunOptions options;
        if (spec.keep != SweepKeep::none) {
            OutputRules rules;
            rules.kind = OutputKind::run;
            rules.force = true; // a run done before the sweep was killed, not yet in the journal
            keep.emplace(OutputDirectory::prepare(
                sweep_dir / "runs" / fmt::format("{}", plan.run_id), rules));
            if (spec.keep == SweepKeep::all) {
                options.timeseries_dir = keep->temp();
            }
        }
        const nlohmann::ordered_json summary = simulate_scenario(scenario, options);
        if (keep) {
            Provenance p;
            p.scenario_file = source.file;
            p.scenario_sha256 = source.sha256;
            p.seed = plan.seed;
            p.ticks = scenario.run.ticks;
            p.threads = omp_get_max_threads();
            p.wall_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            p.started_utc = started;
            p.overrides = overrides;
            p.command_line = fmt::format("sweep {} run {}", spec.file, plan.run_id);
            write_summary_and_manifest(keep->temp(), summary, scenario, p);
            keep->commit();
        }
        outcome.metrics = metric_values(spec, summary);
        outcome.ok = true;
    } catch (const OutputError& e) {
        // Not the model's doing (a full disk, a directory that cannot be written): no row, the
        // run is done again when the sweep is resumed.
        outcome.ok = false;
        outcome.output_failed = true;
        outcome.error = e.what();
    } catch (const std::bad_alloc&) {
        outcome.ok = false;
        outcome.output_failed = true;
        outcome.error = fmt::format("run {}: out of memory", plan.run_id);
    } catch (const ScenarioError& e) {
        // A parameter of this run rejected by the scenario: name the parameter, not the position
        // of the override that carried it ("--set:N:COLUMN").
        outcome.ok = false;
        outcome.error = e.file() == "--set" ? fmt::format("{}: {}", e.key_path(), e.message())
                                            : std::string(e.what());
    } catch (const std::exception& e) {
        outcome.ok = false;
        outcome.error = e.what();
    }
    return outcome;
}

namespace {

// Room set aside in the lock file while the disk has it, given back when the disk fills so that
// the manifest can still say "failed".
constexpr std::uint64_t failure_reserve_bytes = 64u << 10;

// Leftovers of a killed sweep: an unfinished runs.csv or manifest, and the per-run output folders
// of runs in flight (their runs have no row and run again). Only what unrest wrote.
void remove_leftovers(const fs::path& dir) {
    std::error_code ec;
    for (const char* name : {"runs.csv.tmp", "sweep_manifest.json.tmp"}) {
        fs::remove(dir / name, ec);
    }
    if (fs::is_directory(fs::symlink_status(dir / "runs", ec))) {
        clean_temporaries(dir / "runs", "");
    }
}

// What a resumed sweep reads and appends to, checked before anything is written: its files must
// be regular files (a symbolic link would have rows written through it to a file elsewhere; a
// directory or a FIFO cannot be read), and the rows it starts from (the journal, or the runs.csv
// of a finished sweep) this sweep's. Throws JournalError naming the file.
void check_before_resuming(const fs::path& dir, const std::string& header, std::int64_t runs,
                           const JournalRowCheck& check) {
    for (const char* name : {"runs.journal.csv", "runs.csv", "timings.csv"}) {
        const fs::path file = dir / name;
        const fs::file_status st = fs::symlink_status(file);
        if (fs::exists(st) && !fs::is_regular_file(st)) {
            throw JournalError(file, 0,
                               fmt::format("expected a regular file, found {}",
                                           fs::is_symlink(st)     ? "a symbolic link"
                                           : fs::is_directory(st) ? "a directory"
                                                                  : "a special file"));
        }
    }
    fs::path file = dir / "runs.journal.csv";
    if (!fs::exists(file)) {
        file = dir / "runs.csv";
        if (!fs::exists(file)) {
            return;
        }
    }
    std::ifstream in(file, std::ios::binary);
    read_journal(in, file, header, runs, check);
}

// Empties a sweep directory for --force, all but its lock file.
void empty_sweep_directory(const fs::path& dir) {
    std::vector<fs::path> entries;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        if (e.path().filename() != output_lock_name) {
            entries.push_back(e.path());
        }
    }
    for (const fs::path& p : entries) {
        fs::remove_all(p);
    }
}

// The sweep directory made ready and locked: fresh (absent, empty, or replaced with --force) or
// resumed. Throws OutputError (status 2) when it must not or cannot be used.
void prepare_sweep_directory(SweepSession& session, const SweepOptions& options,
                             const std::string& design_id) {
    const SweepSpec& spec = session.spec;
    const fs::path dir = resolve_output_path(options.out);
    session.dir = dir;
    session.display_dir = options.out;
    OutputRules rules;
    rules.kind = OutputKind::sweep;
    rules.force = options.force;
    rules.inputs = {spec.file, spec.scenario_file};
    const std::string name = fmt::format("'{}'", detail::printable(options.out.string()));
    if (options.resume) {
        if (!holds_unrest_manifest(dir, OutputKind::sweep)) {
            throw OutputError(fmt::format("--out {}: nothing to resume (no sweep_manifest.json "
                                          "written by unrest)",
                                          name));
        }
    } else {
        check_output_target(options.out, dir, rules);
        fs::create_directories(dir);
    }
    std::string holder;
    session.lock = FileLock::try_lock(dir / output_lock_name, &holder);
    if (!session.lock) {
        throw OutputError(fmt::format("--out {}: another unrest process ({}) is writing this "
                                      "sweep; wait for it to end",
                                      name, holder.empty() ? "holder unknown" : holder));
    }
    // Under the lock, look again: the directory may have changed before we held it.
    if (options.resume) {
        const std::optional<std::string> previous =
            read_sweep_design_id(dir / "sweep_manifest.json");
        if (!previous) {
            throw OutputError(
                fmt::format("--out {}: nothing to resume (no sweep_manifest.json)", name));
        }
        if (*previous != design_id) {
            throw OutputError(fmt::format("--out {}: the sweep there was begun with a different "
                                          "design or scenario; start a new sweep in another "
                                          "directory",
                                          name));
        }
    } else if (!is_empty_directory(dir, {output_lock_name})) {
        check_output_target(options.out, dir, rules); // refuses unless an unrest sweep and --force
        empty_sweep_directory(dir);
    }
    session.lock->reserve(failure_reserve_bytes);
}

} // namespace

std::unique_ptr<SweepSession> open_sweep_session(const SweepSpec& spec, const SweepOptions& options,
                                                 int ranks, int& status) {
    status = 2;
    std::unique_ptr<SweepSession> session;
    try {
        session = std::make_unique<SweepSession>(spec, read_scenario_source(spec.scenario_file));
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return nullptr;
    }
    const int cores = std::max(1, omp_get_num_procs());
    const int jobs = options.jobs > 0 ? options.jobs : cores;
    try {
        // Under MPI the runs are on the worker ranks, one each, each checked there.
        const int at_once = ranks > 1 ? 1
                                      : static_cast<int>(std::min<std::int64_t>(
                                            jobs, std::max<std::int64_t>(1, session->plan.runs())));
        if (const std::string problem =
                sweep_memory_problem(session->plan, session->scenario, at_once);
            !problem.empty()) {
            fmt::print(stderr, "error: {}: {}\n", spec.file, problem);
            return nullptr;
        }
    } catch (const std::invalid_argument& e) { // UNREST_MEMORY_LIMIT
        fmt::print(stderr, "error: {}\n", e.what());
        return nullptr;
    }
    const std::string design_id =
        sweep_design_id(spec, session->scenario, session->plan, session->table);
    try {
        prepare_sweep_directory(*session, options, design_id);
    } catch (const OutputError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return nullptr;
    } catch (const fs::filesystem_error& e) {
        fmt::print(stderr, "error: --out '{}': {}\n", detail::printable(options.out.string()),
                   e.code().message());
        return nullptr;
    }
    const fs::path& dir = session->dir;
    remove_leftovers(dir);

    // Under MPI each worker rank runs one run at a time: the runs in flight are the workers.
    session->manifest = make_sweep_manifest(spec, session->scenario.sha256, session->plan,
                                            design_id, options, ranks > 1 ? ranks - 1 : jobs);
    session->manifest.ranks = ranks;
    try {
        const SweepSession& s = *session;
        const JournalRowCheck check = [&s](std::int64_t run_id,
                                           const std::vector<std::string>& fields) {
            return s.table.row_problem(s.plan.run(run_id), fields);
        };
        // Checked before anything is written: a directory whose rows are not this sweep's is
        // left as it was, its manifest included.
        if (options.resume) {
            check_before_resuming(dir, s.table.header_line(), s.plan.runs(), check);
        }
        write_sweep_manifest(dir / "sweep_manifest.json", session->manifest);
        // A finished sweep resumed: its sorted runs.csv is a journal with every row in.
        if (options.resume && !fs::exists(dir / "runs.journal.csv") &&
            fs::exists(dir / "runs.csv")) {
            fs::copy_file(dir / "runs.csv", dir / "runs.journal.csv");
        }
        session->journal =
            std::make_unique<RunJournal>(dir / "runs.journal.csv", session->table.header_line(),
                                         session->plan.runs(), options.resume, check);
    } catch (const JournalError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        fmt::print(stderr,
                   "the sweep in '{}' was left as it was; start a new sweep in another "
                   "directory, or mend the file\n",
                   detail::printable(options.out.string()));
        return nullptr;
    } catch (const OutputError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        status = 1;
        return nullptr;
    } catch (const fs::filesystem_error& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        status = 1;
        return nullptr;
    }
    session->timings.open(dir / "timings.csv", std::ios::app);
    if (session->timings.tellp() == 0) {
        session->timings << "run_id,wall_seconds,threads\n" << std::flush;
    }
    if (!session->timings) {
        fmt::print(stderr, "error: cannot write '{}'\n", (dir / "timings.csv").string());
        status = 1;
        return nullptr;
    }
    session->bar.emplace("unrest sweep", session->plan.runs(), "runs", !options.quiet);
    status = 0;
    return session;
}

std::int64_t SweepSession::next_pending() {
    for (;;) {
        const std::int64_t id = cursor.fetch_add(1);
        if (id >= plan.runs()) {
            return -1;
        }
        if (!journal->done(id)) {
            return id;
        }
    }
}

void SweepSession::fail_output(const std::string& why) {
    if (output_failure.empty()) {
        output_failure = why;
    }
}

void SweepSession::record(const RunPlan& run, const RunOutcome& outcome, const std::string& row,
                          double wall, int threads) {
    if (outcome.output_failed) {
        const std::lock_guard<std::mutex> guard(mutex);
        fail_output(outcome.error);
        return;
    }
    try {
        journal->append(run.run_id, row);
    } catch (const OutputError& e) {
        const std::lock_guard<std::mutex> guard(mutex);
        fail_output(e.what());
        return;
    }
    const std::lock_guard<std::mutex> guard(mutex);
    timings << fmt::format("{},{:.6f},{}\n", run.run_id, wall, threads) << std::flush;
    if (!timings) {
        fail_output(fmt::format("cannot write '{}'", (dir / "timings.csv").string()));
    }
    if (!outcome.ok) {
        ++failed;
        if (spec.on_error == SweepOnError::stop) {
            stop = true;
        }
    }
    bar->update(journal->done_count(), fmt::format("{} failed", failed));
}

int close_sweep_session(SweepSession& session, bool interrupted_run, bool quiet) {
    session.bar->finish();
    const fs::path manifest_file = session.dir / "sweep_manifest.json";
    const std::int64_t runs = session.plan.runs();
    // An interruption after the last run is recorded changes nothing: the sweep is complete.
    const bool all_done = session.journal->done_count() == runs;
    if (session.output_failure.empty() && (session.stop || (interrupted_run && !all_done))) {
        session.manifest.status = session.stop ? "stopped" : "interrupted";
        session.manifest.finished_utc = utc_now();
        try {
            write_sweep_manifest(manifest_file, session.manifest);
        } catch (const OutputError& e) {
            fmt::print(stderr, "error: {}\n", e.what());
        }
        fmt::print(stderr, "sweep {}: {} of {} runs done; run again with --resume to finish\n",
                   session.manifest.status, session.journal->done_count(), runs);
        return 1;
    }
    if (session.output_failure.empty()) {
        try {
            session.journal->finish(session.dir / "runs.csv");
        } catch (const OutputError& e) {
            session.output_failure = e.what();
        }
    }
    if (!session.output_failure.empty()) {
        // The room set aside in the lock file is given back, so that this can still be written.
        session.lock->release_reserve();
        session.manifest.status = "failed";
        session.manifest.finished_utc = utc_now();
        fmt::print(stderr, "error: {}\n", session.output_failure);
        try {
            write_sweep_manifest(manifest_file, session.manifest);
        } catch (const OutputError& e) {
            fmt::print(stderr, "error: {} (the manifest still says running)\n", e.what());
        }
        fmt::print(stderr,
                   "sweep failed: {} of {} runs done; make room (or mend the cause) and run "
                   "again with --resume to finish\n",
                   session.journal->done_count(), runs);
        return 1;
    }
    std::error_code ec;
    fs::remove(session.dir / "runs.journal.csv", ec);
    session.manifest.status = "complete";
    session.manifest.finished_utc = utc_now();
    try {
        write_sweep_manifest(manifest_file, session.manifest);
    } catch (const OutputError& e) {
        fmt::print(stderr, "error: {} (runs.csv is complete; the manifest still says running)\n",
                   e.what());
        return 1;
    }
    if (!quiet) {
        fmt::print("unrest sweep: {} runs ({} failed in this session) written to {}\n", runs,
                   session.failed, (session.display_dir / "runs.csv").string());
    }
    return 0;
}

bool sweep_interrupted() {
    return interrupted.load();
}

void install_sweep_signal_handlers() {
    // A closed terminal (SIGHUP) is an interruption like Ctrl-C.
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        std::signal(signal, on_sweep_signal);
    }
}

int run_sweep(const SweepSpec& spec, const SweepOptions& options) {
    int status = 0;
    install_sweep_signal_handlers();
    const std::unique_ptr<SweepSession> session = open_sweep_session(spec, options, 1, status);
    if (!session) {
        return status;
    }
    const int cores = std::max(1, omp_get_num_procs());
    const std::int64_t pending = session->plan.runs() - session->journal->done_count();
    const int workers = static_cast<int>(
        std::min<std::int64_t>(static_cast<std::int64_t>(session->manifest.jobs), pending));
    const int threads = threads_per_run(cores, workers);
    auto work = [&] {
        omp_set_num_threads(threads);
        while (!session->stopped() && !interrupted.load()) {
            const std::int64_t id = session->next_pending();
            if (id < 0) {
                break;
            }
            const RunPlan plan = session->plan.run(id);
            const auto t0 = std::chrono::steady_clock::now();
            const RunOutcome outcome = execute_run(spec, session->scenario, plan, session->dir);
            const double wall =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            session->record(plan, outcome, session->table.row_line(plan, outcome), wall, threads);
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w) {
        pool.emplace_back(work);
    }
    if (workers > 0) {
        work();
    }
    for (std::thread& t : pool) {
        t.join();
    }
    return close_sweep_session(*session, interrupted.load(), options.quiet);
}

} // namespace unrest
