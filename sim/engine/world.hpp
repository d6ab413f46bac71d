// The run state: grid, population and the derived structures kept in step with them.
#pragma once

#include "../core/cell_lists.hpp"
#include "../core/count_field.hpp"
#include "../core/grid.hpp"
#include "../core/neighbourhood.hpp"
#include "../core/population.hpp"
#include "../core/tiling.hpp"

#include <vector>

namespace unrest {

struct World {
    Torus torus;
    Neighbourhood vision;
    Tiling tiling;
    Population pop;
    CellLists lists;   // agents standing in each cell (jailed citizens per the jail placement)
    CountField seen;   // cops and actives within vision of each cell
    double legitimacy; // L in force this tick
    // Attraction of each cell for gathering crowds (rules/gathering.hpp); empty = no gathering.
    std::vector<float> attraction;
};

} // namespace unrest
