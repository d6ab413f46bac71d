// The unrest command-line program: run, sweep, validate, params, report.
#include "../run/memory_budget.hpp"
#include "../run/thread_limits.hpp"
#include "../scenario/input_text.hpp"
#include "../scenario/load.hpp"
#include "../scenario/parameter_table.hpp"
#include "../scenario/reported_figures.hpp"
#include "command_name.hpp"
#include "report_command.hpp"
#include "run_command.hpp"
#include "sweep_command.hpp"
#include "unrest/build_info.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace {

std::string joined_command_line(int argc, char** argv) {
    std::string s;
    for (int i = 0; i < argc; ++i) {
        s += (i ? " " : "") + std::string(argv[i]);
    }
    return s;
}

// A reported-figures file (docs/reported_figures.md) checked by `unrest validate`.
int validate_reported(const std::string& file, const std::string& text,
                      const std::vector<std::string>& overrides) {
    if (!overrides.empty()) {
        fmt::print(stderr,
                   "error: {}: --set applies to scenario files, not to a reported-figures "
                   "file\n",
                   unrest::detail::printable(file));
        return 2;
    }
    const unrest::ReportedFigures figures = unrest::load_reported_figures_text(text, file);
    std::size_t simulated = 0;
    for (const unrest::ReportedFigure& f : figures.figures) {
        simulated += unrest::find_quantity(f.quantity)->simulated.empty() ? 0 : 1;
    }
    fmt::print("{}: ok (reported figures: {}, {} of a simulated quantity)\n",
               unrest::detail::printable(file), figures.figures.size(), simulated);
    return 0;
}

int validate_command(const std::string& file, const std::vector<std::string>& overrides,
                     bool print) {
    try {
        // A file whose top level holds `reported:` is a reported-figures file.
        if (const std::string text = unrest::read_input_file(file);
            unrest::is_reported_figures_text(text, file)) {
            return validate_reported(file, text, overrides);
        }
        const unrest::Scenario s = unrest::load_scenario_file(file, overrides);
        if (const std::string problem = unrest::run_memory_problem(s); !problem.empty()) {
            fmt::print(stderr, "error: {}: {}\n", file, problem);
            return 2;
        }
        if (print) {
            YAML::Emitter e;
            e << unrest::resolved_yaml(s);
            std::cout << e.c_str() << "\n";
        } else {
            fmt::print("{}: ok ('{}', {}x{} grid, {} ticks)\n", unrest::detail::printable(file),
                       unrest::detail::printable(s.name), s.model.grid.width, s.model.grid.height,
                       s.run.ticks);
        }
        return 0;
    } catch (const unrest::ScenarioError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    } catch (const std::invalid_argument& e) { // UNREST_MEMORY_LIMIT
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
}

} // namespace

