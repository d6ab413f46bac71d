#include "confrontation.hpp"

#include "../../core/parallel.hpp"
#include "../../rules/agent_states.hpp"
#include "../../rules/casualties.hpp"
#include "../world_ops.hpp"

#include <cmath>
#include <fmt/format.h>

namespace unrest::phases {

namespace {

enum class Fate : std::uint8_t { none, injured, killed, withdraws };

// The cells within the attack radius of a site whose guards engage (M_vis counts there only).
std::vector<std::uint8_t> engagement_cells(const Region& g) {
    const World& w = g.world;
    std::vector<std::uint8_t> mask;
    const std::vector<SiteSpec>& specs = g.config.sites.sites;
    const double r = g.config.sites.attack_radius;
    const int reach = static_cast<int>(std::floor(r));
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (!g.sites[i].engage) {
            continue;
        }
        if (mask.empty()) {
            mask.assign(static_cast<std::size_t>(w.torus.cells()), 0);
        }
        for (int dy = -reach; dy <= reach; ++dy) {
            for (int dx = -reach; dx <= reach; ++dx) {
                if (dx * dx + dy * dy <= r * r) {
                    mask[w.torus.shifted(specs[i].cell, {dx, dy})] = 1;
                }
            }
        }
    }
    return mask;
}

// Armed violent citizens within vision of cell c (a scan: only for forces that see violence).
int armed_in_vision(const World& w, CellIndex c) {
    int armed = 0;
    for_each_visible(w.torus, w.vision, c, [&](CellIndex s) {
        for (AgentId b = w.lists.head(s); b != no_agent; b = w.lists.next(b)) {
            armed += w.pop.state[b] == State::violent && w.pop.armed[b] != 0 ? 1 : 0;
        }
    });
    return armed;
}

} // namespace

void confront(Region& g, const detail::TickContext& ctx, detail::TickTally& tally,
              std::vector<EventRecord>& events) {
    const CasualtyParams& cp = ctx.config.casualties;
    const WithdrawalParams& wp = ctx.config.cops.withdrawal;
    if (!cp.enabled && !wp.enabled) {
        return;
    }
    World& w = g.world;
    Population& pop = w.pop;
    const ForceLevel level =
        ctx.controls != nullptr ? ctx.controls->force_level : ForceLevel::arrests_only;
    // Without warning: lethal force, more of it (q_2 x factor).
    const bool lethal = level == ForceLevel::lethal || level == ForceLevel::without_warning;
    const double q = level == ForceLevel::without_warning
                         ? cp.lethal_rate * cp.without_warning_factor
                     : level == ForceLevel::lethal      ? cp.lethal_rate
                     : level == ForceLevel::less_lethal ? cp.less_lethal_rate
                                                        : 0.0;
    const double share_citizens = lethal ? cp.death_share_lethal : cp.death_share_less_lethal;
    const int cops_ch = channel_index(Channel::cops);
    const int actives_ch = channel_index(Channel::actives);
    const int violent_ch = channel_index(Channel::violent);
    const int military_ch = channel_index(Channel::military);
    const bool soldiers_engage = cp.enabled && w.seen.has(military_ch);
    const std::vector<std::uint8_t> engage =
        soldiers_engage ? engagement_cells(g) : std::vector<std::uint8_t>{};
    const double own = w.vision.includes_own_cell() ? 1.0 : 0.0;
    const bool armed_column = !pop.armed.empty();
    const double withdraw_p = per_tick_probability(wp.rate);

    // Decisions on the frozen post-activation state, each agent from its own draws.
    const auto n = static_cast<AgentId>(pop.size());
    std::vector<Fate> fate(static_cast<std::size_t>(n), Fate::none);
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        const State s = pop.state[a];
        const CellIndex c = pop.cell[a];
        if (c == no_cell || !is_free(s)) {
            continue;
        }
        const auto id = static_cast<std::uint32_t>(a);
        const int violent = w.seen.at(violent_ch, c);
        if (s != State::on_duty) { // a citizen
            if (!cp.enabled) {
                continue;
            }
            const int cops = w.seen.at(cops_ch, c);
            double from_police = 0.0;
            double from_military = 0.0;
            if (s == State::violent) {
                from_police = q * cops;
                if (!engage.empty() && engage[c] != 0) {
                    from_military = ctx.config.military.engage_rate * w.seen.at(military_ch, c);
                }
            } else if (s == State::active) {
                from_police = cp.active_factor * q * cops;
            } else if (lethal && violent > 0) {
                from_police = cp.bystander_rate * cops; // stray fire near a fight
            }
            const double rate = from_police + from_military;
            if (rate <= 0.0 ||
                ctx.rng.uniform(ctx.tick, id, Purpose::casualty, 0) >= hit_probability(rate, 1.0)) {
                continue;
            }
            // Soldiers shoot to kill: their share of the hits takes the lethal share.
            const double share =
                (from_police * share_citizens + from_military * cp.death_share_lethal) / rate;
            fate[a] = ctx.rng.uniform(ctx.tick, id, Purpose::casualty, 1) < share ? Fate::killed
                                                                                  : Fate::injured;
            continue;
        }
        if (cp.enabled && violent > 0) {
            const int armed = armed_column ? armed_in_vision(w, c) : 0;
            const double h =
                hit_probability(cp.police_hit_rate, force_exposure(violent, armed, cp.armed_bonus));
            if (ctx.rng.uniform(ctx.tick, id, Purpose::casualty, 0) < h) {
                fate[a] =
                    ctx.rng.uniform(ctx.tick, id, Purpose::casualty, 1) < cp.death_share_forces
                        ? Fate::killed
                        : Fate::injured;
                continue;
            }
        }
        if (wp.enabled && pop.kind[a] == Kind::police) {
            const int others = w.seen.at(cops_ch, c) - static_cast<int>(own);
            if (overwhelmed(violent, w.seen.at(actives_ch, c), others, wp.ratio) &&
                ctx.rng.uniform(ctx.tick, id, Purpose::withdrawal, 0) < withdraw_p) {
                fate[a] = Fate::withdraws;
            }
        }
    }

    // Applied in id order (the count field changes as agents leave the grid).
    std::int64_t withdrew = 0;
    for (AgentId a = 0; a < n; ++a) {
        const Fate f = fate[a];
        if (f == Fate::none) {
            continue;
        }
        const Kind k = pop.kind[a];
        const State s = pop.state[a];
        if (f == Fate::withdraws) {
            detail::hold_off_duty(w, a, static_cast<float>(wp.regroup));
            ++withdrew;
            continue;
        }
        const bool killed = f == Fate::killed;
        if (killed) {
            detail::kill_agent(w, a);
        } else {
            detail::injure_agent(w, a, static_cast<float>(cp.healing));
        }
        if (k == Kind::citizen) {
            if (!killed) {
                ++tally.citizens_wounded;
            } else if (s == State::quiet) {
                ++tally.bystanders_killed;
            } else {
                ++tally.protesters_killed;
            }
        } else if (k == Kind::police) {
            ++(killed ? tally.police_killed : tally.police_wounded);
        } else {
            ++(killed ? tally.military_killed : tally.military_wounded);
        }
    }
    if (withdrew > 0) {
        events.push_back(EventRecord{static_cast<Tick>(ctx.tick),
                                     static_cast<int>(ctx.rng.region()), "police", "overwhelmed",
                                     "withdrawn",
                                     fmt::format("{} officers withdrew, overwhelmed", withdrew)});
    }
}

} // namespace unrest::phases
