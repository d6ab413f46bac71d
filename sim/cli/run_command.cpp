#include "run_command.hpp"

#include "../output/manifest.hpp"
#include "../output/output_dir.hpp"
#include "../output/sha256.hpp"
#include "../run/memory_budget.hpp"
#include "../run/progress.hpp"
#include "../run/single_run.hpp"
#include "../run/thread_limits.hpp"
#include "../scenario/load.hpp"

#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <ctime>
#include <fmt/format.h>
#include <fstream>
#include <limits>
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

// A decimal integer in [0, max], digits only: no sign, no spaces, no overflow. (CLI11 wraps
// "-1" and saturates overflowing values silently, so these options are parsed here.)
std::optional<std::uint64_t> parse_count(const std::string& text, std::uint64_t max) {
    std::uint64_t v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end || v > max) {
        return std::nullopt;
    }
    return v;
}

} // namespace

int run_command(const RunOptions& options) {
    Scenario scenario;
    try {
        scenario = load_scenario_file(options.scenario_file, options.overrides);
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
    if (options.seed) {
        const auto seed = parse_count(*options.seed, std::numeric_limits<std::uint64_t>::max());
        if (!seed) {
            fmt::print(stderr, "error: --seed: expected an integer in [0, 2^64), found {}\n",
                       *options.seed);
            return 2;
        }
        scenario.run.seed = *seed;
    }
    if (options.ticks) {
        const auto ticks = parse_count(*options.ticks, static_cast<std::uint64_t>(max_ticks));
        if (!ticks) {
            fmt::print(stderr, "error: --ticks: expected an integer in [0, {}], found {}\n",
                       max_ticks, *options.ticks);
            return 2;
        }
        scenario.run.ticks = static_cast<Tick>(*ticks);
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
        if (const std::string problem = run_memory_problem(scenario.model); !problem.empty()) {
            fmt::print(stderr, "error: {}: {}\n", options.scenario_file, problem);
            return 2;
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
        const std::filesystem::path shown = display_path(options.out_dir);
        fmt::print("outputs written to {}/\n", shown.string());
        for (const char* f : {"timeseries.csv", "summary.json", "manifest.json"}) {
            fmt::print("  {}\n", (shown / f).string());
        }
    }
    return 0;
}

} // namespace unrest::cli
