#include "sites.hpp"

namespace unrest::phases {

void attack_sites(Region& /*g*/, const detail::TickContext& /*ctx*/, detail::TickTally& /*tally*/,
                  std::vector<EventRecord>& /*events*/) {}

} // namespace unrest::phases
