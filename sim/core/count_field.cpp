#include "count_field.hpp"

#include "parallel.hpp"

namespace unrest {

CountField::CountField(std::size_t cells, const ChannelMap& map, ChannelMask channels)
    : map_(map.restricted_to(channels)), channels_(channels) {
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

void CountField::rebuild(const Torus& torus, const Neighbourhood& vision, const Population& pop,
                         const CellLists& lists) {
    // The allocated channels, numbered densely 0 .. m-1, with the map's bits renumbered so.
    std::array<int, max_channels> channel{};
    int m = 0;
    for (int k = 0; k < max_channels; ++k) {
        if (has(k)) {
            channel[m++] = k;
        }
    }
    if (m == 0) {
        return;
    }
    const int w = torus.width();
    const int h = torus.height();
    // Per-cell counts, then per-row prefix sums with one extra leading zero: P[j][y][x] = sum of
    // cells [0, x) of row y in dense channel j.
    const std::size_t stride = static_cast<std::size_t>(w) + 1;
    const std::size_t plane = stride * static_cast<std::size_t>(h);
    std::vector<std::int32_t> p(plane * static_cast<std::size_t>(m), 0);
#pragma omp parallel for schedule(static) if (torus.cells() >= min_parallel_items)
    for (int y = 0; y < h; ++y) {
        std::array<std::int32_t, max_channels> s{};
        const std::size_t row = stride * y;
        for (int x = 0; x < w; ++x) {
            lists.for_each(torus.index(x, y), [&](AgentId a) {
                const unsigned bits = map_.of(pop.kind[a], pop.state[a]);
                for (int j = 0; j < m; ++j) {
                    s[j] += static_cast<std::int32_t>((bits >> channel[j]) & 1U);
                }
            });
            for (int j = 0; j < m; ++j) {
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
    for (int j = 0; j < m; ++j) {
        const std::int32_t* q = p.data() + plane * j;
        std::int32_t* f = field_[channel[j]].data();
#pragma omp parallel for schedule(static) if (torus.cells() >= min_parallel_items)
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                std::int32_t n = 0;
                for (const RowSpan& r : vision.rows()) {
                    n += span_sum(q, stride * Torus::wrap(y + r.dy, h), x, r.half_width);
                }
                if (cut_own) {
                    const std::size_t row = stride * y;
                    n -= q[row + x + 1] - q[row + x];
                }
                f[torus.index(x, y)] = n;
            }
        }
    }
}

} // namespace unrest
