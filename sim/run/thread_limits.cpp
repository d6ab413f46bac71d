#include "thread_limits.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <omp.h>

namespace unrest {

int max_threads() {
    return 4 * std::max(1, omp_get_num_procs());
}

std::string thread_count_problem(std::string_view option, std::int64_t value) {
    if (value >= 1 && value <= max_threads()) {
        return {};
    }
    return fmt::format("{}: expected an integer in [1, {}] (at most 4 x the {} cores), found {}",
                       option, max_threads(), std::max(1, omp_get_num_procs()), value);
}

std::string omp_environment_problem() {
    const char* text = std::getenv("OMP_NUM_THREADS");
    if (text == nullptr || text[0] == '\0') {
        return {};
    }
    // OpenMP reads the first value of a comma-separated list; omp_get_max_threads() is it.
    const int threads = omp_get_max_threads();
    if (threads <= max_threads()) {
        return {};
    }
    return fmt::format("OMP_NUM_THREADS={}: expected at most {} threads (4 x the {} cores); "
                       "unset it or use --threads",
                       text, max_threads(), std::max(1, omp_get_num_procs()));
}

} // namespace unrest
