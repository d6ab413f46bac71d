#include "activation.hpp"

#include "../rules/agent_states.hpp"
#include "../rules/citizen.hpp"
#include "../rules/jail.hpp"
#include "../rules/movement.hpp"
#include "crowd_activation.hpp"
#include "world_ops.hpp"

namespace unrest::detail {

namespace {

// The citizen's rule with everything it reads passed in (controls may be null: the defaults).
State decide(const World& w, const ModelConfig& config, const RegionControls* controls, double news,
             double mobilisation, AgentId a) noexcept {
    const Population& pop = w.pop;
    const bool violence = config.violence.enabled;
    // Members of the organised group are violent whenever free (MECHANISMS.md §4c).
    if (violence && !pop.hardcore.empty() && pop.hardcore[a] != 0) {
        return State::violent;
    }
    const CellIndex c = pop.cell[a];
    const State self = pop.state[a];
    const bool own = w.vision.includes_own_cell();
    // C = cops in vision (+ deterrence x soldiers in vision: MECHANISMS.md §8a). An int converts
    // to double exactly: without soldiers C is Model I's.
    double cops_in_vision = w.seen.at(channel_index(Channel::cops), c);
    if (config.military.deterrence > 0.0) {
        cops_in_vision +=
            config.military.deterrence * w.seen.at(channel_index(Channel::military), c);
    }
    // The actives (and, with violence on, the violent) the citizen sees, itself taken out when
    // its own cell is in its vision.
    int crowd =
        w.seen.at(channel_index(Channel::actives), c) - (self == State::active && own ? 1 : 0);
    if (violence) {
        crowd +=
            w.seen.at(channel_index(Channel::violent), c) - (self == State::violent && own ? 1 : 0);
    }
    const bool self_protesting = self == State::active || self == State::violent;
    // A = 1 + actives in vision (+ kappa N: MECHANISMS.md §10c; + kappa_m M: §10a). x + 0.0 == x
    // exactly for every finite x other than -0.0, and A >= 1: with kappa = kappa_m = 0 (Model I)
    // A is unchanged.
    const double a_est = estimated_actives(config.citizen.self_count, crowd, self_protesting) +
                         config.news.perceived_support * news +
                         config.mobilisation.perceived_support * mobilisation;
    // P (= P_v) with k scaled at the force level in use (MECHANISMS.md §5c); x 1 is exact.
    ArrestParams arrest = config.arrest;
    arrest.k *= force_risk_multiplier(config.cops.force_risk, controls);
    const double p = arrest_probability(arrest, cops_in_vision, a_est); // P
    // G = H (1 - L) (+ eta N + eta_m M); G >= +0.0, so with eta = eta_m = 0 G is unchanged.
    const double g = grievance(pop.hardship[a], w.legitimacy) + config.news.grievance * news +
                     config.mobilisation.grievance * mobilisation;
    double threshold = config.citizen.threshold; // T
    double violent_threshold = config.violence.threshold;
    if (controls != nullptr && controls->curfew && config.citizen.curfew_deterrence != 0.0) {
        threshold += config.citizen.curfew_deterrence;
        violent_threshold += config.citizen.curfew_deterrence;
    }
    if (violence) {
        return citizen_choice(g, pop.risk_aversion[a], p, crowd, threshold, violent_threshold,
                              config.violence.crowd);
    }
    return g - net_risk(pop.risk_aversion[a], p) > threshold ? State::active : State::quiet;
}

bool arrestable(State s, bool violence) noexcept {
    return s == State::active || (violence && s == State::violent);
}

} // namespace

double force_risk_multiplier(const ForceRiskParams& p, const RegionControls* controls) noexcept {
    if (controls == nullptr) {
        return 1.0;
    }
    switch (controls->force_level) {
    case ForceLevel::arrests_only:
        return 1.0;
    case ForceLevel::less_lethal:
        return p.less_lethal;
    case ForceLevel::lethal:
        return p.lethal;
    case ForceLevel::without_warning:
        return p.without_warning;
    }
    return 1.0;
}

bool citizen_decides_active(const World& w, const ModelConfig& config, AgentId a,
                            double news) noexcept {
    return decide(w, config, nullptr, news, 0.0, a) == State::active;
}

State citizen_decision(const World& w, const TickContext& ctx, AgentId a) noexcept {
    return decide(w, ctx.config, ctx.controls, ctx.news, ctx.mobilisation, a);
}

bool may_arrest(const World& w, AgentId cop) noexcept {
    return w.pop.arrest_quota.empty() || w.pop.arrests_today[cop] < w.pop.arrest_quota[cop];
}

CellIndex choose_move(const World& w, const TickContext& ctx, AgentId a) noexcept {
    const auto id = static_cast<std::uint32_t>(a);
    const GatheringParams& gathering = ctx.config.gathering;
    if (gathering.enabled && !w.attraction.empty() &&
        (w.pop.state[a] == State::active || w.pop.state[a] == State::violent) &&
        ctx.rng.uniform(ctx.tick, id, Purpose::gathering) < gathering.probability) {
        const CellIndex to = gathering_destination(w.torus, w.vision, w.lists, w.attraction,
                                                   w.pop.cell[a], ctx.rng, ctx.tick, id);
        if (to != no_cell) {
            return to;
        }
    }
    return choose_destination(w.torus, w.vision, w.lists, w.pop.cell[a], ctx.rng, ctx.tick, id);
}

AgentId choose_arrestee(const World& w, const TickContext& ctx, AgentId cop) noexcept {
    const CellIndex c = w.pop.cell[cop];
    const bool violence = ctx.config.violence.enabled;
    // Actives (and, with violence on, violent citizens: MODEL.md §3.5) in vision.
    const std::int32_t targets = w.seen.at(channel_index(Channel::actives), c) +
                                 (violence ? w.seen.at(channel_index(Channel::violent), c) : 0);
    if (targets <= 0) {
        return no_agent;
    }
    // The k-th target in a fixed scan order (vision rows, then each cell's list).
    auto k =
        static_cast<std::int32_t>(ctx.rng.below(static_cast<std::uint32_t>(targets), ctx.tick,
                                                static_cast<std::uint32_t>(cop), Purpose::arrest));
    AgentId chosen = no_agent;
    for_each_visible(w.torus, w.vision, c, [&](CellIndex s) {
        for (AgentId b = w.lists.head(s); b != no_agent; b = w.lists.next(b)) {
            if (arrestable(w.pop.state[b], violence) && k-- == 0) {
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
    const CellIndex to = choose_move(w, ctx, a);
    if (to != no_cell) {
        move_agent(w, a, to);
    }
}

void citizen_acts(World& w, const TickContext& ctx, AgentId a) noexcept {
    set_citizen_state(w, a, citizen_decision(w, ctx, a));
}

void cop_acts(World& w, const TickContext& ctx, AgentId cop, TickTally& tally) noexcept {
    if (!may_arrest(w, cop)) {
        return; // its quota for the day is used up (arrest capacity)
    }
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
    if (!w.pop.arrests_today.empty() && w.pop.arrests_today[cop] < 65535) {
        ++w.pop.arrests_today[cop]; // arrest capacity: the officer's count for the day
    }
    if (!jail_citizen(w, ctx.config.jail, arrestee, draw_jail_term(ctx, arrestee))) {
        ++tally.releases; // a term of 0: released at once
    }
    if (ctx.config.cops.steps_onto_arrestee) {
        move_agent(w, cop, where);
    }
}

void activate_agent(World& w, const TickContext& ctx, AgentId a, TickTally& tally) noexcept {
    const State s = w.pop.state[a];
    if (s == State::withdrawn) {
        return;
    }
    if (s == State::jailed) {
        if (ctx.config.jail.countdown == JailCountdown::own_activation &&
            !w.pop.awaiting_placement[a] && count_down(w.pop.jail_remaining[a]) &&
            release_citizen(w, ctx.config.jail, a)) {
            ++tally.releases;
        }
        return;
    }
    // Injured and dead agents do nothing; soldiers on duty are static guards of their sites
    // (MECHANISMS.md §8a): they neither move nor arrest here.
    if (!is_free(s) || w.pop.kind[a] == Kind::military) {
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
    }
    if (!move_first) {
        maybe_move(w, ctx, a);
    }
}

} // namespace unrest::detail
