#include "count_field.hpp"

#include "parallel.hpp"

namespace unrest {

NeighbourCounts reference_counts(const Torus& torus, const Neighbourhood& vision,
                                 const Population& pop, const CellLists& lists, CellIndex c) {
    NeighbourCounts n;
    for (const Offset& o : vision.offsets()) { // deliberately the plain offset walk
        lists.for_each(torus.shifted(c, o), [&](AgentId a) {
            n.cops += pop.state[a] == State::on_duty ? 1 : 0;
            n.actives += pop.state[a] == State::active ? 1 : 0;
        });
    }
    return n;
}

void CountField::rebuild(const Torus& torus, const Neighbourhood& vision, const Population& pop,
                         const CellLists& lists) {
    const int w = torus.width();
    const int h = torus.height();
    // Per-cell counts, then per-row prefix sums with one extra leading zero: P[y][x] = sum of
    // cells [0, x) of row y.
    const std::size_t stride = static_cast<std::size_t>(w) + 1;
    std::vector<std::int32_t> pc(stride * h, 0);
    std::vector<std::int32_t> pa(stride * h, 0);
#pragma omp parallel for schedule(static) if (torus.cells() >= min_parallel_items)
    for (int y = 0; y < h; ++y) {
        std::int32_t sc = 0;
        std::int32_t sa = 0;
        const std::size_t row = stride * y;
        for (int x = 0; x < w; ++x) {
            lists.for_each(torus.index(x, y), [&](AgentId a) {
                sc += pop.state[a] == State::on_duty ? 1 : 0;
                sa += pop.state[a] == State::active ? 1 : 0;
            });
            pc[row + x + 1] = sc;
            pa[row + x + 1] = sa;
        }
    }
    // Sum of columns [x - hw, x + hw] of row y, wrapping; 2 * hw + 1 <= w is validated upstream.
    auto span_sum = [&](const std::vector<std::int32_t>& p, std::size_t row, int x, int hw) {
        const int lo = x - hw;
        const int hi = x + hw + 1; // exclusive
        if (lo < 0) {
            return p[row + w] - p[row + lo + w] + p[row + hi];
        }
        if (hi > w) {
            return p[row + w] - p[row + lo] + p[row + hi - w];
        }
        return p[row + hi] - p[row + lo];
    };
    const bool cut_own = !vision.includes_own_cell();
#pragma omp parallel for schedule(static) if (torus.cells() >= min_parallel_items)
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::int32_t c = 0;
            std::int32_t a = 0;
            for (const RowSpan& r : vision.rows()) {
                const std::size_t row = stride * Torus::wrap(y + r.dy, h);
                c += span_sum(pc, row, x, r.half_width);
                a += span_sum(pa, row, x, r.half_width);
            }
            if (cut_own) {
                const std::size_t row = stride * y;
                c -= pc[row + x + 1] - pc[row + x];
                a -= pa[row + x + 1] - pa[row + x];
            }
            const CellIndex ci = torus.index(x, y);
            cops_[ci] = c;
            actives_[ci] = a;
        }
    }
}

} // namespace unrest
