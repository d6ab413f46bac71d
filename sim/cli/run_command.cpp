#include "run_command.hpp"

#include "../output/manifest.hpp"
#include "../output/output_dir.hpp"
#include "../output/sha256.hpp"
#include "../run/progress.hpp"
#include "../run/single_run.hpp"
#include "../scenario/load.hpp"
#include "run_flags.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <omp.h>

namespace unrest::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_signal(int /*signal*/) {
    interrupted.store(true);
}

struct Interrupted {};

} // namespace

int run_command(const RunOptions& options) {
    Scenario scenario;
    try {
        scenario = load_scenario_file(options.scenario_file, options.overrides,
                                      run_flag_overrides(options));
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
    if (options.threads) {
        if (*options.threads < 1) {
            fmt::print(stderr, "error: --threads: expected an integer >= 1, found {}\n",
                       *options.threads);
            return 2;
        }
        omp_set_num_threads(*options.threads);
    }

    // Handlers first: a signal after the temporary directory exists must still remove it.
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::optional<OutputDirectory> out;
    try {
        out.emplace(OutputDirectory::prepare(options.out_dir, options.force));
    } catch (const OutputError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
    const std::string started = utc_now();
    const auto t0 = std::chrono::steady_clock::now();
    try {
        ProgressBar bar("unrest run", scenario.run.ticks, "ticks", !options.quiet);
        SingleRunOptions run;
        run.timeseries_dir = out->temp();
        run.check_invariants = options.check;
        run.on_tick = [&bar](Tick t) {
            if (interrupted.load()) {
                throw Interrupted{};
            }
            bar.update(t);
        };
        const nlohmann::ordered_json summary = simulate_scenario(scenario, run);
        bar.finish();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

        Provenance p;
        p.scenario_file = options.scenario_file;
        p.scenario_sha256 = sha256_file_hex(options.scenario_file);
        p.seed = scenario.run.seed;
        p.ticks = scenario.run.ticks;
        p.threads = omp_get_max_threads();
        p.wall_seconds = wall;
        p.started_utc = started;
        p.overrides = options.overrides;
        p.command_line = options.command_line;
        write_summary_and_manifest(out->temp(), summary, scenario, p);
        out->commit();
    } catch (const Interrupted&) {
        fmt::print(stderr, "\ninterrupted: no output written\n");
        return 130;
    } catch (const OutputError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
    if (!options.quiet) {
        fmt::print("unrest: simulated '{}' for {} ticks (seed {}, {} threads)\n", scenario.name,
                   scenario.run.ticks, scenario.run.seed, omp_get_max_threads());
        fmt::print("outputs written to {}/\n", out->final_path().string());
        for (const char* f : {"timeseries.csv", "summary.json", "manifest.json"}) {
            fmt::print("  {}\n", (out->final_path() / f).string());
        }
    }
    return 0;
}

} // namespace unrest::cli
