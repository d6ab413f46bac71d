#include "count_field.hpp"

#include "parallel.hpp"

#include <array>

namespace unrest {

CountField::CountField(std::size_t cells, const ChannelMap& map, ChannelMask channels)
    : map_(map.restricted_to(channels)), channels_(channels) {
    for (std::size_t s = 0; s < state_count; ++s) {
        counts_in_state_[s] = map_.counts_in_state(static_cast<State>(s));
    }
    for (int k = 0; k < max_channels; ++k) {
        if (has(k)) {
            field_[k].assign(cells, 0);
        }
    }
}

ChannelCounts reference_counts(const Torus& torus, const Neighbourhood& vision,
                               const Population& pop, const CellLists& lists, const ChannelMap& map,
                               CellIndex c) {
    ChannelCounts n{};
    for (const Offset& o : vision.offsets()) { // deliberately the plain offset walk
        lists.for_each(torus.shifted(c, o), [&](AgentId a) {
            const ChannelMask bits = map.of(pop.kind[a], pop.state[a]);
            for (int k = 0; k < max_channels; ++k) {
                n[k] += (bits >> k) & 1;
            }
        });
    }
    return n;
}

namespace {

// The rebuild for M allocated channels (M known at compile time, so that the per-agent and
// per-row loops over the channels unroll). dense[slot] has bit j set when (kind, state) counts in
// the j-th allocated channel; field[j] is that channel's field.
template <int M>
void rebuild_dense(const Torus& torus, const Neighbourhood& vision, const Population& pop,
                   const CellLists& lists,
                   const std::array<ChannelMask, kind_count * state_count>& dense,
                   const std::array<std::int32_t*, max_channels>& field) {
    const int w = torus.width();
    const int h = torus.height();
    // Per-cell counts, then per-row prefix sums with one extra leading zero: P[j][y][x] = sum of
    // cells [0, x) of row y in channel j.
    const std::size_t stride = static_cast<std::size_t>(w) + 1;
    const std::size_t plane = stride * static_cast<std::size_t>(h);
    std::vector<std::int32_t> p(plane * M, 0);
#pragma omp parallel for schedule(static) if (torus.cells() >= min_parallel_items)
    for (int y = 0; y < h; ++y) {
        std::array<std::int32_t, M> s{};
        const std::size_t row = stride * y;
        for (int x = 0; x < w; ++x) {
            lists.for_each(torus.index(x, y), [&](AgentId a) {
                const unsigned bits =
                    dense[index_of(pop.kind[a]) * state_count + index_of(pop.state[a])];
                for (int j = 0; j < M; ++j) {
                    s[j] += static_cast<std::int32_t>((bits >> j) & 1U);
                }
            });
            for (int j = 0; j < M; ++j) {
                p[plane * j + row + x + 1] = s[j];
            }
        }
    }
    // Sum of columns [x - hw, x + hw] of row y, wrapping; 2 * hw + 1 <= w is validated upstream.
    auto span_sum = [w](const std::int32_t* q, std::size_t row, int x, int hw) {
        const int lo = x - hw;
        const int hi = x + hw + 1; // exclusive
        if (lo < 0) {
            return q[row + w] - q[row + lo + w] + q[row + hi];
        }
        if (hi > w) {
            return q[row + w] - q[row + lo] + q[row + hi - w];
        }
        return q[row + hi] - q[row + lo];
    };
    const bool cut_own = !vision.includes_own_cell();
    const std::int32_t* q = p.data();
#pragma omp parallel for schedule(static) if (torus.cells() >= min_parallel_items)
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::array<std::int32_t, M> n{};
            for (const RowSpan& r : vision.rows()) {
                const std::size_t row = stride * Torus::wrap(y + r.dy, h);
                for (int j = 0; j < M; ++j) {
                    n[j] += span_sum(q + plane * j, row, x, r.half_width);
                }
            }
            const CellIndex ci = torus.index(x, y);
            const std::size_t row = stride * y;
            for (int j = 0; j < M; ++j) {
                if (cut_own) {
                    n[j] -= q[plane * j + row + x + 1] - q[plane * j + row + x];
                }
                field[j][ci] = n[j];
            }
        }
    }
}

} // namespace

void CountField::rebuild(const Torus& torus, const Neighbourhood& vision, const Population& pop,
                         const CellLists& lists) {
    // The allocated channels numbered densely, j = 0 .. m-1, and the map renumbered so.
    std::array<std::int32_t*, max_channels> field{};
    std::array<int, max_channels> channel{};
    int m = 0;
    for (int k = 0; k < max_channels; ++k) {
        if (has(k)) {
            field[m] = field_[k].data();
            channel[m++] = k;
        }
    }
    std::array<ChannelMask, kind_count * state_count> dense{};
    for (std::size_t k = 0; k < kind_count; ++k) {
        for (std::size_t s = 0; s < state_count; ++s) {
            const unsigned bits = map_.of(static_cast<Kind>(k), static_cast<State>(s));
            unsigned d = 0;
            for (int j = 0; j < m; ++j) {
                d |= ((bits >> channel[j]) & 1U) << j;
            }
            dense[k * state_count + s] = static_cast<ChannelMask>(d);
        }
    }
    switch (m) {
    case 0:
        return;
    case 1:
        return rebuild_dense<1>(torus, vision, pop, lists, dense, field);
    case 2:
        return rebuild_dense<2>(torus, vision, pop, lists, dense, field);
    case 3:
        return rebuild_dense<3>(torus, vision, pop, lists, dense, field);
    case 4:
        return rebuild_dense<4>(torus, vision, pop, lists, dense, field);
    case 5:
        return rebuild_dense<5>(torus, vision, pop, lists, dense, field);
    case 6:
        return rebuild_dense<6>(torus, vision, pop, lists, dense, field);
    case 7:
        return rebuild_dense<7>(torus, vision, pop, lists, dense, field);
    default:
        return rebuild_dense<8>(torus, vision, pop, lists, dense, field);
    }
}

} // namespace unrest
