#include "crowd.hpp"

namespace unrest::phases {

void prepare_crowd(Region& /*g*/, const detail::TickContext& /*ctx*/) {}

} // namespace unrest::phases
