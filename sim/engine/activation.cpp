#include "activation.hpp"

#include "../rules/citizen.hpp"
#include "../rules/jail.hpp"
#include "../rules/movement.hpp"
#include "world_ops.hpp"

namespace unrest::detail {

bool citizen_decides_active(const World& w, const ModelConfig& config, AgentId a,
                            double news) noexcept {
    const CellIndex c = w.pop.cell[a];
    const bool self_active = w.pop.state[a] == State::active;
    const int cops_in_vision = w.seen.at(channel_index(Channel::cops), c); // C
    // The field counts the citizen itself when its own cell is in its vision; take it out.
    const int other_actives = w.seen.at(channel_index(Channel::actives), c) -
                              (self_active && w.vision.includes_own_cell() ? 1 : 0);
    // A = 1 + actives in vision (+ kappa N: MECHANISMS.md §10c). x + 0.0 == x exactly for every
    // finite x other than -0.0, and A >= 1: with kappa = 0 (Model I) A is unchanged.
    const double a_est = estimated_actives(config.citizen.self_count, other_actives, self_active) +
                         config.news.perceived_support * news;
    const double p = arrest_probability(config.arrest, cops_in_vision, a_est); // P
    const double n = net_risk(w.pop.risk_aversion[a], p);                      // N = R P
    // G = H (1 - L) (+ eta N: MECHANISMS.md §10c); G >= +0.0, so with eta = 0 G is unchanged.
    const double g = grievance(w.pop.hardship[a], w.legitimacy) + config.news.grievance * news;
    return decides_active(config.citizen, g, n); // G - N > T
}

AgentId choose_arrestee(const World& w, const TickContext& ctx, AgentId cop) noexcept {
    const CellIndex c = w.pop.cell[cop];
    const std::int32_t actives = w.seen.at(channel_index(Channel::actives), c);
    if (actives <= 0) {
        return no_agent;
    }
    // The k-th active in a fixed scan order (vision rows, then each cell's list).
    auto k =
        static_cast<std::int32_t>(ctx.rng.below(static_cast<std::uint32_t>(actives), ctx.tick,
                                                static_cast<std::uint32_t>(cop), Purpose::arrest));
    AgentId chosen = no_agent;
    for_each_visible(w.torus, w.vision, c, [&](CellIndex s) {
        for (AgentId b = w.lists.head(s); b != no_agent; b = w.lists.next(b)) {
            if (w.pop.state[b] == State::active && k-- == 0) {
                chosen = b;
                return true; // stop the walk
            }
        }
        return false;
    });
    return chosen; // always found while the field is consistent
}

double draw_jail_term(const TickContext& ctx, AgentId a) noexcept {
    return jail_term(ctx.config.jail,
                     ctx.rng.uniform(ctx.tick, static_cast<std::uint32_t>(a), Purpose::jail_term));
}

namespace {

void maybe_move(World& w, const TickContext& ctx, AgentId a) noexcept {
    if (!ctx.config.movement.enabled) {
        return;
    }
    const CellIndex to = choose_destination(w.torus, w.vision, w.lists, w.pop.cell[a], ctx.rng,
                                            ctx.tick, static_cast<std::uint32_t>(a));
    if (to != no_cell) {
        move_agent(w, a, to);
    }
}

void citizen_acts(World& w, const TickContext& ctx, AgentId a) noexcept {
    set_citizen_state(
        w, a, citizen_decides_active(w, ctx.config, a, ctx.news) ? State::active : State::quiet);
}

void cop_acts(World& w, const TickContext& ctx, AgentId cop, TickTally& tally) noexcept {
    const AgentId arrestee = choose_arrestee(w, ctx, cop);
    if (arrestee != no_agent) {
        make_arrest(w, ctx, cop, arrestee, tally);
    }
}

} // namespace

void make_arrest(World& w, const TickContext& ctx, AgentId cop, AgentId arrestee,
                 TickTally& tally) noexcept {
    const CellIndex where = w.pop.cell[arrestee];
    ++tally.arrests;
    if (!jail_citizen(w, ctx.config.jail, arrestee, draw_jail_term(ctx, arrestee))) {
        ++tally.releases; // a term of 0: released at once
    }
    if (ctx.config.cops.steps_onto_arrestee) {
        move_agent(w, cop, where);
    }
}

void activate_agent(World& w, const TickContext& ctx, AgentId a, TickTally& tally) noexcept {
    const State s = w.pop.state[a];
    if (s == State::withdrawn || s == State::injured || s == State::dead) {
        return; // off the grid, nothing to do (rules/casualties.hpp, rules/forces.hpp)
    }
    if (s == State::on_duty && w.pop.kind[a] == Kind::military) {
        return; // soldiers are static guards (MECHANISMS.md §8a); they act in confrontation
    }
    if (s == State::jailed) {
        if (ctx.config.jail.countdown == JailCountdown::own_activation &&
            !w.pop.awaiting_placement[a] && count_down(w.pop.jail_remaining[a]) &&
            release_citizen(w, ctx.config.jail, a)) {
            ++tally.releases;
        }
        return;
    }
    const bool move_first = ctx.config.movement.order == ActivationOrder::move_then_act;
    if (move_first) {
        maybe_move(w, ctx, a);
    }
    if (s != State::on_duty) {
        citizen_acts(w, ctx, a);
    } else if (w.pop.kind[a] == Kind::police) {
        cop_acts(w, ctx, a, tally);
    } // (issue 8: the military's action)
    if (!move_first) {
        maybe_move(w, ctx, a);
    }
}

} // namespace unrest::detail
