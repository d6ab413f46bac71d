#include "forces.hpp"

namespace unrest::phases {

void deploy_forces(Region& /*g*/, const detail::TickContext& /*ctx*/, RegionControls& /*controls*/,
                   detail::TickTally& /*tally*/, std::vector<EventRecord>& /*events*/) {}

} // namespace unrest::phases