int main(int argc, char** argv) {
    // `unrest report ARGS...` hands ARGS, unchanged, to the Python package (report_command.hpp),
    // which parses them and answers `--help`: CLI11 never sees them.
    if (argc >= 2 && std::string_view(argv[1]) == "report") {
        return unrest::cli::report_command(std::vector<std::string>(argv + 2, argv + argc));
    }
    CLI::App app{"unrest: agent-based simulation of civil unrest (Epstein's civil violence model "
                 "and its extensions)"};
    app.set_version_flag("--version",
                         fmt::format("unrest {} (git {}, {} build, {})",
                                     unrest::build_info::version, unrest::build_info::git_revision,
                                     unrest::build_info::build_type, unrest::build_info::compiler));
    app.require_subcommand(1);

    unrest::cli::RunOptions run;
    run.command_line = joined_command_line(argc, argv);
    CLI::App* run_cmd = app.add_subcommand("run", "Simulate one scenario and write its outputs");
    run_cmd->add_option("file", run.scenario_file, "Scenario YAML file")->required();
    run_cmd->add_option("--out,-o", run.out_dir, "Output directory (must not exist or be empty)")
        ->required();
    run_cmd->add_option("--seed", run.seed, "Seed (overrides the scenario's)");
    run_cmd->add_option("--ticks", run.ticks, "Ticks to simulate (overrides the scenario's)");
    run_cmd->add_option("--threads", run.threads, "OpenMP threads (default: all cores)");
    run_cmd->add_option("--set", run.overrides,
                        "Override a parameter: key.path=value (repeatable)");
    run_cmd->add_option("--snapshot-every", run.snapshot_every,
                        "Write grid snapshots every DURATION (30min, 1h with a calendar) or N "
                        "ticks: snapshots.npz, snapshots.json");
    run_cmd->add_flag("--force", run.force, "Replace a non-empty output directory");
    run_cmd->add_flag("--quiet,-q", run.quiet, "No progress bar, no summary on stdout");
    run_cmd->add_flag("--check", run.check, "Check invariants after every tick (slow)");
    run_cmd->add_flag("--profile", run.profile, "Print the time per phase of the tick to stderr");

    std::string validate_file;
    std::vector<std::string> validate_overrides;
    bool validate_print = false;
    CLI::App* validate_cmd =
        app.add_subcommand("validate", "Check a scenario file without running it (or a "
                                       "reported-figures file: one with a top-level reported:)");
    validate_cmd->add_option("file", validate_file, "Scenario or reported-figures YAML file")
        ->required();
    validate_cmd->add_option("--set", validate_overrides, "Override a parameter: key.path=value");
    validate_cmd->add_flag("--print", validate_print, "Print the fully resolved scenario as YAML");

    std::string sweep_file;
    unrest::SweepOptions sweep;
    std::string sweep_out;
    CLI::App* sweep_cmd = app.add_subcommand(
        "sweep", "Run a parameter sweep: many runs of one scenario, one row each in runs.csv "
                 "(under mpirun: across ranks)");
    sweep_cmd->add_option("file", sweep_file, "Sweep YAML file")->required();
    sweep_cmd->add_option("--out,-o", sweep_out, "Output directory")->required();
    std::optional<std::int64_t> sweep_jobs;
    sweep_cmd->add_option("--jobs,-j", sweep_jobs,
                          "Runs at a time (default: one per core; at most 4 x the cores)");
    sweep_cmd->add_flag("--resume", sweep.resume,
                        "Continue the sweep in --out: run only the missing runs");
    sweep_cmd->add_flag("--force", sweep.force, "Replace a non-empty output directory");
    sweep_cmd->add_flag("--quiet,-q", sweep.quiet, "No progress bar");

    CLI::App* params_cmd =
        app.add_subcommand("params", "Print the table of scenario parameters (Markdown)");

    // Listed for --help and the unknown-command message only: main() runs it before parsing.
    app.add_subcommand("report", "Write the HTML report of a run, sweep, comparison, calibration "
                                 "or sensitivity directory (Python; `unrest report --help`)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::vector<std::string> commands;
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
            commands.push_back(sub->get_name());
        }
        const std::string unknown = unrest::cli::unknown_command_problem(argc, argv, commands);
        if (!unknown.empty()) {
            fmt::print(stderr, "error: {}\n", unknown);
            return 2;
        }
        // CLI11's message quotes the arguments as given: escaped, they cannot act on a terminal.
        fmt::print(stderr, "{}\nRun with --help for more information.\n",
                   unrest::detail::printable(e.what()));
        return 2; // bad usage
    }
    if (run_cmd->parsed()) {
        return unrest::cli::run_command(run);
    }
    if (validate_cmd->parsed()) {
        return validate_command(validate_file, validate_overrides, validate_print);
    }
    if (sweep_cmd->parsed()) {
        if (sweep_jobs) {
            if (const std::string problem = unrest::thread_count_problem("--jobs", *sweep_jobs);
                !problem.empty()) {
                fmt::print(stderr, "error: {}\n", problem);
                return 2;
            }
            sweep.jobs = static_cast<int>(*sweep_jobs);
        }
        sweep.out = sweep_out;
        sweep.command_line = run.command_line;
        return unrest::cli::sweep_command(sweep_file, sweep);
    }
    if (params_cmd->parsed()) {
        std::cout << unrest::parameter_table_markdown();
        return 0;
    }
    return 2;
}
