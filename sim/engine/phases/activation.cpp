#include "activation.hpp"

#include "../jail_phase.hpp"
#include "../random_sequential.hpp"
#include "../simultaneous.hpp"

namespace unrest::phases {

detail::TickTally activate(World& w, const detail::TickContext& ctx) {
    detail::TickTally tally = ctx.config.activation.mode == ActivationMode::random_sequential
                                  ? detail::activate_random_sequential(w, ctx)
                                  : detail::activate_simultaneous(w, ctx);
    if (ctx.config.jail.countdown == JailCountdown::end_of_tick) {
        tally.releases += detail::count_down_all(w, ctx);
    }
    tally.releases += detail::place_released(w, ctx);
    return tally;
}

} // namespace unrest::phases
