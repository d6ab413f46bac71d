// Vision neighbourhoods (MODEL.md §2, "vision" row of the implementation-differences table).
//
// A neighbourhood is the set of offsets an agent sees around its own cell. Every shape here is
// point-symmetric (o in V <=> -o in V), so "the cells c sees" and "the cells that see c" are the
// same set: the count field relies on this. Every row of a shape is a contiguous span of
// columns, except that the own cell may be cut out of row 0.
#pragma once

#include "grid.hpp"

#include <type_traits>
#include <utility>
#include <vector>

namespace unrest {

enum class VisionShape {
    disc,        // Euclidean: dx^2 + dy^2 <= v^2 (NetLogo in-radius; 149 cells at v = 7)
    von_neumann, // diamond: |dx| + |dy| <= floor(v) (Mesa; 113 cells at v = 7, 112 without own)
    moore,       // square: max(|dx|, |dy|) <= floor(v)
};

struct RowSpan {
    int dy;
    int half_width; // columns dx in [-half_width, half_width]
};

class Neighbourhood {
public:
    Neighbourhood(VisionShape shape, double radius, bool include_own_cell);

    // The reach() of a neighbourhood of `radius` (>= 0, below 2^31), whatever its shape, known
    // without building it: floor(radius), up to the tolerance that puts lattice points on the
    // circle inside. Lets a caller refuse a radius whose (2 reach + 1)^2 offsets would not fit.
    static int reach_of(double radius) noexcept;

    VisionShape shape() const noexcept { return shape_; }
    double radius() const noexcept { return radius_; }
    bool includes_own_cell() const noexcept { return include_own_; }
    // Largest |dx| or |dy| of any offset: the Chebyshev reach of sight and of one move.
    int reach() const noexcept { return reach_; }
    // All offsets, own cell (0,0) included only when the shape includes it; row-major order.
    const std::vector<Offset>& offsets() const noexcept { return offsets_; }
    // Offsets without the own cell: the candidate destinations of a move.
    const std::vector<Offset>& others() const noexcept { return others_; }
    // The rows of the shape, own cell included whatever include_own_cell says.
    const std::vector<RowSpan>& rows() const noexcept { return rows_; }
    std::size_t size() const noexcept { return offsets_.size(); }

private:
    VisionShape shape_;
    double radius_;
    bool include_own_;
    int reach_ = 0;
    std::vector<Offset> offsets_;
    std::vector<Offset> others_;
    std::vector<RowSpan> rows_;
};

// The first cell of row y, for y in [-height, 2 height): wraps by comparison, not division.
inline CellIndex row_start(const Torus& torus, int y) noexcept {
    const int h = torus.height();
    return (y < 0 ? y + h : (y >= h ? y - h : y)) * torus.width();
}

// Calls f(cell) for every cell of `vision` around c, row by row (the same order as offsets()),
// with the own cell only when `with_own_cell`. Wraps by comparison: no division per cell. If f
// returns bool, the walk stops at the first true, and the function returns whether it stopped.
template <class F>
bool for_each_cell_in(const Torus& torus, const Neighbourhood& vision, CellIndex c,
                      bool with_own_cell, F&& f) {
    const int w = torus.width();
    const int x0 = torus.x_of(c);
    const int y0 = torus.y_of(c);
    for (const RowSpan& r : vision.rows()) {
        const CellIndex base = row_start(torus, y0 + r.dy);
        for (int dx = -r.half_width; dx <= r.half_width; ++dx) {
            if (dx == 0 && r.dy == 0 && !with_own_cell) {
                continue;
            }
            int x = x0 + dx;
            x = x < 0 ? x + w : (x >= w ? x - w : x);
            if constexpr (std::is_same_v<decltype(f(base + x)), bool>) {
                if (f(base + x)) {
                    return true;
                }
            } else {
                f(base + x);
            }
        }
    }
    return false;
}

// Calls f(first, last) for contiguous runs of cells [first, last] (indices) covering the
// neighbourhood of c, own cell included: at most two runs per row (one when the row does not
// wrap). For loops that add to every cell: the inner loop is plain and vectorises.
template <class F>
void for_each_run_in(const Torus& torus, const Neighbourhood& vision, CellIndex c, F&& f) {
    const int w = torus.width();
    const int x0 = torus.x_of(c);
    const int y0 = torus.y_of(c);
    for (const RowSpan& r : vision.rows()) {
        const CellIndex base = row_start(torus, y0 + r.dy);
        const int lo = x0 - r.half_width;
        const int hi = x0 + r.half_width;
        if (lo < 0) {
            f(base + lo + w, base + w - 1);
            f(base, base + hi);
        } else if (hi >= w) {
            f(base + lo, base + w - 1);
            f(base, base + hi - w);
        } else {
            f(base + lo, base + hi);
        }
    }
}

// The same over the cells the agent at c sees (own cell per the neighbourhood's setting).
template <class F>
bool for_each_visible(const Torus& torus, const Neighbourhood& vision, CellIndex c, F&& f) {
    return for_each_cell_in(torus, vision, c, vision.includes_own_cell(), std::forward<F>(f));
}

} // namespace unrest
