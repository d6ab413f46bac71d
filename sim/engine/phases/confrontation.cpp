#include "confrontation.hpp"

namespace unrest::phases {

void confront(Region& /*g*/, const detail::TickContext& /*ctx*/, detail::TickTally& /*tally*/,
              std::vector<EventRecord>& /*events*/) {}

} // namespace unrest::phases
