// How much memory this process may use: the smallest of what the machine has available
// (MemAvailable in /proc/meminfo), what its cgroup still allows (memory.max - memory.current,
// cgroup v2), its address-space and data limits (ulimit -v, -d), and UNREST_MEMORY_LIMIT when
// set (a size such as 2G, 512M, 1.5G or a number of bytes: a cap for shared machines). A
// scenario or a sweep that needs more is refused before anything is allocated.
#pragma once

#include "../engine/memory_estimate.hpp"
#include "../engine/model_config.hpp"
#include "../scenario/scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace unrest {

struct MemoryBudget {
    std::uint64_t bytes = 0;
    std::string source; // what set the limit, e.g. "MemAvailable in /proc/meminfo"
};

// The budget, or nullopt when nothing says (no /proc, no limits): then nothing is refused.
// Throws std::invalid_argument when UNREST_MEMORY_LIMIT is set but not a size.
std::optional<MemoryBudget> memory_budget();

// "" when `needed` bytes fit in the budget, else "needs about X of memory (<what>), more than
// the Y available (<source>)". Throws std::invalid_argument as memory_budget().
std::string memory_shortfall(std::uint64_t needed, const std::string& what);

// What one run of `model` needs, in words: "40000 x 40000 = 1600000000 cells at 32 B, 1184000000
// agents at 56 B, and 16.0 MiB".
std::string run_memory_breakdown(const ModelConfig& model);

// What one run of a scenario needs: every region's cells and agents summed (the scenario's model
// when it has no regions yet, as in a Scenario built in code).
MemoryEstimate estimate_scenario_memory(const Scenario& scenario);
// The same in words: run_memory_breakdown of the one region, or "3 regions: 12000 cells at 32 B,
// 8400 agents at 56 B, and 16.0 MiB".
std::string scenario_memory_breakdown(const Scenario& scenario);

// "" when one run of `scenario` fits in the budget, else why not, with what to change. Throws
// std::invalid_argument as memory_budget().
std::string run_memory_problem(const Scenario& scenario);

// "95.4 GiB", "512 MiB", "12 KiB", "100 B".
std::string format_bytes(std::uint64_t bytes);

// Parses a size: digits with an optional fraction and an optional unit K, M, G, T (powers of
// 1024; "KiB", "KB" and "k" read the same), e.g. "2G", "1.5g", "512MiB", "1000000".
std::optional<std::uint64_t> parse_size(const std::string& text);

} // namespace unrest
