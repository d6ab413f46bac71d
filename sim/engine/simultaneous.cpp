#include "simultaneous.hpp"

#include "../core/parallel.hpp"
#include "../rules/jail.hpp"
#include "../rules/movement.hpp"
#include "world_ops.hpp"

#include <atomic>
#include <limits>
#include <vector>

namespace unrest::detail {

namespace {

constexpr std::uint64_t unclaimed = std::numeric_limits<std::uint64_t>::max();

// Claim value of agent a: a random priority in the high word, the id in the low word (unique).
std::uint64_t claim_of(const TickContext& ctx, AgentId a, std::uint32_t phase) {
    const std::uint64_t prio =
        ctx.rng.key64(ctx.tick, static_cast<std::uint32_t>(a), Purpose::conflict_priority, phase) >>
        32;
    return (prio << 32) | static_cast<std::uint32_t>(a);
}

// The agent a claim value belongs to (its low word).
AgentId claimant(std::uint64_t claim) {
    return static_cast<AgentId>(claim & 0xffffffffU);
}

void claim_min(std::vector<std::uint64_t>& claims, std::size_t slot, std::uint64_t value) {
    std::atomic_ref<std::uint64_t> ref(claims[slot]);
    std::uint64_t seen = ref.load(std::memory_order_relaxed);
    while (value < seen && !ref.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
}

bool is_free_mover(const World& w, AgentId a) {
    const State s = w.pop.state[a];
    // Soldiers are static guards (MECHANISMS.md §8a).
    return s == State::quiet || s == State::active ||
           (s == State::on_duty && w.pop.kind[a] != Kind::military);
}

void rebuild_counts(World& w) {
    w.seen.rebuild(w.torus, w.vision, w.pop, w.lists);
}

void movement_phase(World& w, const TickContext& ctx) {
    if (!ctx.config.movement.enabled) {
        return;
    }
    const auto n = static_cast<AgentId>(w.pop.size());
    std::vector<CellIndex> wish(n, no_cell);
    std::vector<std::uint64_t> claims(static_cast<std::size_t>(w.torus.cells()), unclaimed);
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        if (is_free_mover(w, a)) {
            wish[a] = choose_destination(w.torus, w.vision, w.lists, w.pop.cell[a], ctx.rng,
                                         ctx.tick, static_cast<std::uint32_t>(a));
            if (wish[a] != no_cell) {
                claim_min(claims, wish[a], claim_of(ctx, a, 0));
            }
        }
    }
    for (AgentId a = 0; a < n; ++a) {
        if (wish[a] != no_cell && claimant(claims[wish[a]]) == a) {
            const CellIndex from = w.pop.cell[a];
            w.lists.remove(from, a);
            w.lists.insert(wish[a], a);
            w.pop.cell[a] = wish[a];
        }
    }
    rebuild_counts(w);
}

void decision_phase(World& w, const TickContext& ctx, TickTally& tally) {
    const auto n = static_cast<AgentId>(w.pop.size());
    std::vector<State> next(w.pop.state.begin(), w.pop.state.end());
    std::vector<std::uint8_t> released(n, 0);
    const bool own = ctx.config.jail.countdown == JailCountdown::own_activation;
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        const State s = w.pop.state[a];
        if (s == State::quiet || s == State::active) {
            next[a] =
                citizen_decides_active(w, ctx.config, a, ctx.news) ? State::active : State::quiet;
        } else if (s == State::jailed && own && !w.pop.awaiting_placement[a]) {
            released[a] = count_down(w.pop.jail_remaining[a]) ? 1 : 0;
        }
    }
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        w.pop.state[a] = next[a];
    }
    for (AgentId a = 0; a < n; ++a) {
        if (released[a] && release_citizen(w, ctx.config.jail, a)) {
            ++tally.releases;
        }
    }
    rebuild_counts(w);
}

void arrest_phase(World& w, const TickContext& ctx, TickTally& tally) {
    const auto n = static_cast<AgentId>(w.pop.size());
    std::vector<AgentId> target(n, no_agent);
    std::vector<std::uint64_t> claims(static_cast<std::size_t>(n), unclaimed);
#pragma omp parallel for schedule(static) if (n >= min_parallel_items)
    for (AgentId c = 0; c < n; ++c) {
        if (w.pop.kind[c] == Kind::police && w.pop.state[c] == State::on_duty) {
            target[c] = choose_arrestee(w, ctx, c);
            if (target[c] != no_agent) {
                claim_min(claims, target[c], claim_of(ctx, c, 1));
            }
        }
    }
    // Commit in cop-id order. Stamping keeps the field exact for the cops' moves below.
    for (AgentId c = 0; c < n; ++c) {
        const AgentId b = target[c];
        if (b == no_agent || claimant(claims[b]) != c) {
            continue;
        }
        make_arrest(w, ctx, c, b, tally);
    }
}

} // namespace

TickTally activate_simultaneous(World& w, const TickContext& ctx) {
    TickTally tally;
    if (ctx.config.movement.order == ActivationOrder::move_then_act) {
        movement_phase(w, ctx);
    }
    decision_phase(w, ctx, tally);
    arrest_phase(w, ctx, tally);
    if (ctx.config.movement.order == ActivationOrder::act_then_move) {
        movement_phase(w, ctx);
    }
    return tally;
}

} // namespace unrest::detail
