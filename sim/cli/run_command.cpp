#include "run_command.hpp"

#include "../output/comparison.hpp"
#include "../output/manifest.hpp"
#include "../output/output_dir.hpp"
#include "../output/sha256.hpp"
#include "../output/snapshots.hpp"
#include "../run/memory_budget.hpp"
#include "../run/progress.hpp"
#include "../run/single_run.hpp"
#include "../run/thread_limits.hpp"
#include "../scenario/input_text.hpp"
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

// The output directory as the user named it, without a trailing separator or a final ".".
std::filesystem::path display_path(const std::string& given) {
    std::filesystem::path p = std::filesystem::path(given).lexically_normal();
    if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) {
        p = p.parent_path();
    }
    return p;
}

// The shown reported figures after a run with compare: (docs/reported_figures.md).
void print_comparison(const Scenario& scenario, const std::vector<ComparisonRow>& rows) {
    if (!scenario.compare) {
        return;
    }
    std::vector<ComparisonRow> shown;
    std::size_t simulated = 0;
    std::size_t within = 0;
    for (const ComparisonRow& row : rows) {
        if (row.shown) {
            shown.push_back(row);
        }
        simulated += row.simulated ? 1 : 0;
        within += row.within == "yes" ? 1 : 0;
    }
    if (scenario.compare->show_given) { // in the order of show:
        std::vector<ComparisonRow> ordered;
        for (const std::string& id : scenario.compare->show) {
            for (const ComparisonRow& row : shown) {
                if (row.figure.id == id) {
                    ordered.push_back(row);
                }
            }
        }
        shown = std::move(ordered);
    }
    fmt::print("reported figures ({}): {} of {} simulated, {} within the reported range; all in "
               "comparison.csv\n",
               detail::printable(scenario.compare->reported), simulated, rows.size(), within);
    // Line by line: the cells come from the reported file, escaped like every input text.
    const std::string table = shown.empty() ? std::string() : comparison_table(shown);
    for (std::size_t begin = 0; begin < table.size();) {
        const std::size_t end = table.find('\n', begin);
        fmt::print("{}\n", detail::printable(std::string_view(table).substr(begin, end - begin)));
        begin = end + 1;
    }
}

} // namespace

int run_command(const RunOptions& options) {
    Scenario scenario;
    Tick snapshot_every = 0;
    try {
        scenario = load_scenario_file(options.scenario_file, options.overrides,
                                      run_flag_overrides(options));
        if (options.snapshot_every) {
            snapshot_every = snapshot_interval(*options.snapshot_every, scenario.calendar);
        }
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
    if (options.threads) {
        if (const std::string problem = thread_count_problem("--threads", *options.threads);
            !problem.empty()) {
            fmt::print(stderr, "error: {}\n", problem);
            return 2;
        }
        omp_set_num_threads(*options.threads);
    } else if (const std::string problem = omp_environment_problem(); !problem.empty()) {
        fmt::print(stderr, "error: {}\n", problem);
        return 2;
    }

    // Refused before anything is allocated: a scenario larger than the machine's memory.
    try {
        if (const std::string problem = run_memory_problem(scenario); !problem.empty()) {
            fmt::print(stderr, "error: {}: {}\n", options.scenario_file, problem);
            return 2;
        }
        if (snapshot_every > 0) {
            if (const std::string problem = snapshot_size_problem(scenario, snapshot_every);
                !problem.empty()) {
                fmt::print(stderr, "error: {}\n", problem);
                return 2;
            }
        }
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }

    // Handlers first: a signal after the temporary directory exists must still remove it. A
    // closed terminal (SIGHUP) is an interruption like any other.
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        std::signal(signal, on_signal);
    }
    std::optional<OutputDirectory> out;
    try {
        OutputRules rules;
        rules.kind = OutputKind::run;
        rules.force = options.force;
        rules.inputs = {options.scenario_file};
        out.emplace(OutputDirectory::prepare(options.out_dir, rules));
    } catch (const OutputError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
    const std::string started = utc_now();
    PhaseProfile profile;
    std::vector<ComparisonRow> comparison;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        ProgressBar bar("unrest run", scenario.run.ticks, "ticks", !options.quiet);
        SingleRunOptions run;
        run.timeseries_dir = out->temp();
        run.check_invariants = options.check;
        run.profile = &profile;
        run.comparison = &comparison;
        run.snapshot_every = snapshot_every;
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
    if (options.profile) {
        fmt::print(stderr, "{}", profile_table(profile));
    }
    if (!options.quiet) {
        fmt::print("unrest: simulated '{}' for {} ticks (seed {}, {} threads)\n",
                   detail::printable(scenario.name), scenario.run.ticks, scenario.run.seed,
                   omp_get_max_threads());
        const std::filesystem::path shown = display_path(options.out_dir);
        fmt::print("outputs written to {}/\n", detail::printable(shown.string()));
        for (const std::string& f : output_file_names(out->final_path())) {
            fmt::print("  {}\n", detail::printable((shown / f).string()));
        }
        print_comparison(scenario, comparison);
    }
    return 0;
}

} // namespace unrest::cli
