#include "jail_countdown.hpp"

#include "../jail_phase.hpp"

namespace unrest::phases {

std::int64_t count_down_jail(World& w, const detail::TickContext& ctx) {
    if (ctx.config.jail.countdown != JailCountdown::start_of_tick) {
        return 0;
    }
    return detail::count_down_all(w, ctx);
}

} // namespace unrest::phases
