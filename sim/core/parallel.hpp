// When a loop is worth an OpenMP team. Waking threads costs microseconds (far more when the
// machine is oversubscribed), so loops over fewer items than this run on the calling thread.
// Results never depend on this: every parallel loop here is thread-count independent.
#pragma once

#include <cstdint>

namespace unrest {

inline constexpr std::int64_t min_parallel_items = 16384;

} // namespace unrest
