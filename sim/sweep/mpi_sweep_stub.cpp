// Without MPI: no process is ever launched by mpirun as far as unrest is concerned.
#ifndef UNREST_HAVE_MPI
#include "mpi_sweep.hpp"

namespace unrest {

bool launched_by_mpi() {
    return false;
}

int run_sweep_mpi(const SweepSpec& spec, const SweepOptions& options) {
    return run_sweep(spec, options);
}

} // namespace unrest
#endif
