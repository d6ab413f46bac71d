#include "forces.hpp"

#include "../../rules/agent_states.hpp"
#include "../jail_phase.hpp"
#include "../world_ops.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace unrest::phases {

namespace {

constexpr float until_called_back = std::numeric_limits<float>::infinity();

void ensure_recovery_column(World& w) {
    if (w.pop.recovery_remaining.empty()) {
        w.pop.recovery_remaining.assign(w.pop.size(), 0.0F);
    }
}

EventRecord record(const detail::TickContext& ctx, std::string type, std::string id,
                   std::string phase, std::string details) {
    return EventRecord{static_cast<Tick>(ctx.tick),
                       static_cast<int>(ctx.rng.region()),
                       std::move(type),
                       std::move(id),
                       std::move(phase),
                       std::move(details)};
}

// Injured agents heal (citizens back on the grid, quiet; forces to the reserve), and officers
// who withdrew when overwhelmed come back on duty after their regroup time (rules/casualties,
// rules/forces). In id order: placements read the cells left by those placed before.
void heal_and_regroup(World& w, const detail::TickContext& ctx) {
    Population& pop = w.pop;
    if (pop.recovery_remaining.empty()) {
        return;
    }
    const auto n = static_cast<AgentId>(pop.size());
    for (AgentId a = 0; a < n; ++a) {
        const State s = pop.state[a];
        float& left = pop.recovery_remaining[a];
        const bool regrouping = s == State::withdrawn && left > 0.0F && std::isfinite(left);
        if (s != State::injured && !regrouping) {
            continue;
        }
        if (left > 0.0F) {
            left -= 1.0F;
        }
        if (left > 0.0F) {
            continue;
        }
        left = 0.0F;
        if (s == State::injured && pop.kind[a] != Kind::citizen) {
            detail::heal_force(w, a);
            continue;
        }
        // A citizen healed, or an officer back from regrouping: a random empty cell (none: the
        // citizen waits a tick; the officer stays in the reserve).
        const CellIndex c = detail::random_empty_cell(w, ctx, a, Purpose::military_placement);
        if (c != no_cell) {
            detail::place_agent(w, a, c, s == State::injured ? State::quiet : State::on_duty);
        }
    }
}

// Police ordered off the streets (`police_withdrawal` events, MECHANISMS.md §7b): the share of
// the force (on duty plus those already off by order) that the order names is kept off the grid,
// chosen by a per-tick key, when the order is given or changes; when it eases or ends they come
// back, first off first back.
void apply_order(Region& g, const detail::TickContext& ctx, double share,
                 std::vector<EventRecord>& events) {
    World& w = g.world;
    // The number off is set when the order is given or changed, and held while it lasts (not
    // chasing the officers hurt or regrouping meanwhile).
    if (share == g.ordered_share) {
        return;
    }
    g.ordered_share = share;
    ensure_recovery_column(w);
    const auto n = static_cast<AgentId>(w.pop.size());
    std::vector<std::pair<std::uint64_t, AgentId>> on_duty;
    for (AgentId a = 0; a < n; ++a) {
        if (w.pop.kind[a] == Kind::police && w.pop.state[a] == State::on_duty) {
            on_duty.emplace_back(
                ctx.rng.key64(ctx.tick, static_cast<std::uint32_t>(a), Purpose::withdrawal, 1), a);
        }
    }
    const auto current = static_cast<std::int64_t>(g.ordered_off.size());
    const std::int64_t total = static_cast<std::int64_t>(on_duty.size()) + current;
    const std::int64_t want =
        std::llround(std::clamp(share, 0.0, 1.0) * static_cast<double>(total));
    if (want > current) {
        const auto k = static_cast<std::size_t>(want - current);
        std::partial_sort(on_duty.begin(), on_duty.begin() + static_cast<std::ptrdiff_t>(k),
                          on_duty.end());
        std::sort(on_duty.begin(), on_duty.begin() + static_cast<std::ptrdiff_t>(k),
                  [](const auto& x, const auto& y) { return x.second < y.second; });
        for (std::size_t i = 0; i < k; ++i) {
            detail::hold_off_duty(w, on_duty[i].second, until_called_back);
            g.ordered_off.push_back(on_duty[i].second);
        }
        events.push_back(record(ctx, "police", "police_withdrawal", "ordered_off",
                                fmt::format("{} officers ordered off the streets ({} off, {} on "
                                            "duty)",
                                            k, want, total - want)));
    } else if (want < current) {
        const auto k = static_cast<std::size_t>(current - want);
        for (std::size_t i = 0; i < k; ++i) {
            const AgentId a = g.ordered_off[i];
            w.pop.recovery_remaining[a] = 0.0F;
            const CellIndex c = detail::random_empty_cell(w, ctx, a, Purpose::military_placement);
            if (c != no_cell) {
                detail::place_agent(w, a, c, State::on_duty);
            }
        }
        g.ordered_off.erase(g.ordered_off.begin(),
                            g.ordered_off.begin() + static_cast<std::ptrdiff_t>(k));
        events.push_back(
            record(ctx, "police", "police_withdrawal", "back",
                   fmt::format("{} officers back on the streets ({} still off)", k, want)));
    }
}

// The empty cell nearest to `site` (Euclidean on the torus; ties: the first in ring order), or
// no_cell when the grid is full.
CellIndex nearest_empty_cell(const World& w, CellIndex site) {
    const Torus& t = w.torus;
    const int sx = t.x_of(site);
    const int sy = t.y_of(site);
    const int max_r = std::max(t.width(), t.height()) / 2 + 1;
    CellIndex best = no_cell;
    std::int64_t best_d2 = std::numeric_limits<std::int64_t>::max();
    for (int r = 0; r <= max_r && static_cast<std::int64_t>(r) * r < best_d2; ++r) {
        for (int dy = -r; dy <= r; ++dy) {
            for (int dx = -r; dx <= r; ++dx) {
                if (std::max(std::abs(dx), std::abs(dy)) != r) {
                    continue; // the ring of Chebyshev radius r only
                }
                const std::int64_t d2 =
                    static_cast<std::int64_t>(dx) * dx + static_cast<std::int64_t>(dy) * dy;
                const CellIndex c =
                    t.index(Torus::wrap(sx + dx, t.width()), Torus::wrap(sy + dy, t.height()));
                if (d2 < best_d2 && w.lists.empty(c)) {
                    best = c;
                    best_d2 = d2;
                }
            }
        }
    }
    return best;
}

// Drops from `ids` those no longer on duty (injured, dead, withdrawn).
void keep_on_duty(const World& w, std::vector<AgentId>& ids) {
    std::erase_if(ids, [&w](AgentId a) { return w.pop.state[a] != State::on_duty; });
}

// The first agents of kind k in the reserve (withdrawn, not held off), lowest id first.
std::vector<AgentId> from_reserve(const World& w, Kind k, std::int64_t wanted) {
    std::vector<AgentId> out;
    const bool holds = !w.pop.recovery_remaining.empty();
    const auto n = static_cast<AgentId>(w.pop.size());
    for (AgentId a = 0; a < n && static_cast<std::int64_t>(out.size()) < wanted; ++a) {
        if (w.pop.kind[a] == k && w.pop.state[a] == State::withdrawn &&
            !(holds && w.pop.recovery_remaining[a] > 0.0F)) {
            out.push_back(a);
        }
    }
    return out;
}

// Contingents (MECHANISMS.md §8): each present one keeps round(size / persons per agent)
// soldiers on duty on the empty cells nearest its sites (spread over them in turn) and the police
// it frees on duty; when it leaves, they leave the grid. Sites a contingent guards are marked.
void deploy_contingents(Region& g, const detail::TickContext& ctx, const RegionControls& controls,
                        std::vector<EventRecord>& events) {
    World& w = g.world;
    const std::vector<SiteSpec>& specs = ctx.config.sites.sites;
    const double ppa = ctx.config.scale.persons_per_agent;
    for (auto it = g.deployments.begin(); it != g.deployments.end();) {
        const bool present =
            std::any_of(controls.contingents.begin(), controls.contingents.end(),
                        [&](const ContingentPresence& p) { return p.id == it->id; });
        if (present) {
            ++it;
            continue;
        }
        keep_on_duty(w, it->soldiers);
        keep_on_duty(w, it->police);
        for (const AgentId a : it->soldiers) {
            detail::withdraw_cop(w, a);
        }
        for (const AgentId a : it->police) {
            detail::withdraw_cop(w, a);
        }
        events.push_back(record(ctx, "military", it->id, "withdrawn",
                                fmt::format("{} soldiers and {} freed officers off the streets",
                                            it->soldiers.size(), it->police.size())));
        it = g.deployments.erase(it);
    }
    for (SiteState& s : g.sites) {
        s.guarded = false;
        s.engage = false;
    }
    for (const ContingentPresence& p : controls.contingents) {
        auto d = std::find_if(g.deployments.begin(), g.deployments.end(),
                              [&](const ContingentDeployment& x) { return x.id == p.id; });
        const bool arriving = d == g.deployments.end();
        if (arriving) {
            g.deployments.push_back(ContingentDeployment{p.id, {}, {}});
            d = g.deployments.end() - 1;
        }
        std::vector<std::size_t> sites;
        for (const std::string& name : p.sites) {
            for (std::size_t i = 0; i < specs.size(); ++i) {
                if (specs[i].name == name) {
                    sites.push_back(i);
                    g.sites[i].guarded = true;
                    g.sites[i].engage = g.sites[i].engage || p.engage;
                }
            }
        }
        keep_on_duty(w, d->soldiers);
        const std::int64_t soldiers = agents_of(static_cast<double>(p.size), ppa);
        const std::int64_t need = soldiers - static_cast<std::int64_t>(d->soldiers.size());
        for (const AgentId a : from_reserve(w, Kind::military, need)) {
            const std::size_t j = d->soldiers.size();
            const CellIndex c =
                sites.empty() ? detail::random_empty_cell(w, ctx, a, Purpose::military_placement)
                              : nearest_empty_cell(w, specs[sites[j % sites.size()]].cell);
            if (c == no_cell) {
                break;
            }
            detail::place_agent(w, a, c, State::on_duty);
            d->soldiers.push_back(a);
        }
        keep_on_duty(w, d->police);
        const std::int64_t freed = agents_of(static_cast<double>(p.frees_police), ppa);
        const std::int64_t more = freed - static_cast<std::int64_t>(d->police.size());
        for (const AgentId a : from_reserve(w, Kind::police, more)) {
            const CellIndex c = detail::random_empty_cell(w, ctx, a, Purpose::military_placement);
            if (c == no_cell) {
                break;
            }
            detail::place_agent(w, a, c, State::on_duty);
            d->police.push_back(a);
        }
        if (arriving) {
            events.push_back(record(
                ctx, "military", p.id, "deployed",
                fmt::format("{} soldiers on {} sites ({}), {} officers freed", d->soldiers.size(),
                            sites.size(), p.engage ? "engage" : "deter only", d->police.size())));
        }
    }
}

} // namespace

void deploy_forces(Region& g, const detail::TickContext& ctx, RegionControls& controls,
                   detail::TickTally& /*tally*/, std::vector<EventRecord>& events) {
    heal_and_regroup(g.world, ctx);
    apply_order(g, ctx, controls.police_ordered_off, events);
    if (!controls.contingents.empty() || !g.deployments.empty()) {
        deploy_contingents(g, ctx, controls, events);
    }
}

} // namespace unrest::phases
