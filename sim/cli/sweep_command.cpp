#include "sweep_command.hpp"

#include "../run/thread_limits.hpp"
#include "../scenario/load.hpp"
#include "../sweep/mpi_sweep.hpp"
#include "../sweep/sweep_spec.hpp"

#include <fmt/format.h>

namespace unrest::cli {

int sweep_command(const std::string& sweep_file, const SweepOptions& options) {
    if (const std::string problem = omp_environment_problem(); !problem.empty()) {
        fmt::print(stderr, "error: {}\n", problem);
        return 2;
    }
    SweepSpec spec;
    try {
        spec = load_sweep_file(sweep_file);
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    }
    if (launched_by_mpi()) {
        return run_sweep_mpi(spec, options);
    }
    return run_sweep(spec, options);
}

} // namespace unrest::cli
