#include "random_sequential.hpp"

#include "../core/parallel.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace unrest::detail {

namespace {

struct Buckets {
    std::vector<std::int64_t> start; // bucket t holds agents [start[t], start[t+1])
    std::vector<AgentId> agents;
};

// Agents on the grid bucketed by tile (counting sort, ids ascending within a bucket), plus one
// last bucket for agents off the grid that still have something to do (jailed off the grid).
Buckets bucket_by_tile(const World& w) {
    const int tiles = w.tiling.tiles();
    const auto n = static_cast<AgentId>(w.pop.size());
    auto bucket_of = [&](AgentId a) -> int {
        if (w.pop.state[a] == State::withdrawn) {
            return -1;
        }
        const CellIndex c = w.pop.cell[a];
        return c == no_cell ? tiles : w.tiling.tile_of(c);
    };
    Buckets b;
    b.start.assign(static_cast<std::size_t>(tiles) + 2, 0);
    std::vector<int> of(n);
    for (AgentId a = 0; a < n; ++a) {
        of[a] = bucket_of(a);
        if (of[a] >= 0) {
            ++b.start[of[a] + 1];
        }
    }
    std::partial_sum(b.start.begin(), b.start.end(), b.start.begin());
    b.agents.resize(static_cast<std::size_t>(b.start.back()));
    std::vector<std::int64_t> fill(b.start.begin(), b.start.end() - 1);
    for (AgentId a = 0; a < n; ++a) {
        if (of[a] >= 0) {
            b.agents[fill[of[a]]++] = a;
        }
    }
    return b;
}

} // namespace

TickTally activate_random_sequential(World& w, const TickContext& ctx) {
    Buckets b = bucket_by_tile(w);
    const int tiles = w.tiling.tiles();

    // A random order within each tile: a Fisher-Yates shuffle of the tile's agents (ids
    // ascending) with draws keyed by (tick, tile, position), so the order depends on nothing but
    // the seed, the tick and who stands in the tile.
#pragma omp parallel for schedule(dynamic) if (tiles > 1)
    for (int t = 0; t < tiles; ++t) {
        AgentId* first = b.agents.data() + b.start[t];
        const auto n = static_cast<std::uint32_t>(b.start[t + 1] - b.start[t]);
        for (std::uint32_t i = n; i > 1; --i) {
            const std::uint32_t j = ctx.rng.below(i, ctx.tick, static_cast<std::uint32_t>(t),
                                                  Purpose::activation_order, i);
            std::swap(first[i - 1], first[j]);
        }
    }

    // A random order of the colour groups.
    std::vector<std::pair<std::uint64_t, int>> groups;
    for (int k = 0; k < w.tiling.colours(); ++k) {
        groups.emplace_back(
            ctx.rng.key64(ctx.tick, static_cast<std::uint32_t>(k), Purpose::group_order), k);
    }
    std::sort(groups.begin(), groups.end());

    TickTally tally;
    std::int64_t arrests = 0;
    std::int64_t releases = 0;
    for (const auto& [key, colour] : groups) {
        const std::vector<int>& members = w.tiling.tiles_of_colour(colour);
        const auto count = static_cast<int>(members.size());
#pragma omp parallel for schedule(dynamic) reduction(+ : arrests, releases) if (count > 1)
        for (int i = 0; i < count; ++i) {
            const int t = members[i];
            TickTally local;
            for (std::int64_t j = b.start[t]; j < b.start[t + 1]; ++j) {
                activate_agent(w, ctx, b.agents[j], local);
            }
            arrests += local.arrests;
            releases += local.releases;
        }
    }
    // Jailed citizens off the grid interact with no one: their countdown can run in any order.
    const std::int64_t off_begin = b.start[tiles];
    const std::int64_t off_end = b.start[tiles + 1];
#pragma omp parallel for schedule(static) reduction(+ : arrests, releases)                  \
    if (off_end - off_begin >= min_parallel_items)
    for (std::int64_t j = off_begin; j < off_end; ++j) {
        TickTally local;
        activate_agent(w, ctx, b.agents[j], local);
        arrests += local.arrests;
        releases += local.releases;
    }
    tally.arrests = arrests;
    tally.releases = releases;
    return tally;
}

} // namespace unrest::detail
