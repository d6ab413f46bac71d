// The MPI sweep (compiled only when MPI is found). Rank 0 owns the session (directory, journal,
// manifest, progress) and deals out runs dynamically: a free worker asks, rank 0 answers with
// the next pending run (or "stop"), the worker runs it and sends back its row. Every rank plans
// the same runs from the same sweep file, so only indices and rows travel.
#include "mpi_sweep.hpp"

#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <mpi.h>
#include <omp.h>
#include <string>

namespace unrest {

namespace {

constexpr int tag_request = 1; // worker -> 0: "run_id ok wall_us threads\nrow", or "-1" (ready)
constexpr int tag_assign = 2;  // 0 -> worker: the run_id to run next, or -1 to stop
constexpr int tag_status = 3;  // 0 -> all: session status before work starts

struct MpiSession {
    MpiSession() {
        int initialised = 0;
        MPI_Initialized(&initialised);
        if (!initialised) {
            MPI_Init(nullptr, nullptr);
        }
        MPI_Comm_rank(MPI_COMM_WORLD, &rank);
        MPI_Comm_size(MPI_COMM_WORLD, &size);
    }
    ~MpiSession() { MPI_Finalize(); }
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;
    int rank = 0;
    int size = 1;
};

// OpenMP threads per run on a worker: the node's cores shared by the ranks placed on it.
int worker_threads() {
    const char* local = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
    const int ranks_here = local != nullptr ? std::max(1, std::atoi(local)) : 1;
    return threads_per_run(std::max(1, omp_get_num_procs()), ranks_here);
}

int coordinator(const SweepSpec& spec, const SweepOptions& options, int ranks) {
    int status = 0;
    install_sweep_signal_handlers();
    std::unique_ptr<SweepSession> session = open_sweep_session(spec, options, ranks, status);
    int go = session ? 1 : 0;
    for (int r = 1; r < ranks; ++r) {
        MPI_Send(&go, 1, MPI_INT, r, tag_status, MPI_COMM_WORLD);
    }
    if (!session) {
        return status;
    }
    std::size_t next = 0;
    int active = ranks - 1;
    while (active > 0) {
        MPI_Status st;
        MPI_Probe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &st);
        int bytes = 0;
        MPI_Get_count(&st, MPI_CHAR, &bytes);
        std::string message(static_cast<std::size_t>(bytes), '\0');
        MPI_Recv(message.data(), bytes, MPI_CHAR, st.MPI_SOURCE, tag_request, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        // "<index> <ok> <wall_us> <threads>\n<row>" or "-1" (ready, nothing to report)
        const std::size_t nl = message.find('\n');
        long long index = -1;
        int ok = 0;
        long long wall_us = 0;
        int threads = 1;
        std::sscanf(message.c_str(), "%lld %d %lld %d", &index, &ok, &wall_us, &threads);
        if (index >= 0 && nl != std::string::npos) {
            session->record(session->runs[static_cast<std::size_t>(index)], message.substr(nl + 1),
                            ok != 0, static_cast<double>(wall_us) * 1e-6, threads);
        }
        long long assign = -1;
        if (next < session->pending.size() && !session->stopped() && !sweep_interrupted()) {
            assign = static_cast<long long>(session->pending[next++]->run_id);
        } else {
            --active;
        }
        MPI_Send(&assign, 1, MPI_LONG_LONG, st.MPI_SOURCE, tag_assign, MPI_COMM_WORLD);
    }
    return close_sweep_session(*session, sweep_interrupted(), options.quiet);
}

int worker(const SweepSpec& spec, const SweepOptions& options) {
    // mpirun forwards SIGINT/SIGTERM to every rank: a worker finishes its run and reports it, and
    // rank 0 (interrupted too) then sends no more.
    install_sweep_signal_handlers();
    int go = 0;
    MPI_Recv(&go, 1, MPI_INT, 0, tag_status, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (go == 0) {
        return 2;
    }
    // The same plan as rank 0's (runs[i].run_id == i): rank 0 sends run ids.
    const std::vector<RunPlan> runs = plan_runs(spec);
    const RunsTable table(spec);
    const ScenarioSource scenario = read_scenario_source(spec.scenario_file);
    const int threads = worker_threads();
    omp_set_num_threads(threads);
    std::string message = "-1";
    for (;;) {
        MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, tag_request,
                 MPI_COMM_WORLD);
        long long assign = -1;
        MPI_Recv(&assign, 1, MPI_LONG_LONG, 0, tag_assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (assign < 0) {
            return 0;
        }
        const RunPlan& plan = runs[static_cast<std::size_t>(assign)];
        const auto t0 = std::chrono::steady_clock::now();
        const RunOutcome outcome = execute_run(spec, scenario, plan, options.out);
        const auto wall_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::steady_clock::now() - t0)
                                 .count();
        message = fmt::format("{} {} {} {}\n{}", assign, outcome.ok ? 1 : 0, wall_us, threads,
                              table.row_line(plan, outcome));
    }
}

} // namespace

bool launched_by_mpi() {
    const char* size = std::getenv("OMPI_COMM_WORLD_SIZE");
    return size != nullptr && std::atoi(size) > 1;
}

int run_sweep_mpi(const SweepSpec& spec, const SweepOptions& options) {
    const MpiSession mpi;
    int status = mpi.rank == 0 ? coordinator(spec, options, mpi.size) : worker(spec, options);
    // Every rank exits with rank 0's status.
    MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return status;
}

} // namespace unrest
