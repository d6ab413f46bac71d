#include "jail_phase.hpp"

#include "../core/parallel.hpp"
#include "../rules/jail.hpp"
#include "world_ops.hpp"

namespace unrest::detail {

std::int64_t count_down_all(World& w, const TickContext& ctx) {
    const auto n = static_cast<AgentId>(w.pop.size());
    std::vector<std::uint8_t> done(n, 0);
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        if (w.pop.state[a] == State::jailed && !w.pop.awaiting_placement[a]) {
            done[a] = count_down(w.pop.jail_remaining[a]) ? 1 : 0;
        }
    }
    std::int64_t released = 0;
    for (AgentId a = 0; a < n; ++a) { // in id order: releases may share a cell (in_place_free)
        if (done[a] && release_citizen(w, ctx.config.jail, a)) {
            ++released;
        }
    }
    return released;
}

CellIndex random_empty_cell(const World& w, const TickContext& ctx, AgentId a, Purpose purpose) {
    const auto cells = static_cast<std::uint32_t>(w.torus.cells());
    constexpr std::uint32_t tries = 64;
    for (std::uint32_t i = 0; i < tries; ++i) {
        const auto c = static_cast<CellIndex>(
            ctx.rng.below(cells, ctx.tick, static_cast<std::uint32_t>(a), purpose, i));
        if (w.lists.empty(c)) {
            return c;
        }
    }
    // Nearly full grid: count the empty cells and take one uniformly.
    std::uint32_t empty = 0;
    for (CellIndex c = 0; c < static_cast<CellIndex>(cells); ++c) {
        empty += w.lists.empty(c) ? 1U : 0U;
    }
    if (empty == 0) {
        return no_cell;
    }
    std::uint32_t k = ctx.rng.below(empty, ctx.tick, static_cast<std::uint32_t>(a), purpose, tries);
    for (CellIndex c = 0; c < static_cast<CellIndex>(cells); ++c) {
        if (w.lists.empty(c) && k-- == 0) {
            return c;
        }
    }
    return no_cell;
}

std::int64_t place_released(World& w, const TickContext& ctx) {
    if (ctx.config.jail.placement != JailPlacement::off_grid) {
        return 0; // only an off-grid jail releases citizens who need a cell
    }
    std::int64_t placed = 0;
    const auto n = static_cast<AgentId>(w.pop.size());
    for (AgentId a = 0; a < n; ++a) {
        if (!w.pop.awaiting_placement[a]) {
            continue;
        }
        const CellIndex c = random_empty_cell(w, ctx, a, Purpose::release);
        if (c != no_cell) {
            place_agent(w, a, c, State::quiet);
            ++placed;
        }
    }
    return placed;
}

} // namespace unrest::detail
