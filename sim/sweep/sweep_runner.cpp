#include "sweep_runner.hpp"

#include "../output/output_dir.hpp"
#include "../output/sha256.hpp"
#include "../run/progress.hpp"
#include "../run/single_run.hpp"
#include "../scenario/load.hpp"
#include "run_journal.hpp"
#include "sweep_manifest.hpp"

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
                            const std::vector<RunPlan>& runs, const RunsTable& table) {
    std::string text = table.header_line();
    text += scenario.sha256 + "\n";
    for (const RunPlan& r : runs) {
        text += fmt::format("{} {} {}", r.run_id, r.seed, fmt::join(run_overrides(spec, r), " "));
        text += "\n";
    }
    return sha256_hex(text);
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
        std::optional<OutputDirectory> keep;
        SingleRunOptions options;
        if (spec.keep != SweepKeep::none) {
            keep.emplace(OutputDirectory::prepare(
                sweep_dir / "runs" / fmt::format("{}", plan.run_id), true));
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

std::unique_ptr<SweepSession> open_sweep_session(const SweepSpec& spec, const SweepOptions& options,
                                                 int ranks, int& status) {
    auto session = std::make_unique<SweepSession>(spec);
    session->runs = plan_runs(spec);
    const std::string design_id =
        sweep_design_id(spec, session->scenario, session->runs, session->table);
    const fs::path dir = options.out;
    session->dir = dir;
    const fs::path manifest_file = dir / "sweep_manifest.json";

    // The output directory: fresh (absent, empty, or replaced with --force) or resumed.
    std::error_code ec;
    status = 2;
    if (options.resume) {
        const std::optional<std::string> previous = read_sweep_design_id(manifest_file);
        if (!previous) {
            fmt::print(stderr, "error: {}: nothing to resume (no sweep_manifest.json)\n",
                       dir.string());
            return nullptr;
        }
        if (*previous != design_id) {
            fmt::print(stderr,
                       "error: {}: the sweep there was begun with a different design or scenario; "
                       "start a new sweep in another directory\n",
                       dir.string());
            return nullptr;
        }
    } else {
        if (fs::exists(dir) && !(fs::is_directory(dir) && fs::is_empty(dir))) {
            if (!options.force) {
                fmt::print(stderr,
                           "error: {}: exists and is not empty (pass --force to replace it, "
                           "or --resume to continue the sweep there)\n",
                           dir.string());
                return nullptr;
            }
            fs::remove_all(dir);
        }
        fs::create_directories(dir);
    }
    status = 0;
    // Leftovers of a killed sweep: the unfinished runs.csv and per-run output folders of runs in
    // flight (their runs have no row and run again).
    fs::remove_all(dir / "runs.csv.tmp", ec);
    if (fs::is_directory(dir / "runs")) {
        for (const fs::directory_entry& e : fs::directory_iterator(dir / "runs")) {
            if (e.path().filename().string().find(".tmp-") != std::string::npos) {
                fs::remove_all(e.path(), ec);
            }
        }
    }

    const int cores = std::max(1, omp_get_num_procs());
    const int jobs = options.jobs > 0 ? options.jobs : cores;
    // Under MPI each worker rank runs one run at a time: the runs in flight are the workers.
    session->manifest = make_sweep_manifest(spec, session->scenario.sha256, session->runs,
                                            design_id, options, ranks > 1 ? ranks - 1 : jobs);
    session->manifest.ranks = ranks;
    write_sweep_manifest(manifest_file, session->manifest);

    // A finished sweep resumed: its sorted runs.csv is a journal with every row in.
    if (options.resume && !fs::exists(dir / "runs.journal.csv") && fs::exists(dir / "runs.csv")) {
        fs::copy_file(dir / "runs.csv", dir / "runs.journal.csv");
    }
    session->journal = std::make_unique<RunJournal>(
        dir / "runs.journal.csv", session->table.header_line(),
        static_cast<std::int64_t>(session->runs.size()), options.resume);
    for (const RunPlan& r : session->runs) {
        if (!session->journal->done(r.run_id)) {
            session->pending.push_back(&r);
        }
    }
    session->timings.open(dir / "timings.csv", std::ios::app);
    if (session->timings.tellp() == 0) {
        session->timings << "run_id,wall_seconds,threads\n";
    }
    session->bar.emplace("unrest sweep", static_cast<std::int64_t>(session->runs.size()), "runs",
                         !options.quiet);
    return session;
}

void SweepSession::record(const RunPlan& plan, const std::string& row, bool ok, double wall,
                          int threads) {
    journal->append(plan.run_id, row);
    const std::lock_guard<std::mutex> lock(mutex);
    timings << fmt::format("{},{:.6f},{}\n", plan.run_id, wall, threads) << std::flush;
    if (!ok) {
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
    // An interruption after the last run is recorded changes nothing: the sweep is complete.
    const bool all_done =
        session.journal->done_count() == static_cast<std::int64_t>(session.runs.size());
    if (session.stop || (interrupted_run && !all_done)) {
        session.manifest.status = session.stop ? "stopped" : "interrupted";
        session.manifest.finished_utc = utc_now();
        write_sweep_manifest(manifest_file, session.manifest);
        fmt::print(stderr, "sweep {}: {} of {} runs done; run again with --resume to finish\n",
                   session.manifest.status, session.journal->done_count(), session.runs.size());
        return 1;
    }
    session.journal->finish(session.dir / "runs.csv");
    std::error_code ec;
    fs::remove(session.dir / "runs.journal.csv", ec);
    session.manifest.status = "complete";
    session.manifest.finished_utc = utc_now();
    write_sweep_manifest(manifest_file, session.manifest);
    if (!quiet) {
        fmt::print("unrest sweep: {} runs ({} failed in this session) written to {}\n",
                   session.runs.size(), session.failed, (session.dir / "runs.csv").string());
    }
    return 0;
}

bool sweep_interrupted() {
    return interrupted.load();
}

void install_sweep_signal_handlers() {
    std::signal(SIGINT, on_sweep_signal);
    std::signal(SIGTERM, on_sweep_signal);
}

int run_sweep(const SweepSpec& spec, const SweepOptions& options) {
    int status = 0;
    install_sweep_signal_handlers();
    const std::unique_ptr<SweepSession> session = open_sweep_session(spec, options, 1, status);
    if (!session) {
        return status;
    }
    const int cores = std::max(1, omp_get_num_procs());
    const int workers = static_cast<int>(std::min<std::size_t>(
        static_cast<std::size_t>(session->manifest.jobs), session->pending.size()));
    const int threads = threads_per_run(cores, workers);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        omp_set_num_threads(threads);
        while (!session->stopped() && !interrupted.load()) {
            const std::size_t i = next.fetch_add(1);
            if (i >= session->pending.size()) {
                break;
            }
            const RunPlan& plan = *session->pending[i];
            const auto t0 = std::chrono::steady_clock::now();
            const RunOutcome outcome = execute_run(spec, session->scenario, plan, session->dir);
            const double wall =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            session->record(plan, session->table.row_line(plan, outcome), outcome.ok, wall,
                            threads);
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
