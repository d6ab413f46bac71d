#include "mobilisation.hpp"

namespace unrest::phases {

double mobilisation_signal(const Region& /*g*/, const RegionControls& /*controls*/) {
    return 0.0;
}

} // namespace unrest::phases
