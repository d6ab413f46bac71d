// How many threads (or concurrent runs) a command may ask for. More than a few per core only
// oversubscribes the machine, and very large counts exhaust it (100,000 OpenMP threads crash
// libgomp), so counts are bounded and a larger one is refused as bad input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace unrest {

// 4 x the cores this process may use.
int max_threads();

// Why `value`, given for `option` (e.g. "--threads"), is refused, or "" when it is accepted:
// an integer in [1, max_threads()].
std::string thread_count_problem(std::string_view option, std::int64_t value);

// Why the OpenMP thread count from the environment (OMP_NUM_THREADS) is refused, or "".
std::string omp_environment_problem();

} // namespace unrest
