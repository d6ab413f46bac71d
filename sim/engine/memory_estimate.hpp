// How much memory a simulation needs at its peak, known before anything is allocated, so that a
// scenario too large for the machine is refused with a message instead of dying of bad_alloc
// part way. An upper bound from the sizes of the run state's arrays (docs/performance.md,
// "Memory", gives the breakdown and the measured peaks it bounds). Several regions: the sum of
// the regions' cells and agents (regions run one after another, but every region's state is
// kept); the fixed part once.
//   per cell:  cell lists' heads, the two count-field channels that Model I's rules declare
//              (cops, actives), the tile of each cell (4 B each); while the world is built, the
//              random order of the cells (16 B) and their kinds (1 B); simultaneous
//              activation's claims (8 B)
//   per agent: kind, state, cell, hardship, risk aversion, jail term, placement flag, list link
//              (35 B); the per-tick buckets of random-sequential activation or the wishes and
//              targets of simultaneous activation (up to 18 B)
// A rule that declares another channel adds 4 B per cell: update memory_bytes_per_cell.
#pragma once

#include "model_config.hpp"
#include "simulation_spec.hpp"

#include <cstdint>

namespace unrest {

inline constexpr std::uint64_t memory_bytes_per_cell = 32;
inline constexpr std::uint64_t memory_bytes_per_agent = 56;
inline constexpr std::uint64_t memory_bytes_fixed = 16u << 20; // program, libraries, threads

struct MemoryEstimate {
    std::int64_t cells = 0;
    std::int64_t agents = 0; // citizens and every cop the cop schedule may deploy
    std::uint64_t bytes = 0; // cells x per cell + agents x per agent + fixed
};

MemoryEstimate estimate_memory(const ModelConfig& config);
// What the forces' rules (casualties, withdrawal, contingents, sites) add when they are on: their
// channels and optional columns (0 in Model I).
std::uint64_t forces_extra_bytes(const ModelConfig& config, std::int64_t cells,
                                 std::int64_t agents);
// Every region of the spec: cells and agents summed.
MemoryEstimate estimate_memory(const SimulationSpec& spec);

} // namespace unrest
