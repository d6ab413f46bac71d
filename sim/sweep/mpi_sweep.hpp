// The sweep across MPI ranks (`mpirun -np N unrest sweep ...`): rank 0 deals out runs one at a
// time to the other ranks as they become free and writes every row; results are the same bytes
// as a local sweep. Built when OpenMPI is found (UNREST_HAVE_MPI); otherwise launched_by_mpi()
// is false and the program runs the local sweep.
#pragma once

#include "sweep_runner.hpp"

namespace unrest {

// Whether this process was started by mpirun with more than one rank (and MPI is built in).
bool launched_by_mpi();

// Exit status as run_sweep's; the same on every rank.
int run_sweep_mpi(const SweepSpec& spec, const SweepOptions& options);

} // namespace unrest
