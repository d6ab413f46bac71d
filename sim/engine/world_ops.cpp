#include "world_ops.hpp"

#include "../rules/agent_states.hpp"

#include <cassert>

namespace unrest::detail {

namespace {
// Agent a, in state s, appeared (+1) in or left (-1) cell c: the channels it counts in. Its kind
// is read only when some kind counts in state s (a quiet citizen costs no extra load).
void stamp(World& w, CellIndex c, AgentId a, State s, int sign) noexcept {
    if (w.seen.counts_in_state(s)) {
        w.seen.stamp(w.torus, w.vision, c, w.pop.kind[a], s, sign);
    }
}

// Sets a's state, which the rules of its kind must allow.
void change_state(World& w, AgentId a, State s) noexcept {
    assert(w.pop.state[a] == s || may_change(w.pop.kind[a], w.pop.state[a], s));
    w.pop.state[a] = s;
}
} // namespace

void move_agent(World& w, AgentId a, CellIndex to) noexcept {
    const CellIndex from = w.pop.cell[a];
    w.lists.remove(from, a);
    w.lists.insert(to, a);
    w.pop.cell[a] = to;
    stamp(w, from, a, w.pop.state[a], -1);
    stamp(w, to, a, w.pop.state[a], +1);
}

void set_citizen_state(World& w, AgentId a, State s) noexcept {
    const State old = w.pop.state[a];
    if (old == s) {
        return;
    }
    stamp(w, w.pop.cell[a], a, old, -1);
    change_state(w, a, s);
    stamp(w, w.pop.cell[a], a, s, +1);
}

bool jail_citizen(World& w, const JailParams& jail, AgentId arrestee, double term) noexcept {
    const CellIndex c = w.pop.cell[arrestee];
    stamp(w, c, arrestee, w.pop.state[arrestee], -1);
    if (term <= 0.0) {
        change_state(w, arrestee, State::quiet);
        return false;
    }
    change_state(w, arrestee, State::jailed);
    w.pop.jail_remaining[arrestee] = term;
    switch (jail.placement) {
    case JailPlacement::off_grid:
        w.lists.remove(c, arrestee);
        w.pop.cell[arrestee] = no_cell;
        break;
    case JailPlacement::in_place_free:
        w.lists.remove(c, arrestee); // keeps its cell, which counts as empty
        break;
    case JailPlacement::in_place_blocking:
        break; // stays in the cell list: the cell stays occupied
    }
    return true;
}

bool release_citizen(World& w, const JailParams& jail, AgentId a) noexcept {
    w.pop.jail_remaining[a] = 0.0;
    switch (jail.placement) {
    case JailPlacement::off_grid:
        w.pop.awaiting_placement[a] = 1;
        return false;
    case JailPlacement::in_place_free:
        w.lists.insert(w.pop.cell[a], a);
        break;
    case JailPlacement::in_place_blocking:
        break;
    }
    change_state(w, a, State::quiet);
    return true;
}

void place_agent(World& w, AgentId a, CellIndex c, State s) noexcept {
    w.pop.cell[a] = c;
    change_state(w, a, s);
    w.pop.awaiting_placement[a] = 0;
    w.lists.insert(c, a);
    stamp(w, c, a, s, +1);
}

void withdraw_cop(World& w, AgentId a) noexcept {
    const CellIndex c = w.pop.cell[a];
    stamp(w, c, a, State::on_duty, -1);
    w.lists.remove(c, a);
    w.pop.cell[a] = no_cell;
    change_state(w, a, State::withdrawn);
}

void injure_agent(World& w, AgentId a, float healing) noexcept {
    const CellIndex c = w.pop.cell[a];
    stamp(w, c, a, w.pop.state[a], -1);
    w.lists.remove(c, a);
    w.pop.cell[a] = no_cell;
    change_state(w, a, State::injured);
    w.pop.recovery_remaining[a] = healing;
}

void kill_agent(World& w, AgentId a) noexcept {
    const CellIndex c = w.pop.cell[a];
    if (c != no_cell) {
        stamp(w, c, a, w.pop.state[a], -1);
        w.lists.remove(c, a);
        w.pop.cell[a] = no_cell;
    }
    change_state(w, a, State::dead);
    if (!w.pop.recovery_remaining.empty()) {
        w.pop.recovery_remaining[a] = 0.0F;
    }
}

void heal_force(World& w, AgentId a) noexcept {
    change_state(w, a, State::withdrawn);
    w.pop.recovery_remaining[a] = 0.0F;
}

void hold_off_duty(World& w, AgentId a, float periods) noexcept {
    withdraw_cop(w, a);
    w.pop.recovery_remaining[a] = periods;
}

} // namespace unrest::detail
