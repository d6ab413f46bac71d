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
#include <optional>
#include <string>

namespace unrest {

namespace {

// worker -> 0: "run_id status wall_us threads\ntext", or "-1" (ready); status 1 ok, 0 a failed
// run (text: its row), 2 a run that could not write its outputs (text: why).
constexpr int tag_request = 1;
constexpr int tag_assign = 2; // 0 -> worker: the run_id to run next, or -1 to stop
constexpr int tag_status = 3; // 0 -> all: session status before work starts

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
    int active = ranks - 1;
    while (active > 0) {
        MPI_Status st;
        MPI_Probe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &st);
        int bytes = 0;
        MPI_Get_count(&st, MPI_CHAR, &bytes);
        std::string message(static_cast<std::size_t>(bytes), '\0');
        MPI_Recv(message.data(), bytes, MPI_CHAR, st.MPI_SOURCE, tag_request, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        // "<index> <status> <wall_us> <threads>\n<text>" or "-1" (ready, nothing to report)
        const std::size_t nl = message.find('\n');
        long long index = -1;
        int status_code = 0;
        long long wall_us = 0;
        int threads = 1;
        std::sscanf(message.c_str(), "%lld %d %lld %d", &index, &status_code, &wall_us, &threads);
        if (index >= 0 && index < session->plan.runs() && nl != std::string::npos) {
            RunOutcome outcome;
            outcome.ok = status_code == 1;
            outcome.output_failed = status_code == 2;
            const std::string text = message.substr(nl + 1);
            if (outcome.output_failed) {
                outcome.error = text;
            }
            session->record(session->plan.run(index), outcome, text,
                            static_cast<double>(wall_us) * 1e-6, threads);
        }
        long long assign = -1;
        if (!session->stopped() && !sweep_interrupted()) {
            assign = session->next_pending();
        }
        if (assign < 0) {
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
    // The same plan as rank 0's: rank 0 sends run ids.
    const SweepPlan runs(spec);
    const RunsTable table(spec);
    // Read once, as rank 0 did; if it cannot be read here, every run reports why.
    std::optional<ScenarioSource> scenario;
    std::string unreadable;
    try {
        scenario = read_scenario_source(spec.scenario_file);
    } catch (const std::exception& e) {
        unreadable = e.what();
    }
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
        const RunPlan plan = runs.run(assign);
        const auto t0 = std::chrono::steady_clock::now();
        RunOutcome outcome;
        if (scenario) {
            outcome = execute_run(spec, *scenario, plan, options.out);
        } else {
            outcome.output_failed = true;
            outcome.error = unreadable;
        }
        const auto wall_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::steady_clock::now() - t0)
                                 .count();
        message = fmt::format(
            "{} {} {} {}\n{}", assign, outcome.output_failed ? 2 : (outcome.ok ? 1 : 0), wall_us,
            threads, outcome.output_failed ? outcome.error : table.row_line(plan, outcome));
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
