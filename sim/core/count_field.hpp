// Neighbourhood counts kept as fields over the grid (MODEL.md §2: C = cops within vision, and
// the actives within vision that enter A).
//
// cops(c) and actives(c) hold how many on-duty cops and active citizens stand in the vision
// neighbourhood of cell c. A query is O(1). The field is built in O(cells x rows) with per-row
// prefix sums (each neighbourhood row is a contiguous span of columns), and kept up to date
// incrementally: when an agent that counts appears in or leaves a cell, the cells that see that
// cell are stamped, O(|V|). Because every shape is point-symmetric, the cells that see c are
// exactly c's own neighbourhood.
//
// `reference_counts` is the plain scan over every cell in vision; tests compare the field to it
// exactly.
#pragma once

#include "cell_lists.hpp"
#include "grid.hpp"
#include "neighbourhood.hpp"
#include "population.hpp"

#include <cstdint>
#include <vector>

namespace unrest {

struct NeighbourCounts {
    std::int32_t cops = 0;
    std::int32_t actives = 0;
    friend bool operator==(const NeighbourCounts&, const NeighbourCounts&) = default;
};

class CountField {
public:
    CountField() = default;
    explicit CountField(std::size_t cells) : cops_(cells, 0), actives_(cells, 0) {}

    NeighbourCounts at(CellIndex c) const noexcept { return {cops_[c], actives_[c]}; }
    std::int32_t cops(CellIndex c) const noexcept { return cops_[c]; }
    std::int32_t actives(CellIndex c) const noexcept { return actives_[c]; }

    // Recomputes both fields from scratch (OpenMP over rows).
    void rebuild(const Torus& torus, const Neighbourhood& vision, const Population& pop,
                 const CellLists& lists);

    // An agent that counts (d_cops, d_actives) appeared (+1) or left (-1) cell c.
    void stamp(const Torus& torus, const Neighbourhood& vision, CellIndex c, int d_cops,
               int d_actives) noexcept {
        if (d_cops != 0) {
            add(cops_, torus, vision, c, d_cops);
        }
        if (d_actives != 0) {
            add(actives_, torus, vision, c, d_actives);
        }
    }

private:
    // The cells that see c are c's own neighbourhood (shapes are point-symmetric).
    static void add(std::vector<std::int32_t>& field, const Torus& torus,
                    const Neighbourhood& vision, CellIndex c, int d) noexcept {
        std::int32_t* f = field.data();
        for_each_run_in(torus, vision, c, [f, d](CellIndex first, CellIndex last) {
            for (CellIndex i = first; i <= last; ++i) {
                f[i] += d;
            }
        });
        if (!vision.includes_own_cell()) {
            f[c] -= d;
        }
    }

    std::vector<std::int32_t> cops_;
    std::vector<std::int32_t> actives_;
};

// Reference: count by visiting every cell in vision and every agent in it.
NeighbourCounts reference_counts(const Torus& torus, const Neighbourhood& vision,
                                 const Population& pop, const CellLists& lists, CellIndex c);

} // namespace unrest
