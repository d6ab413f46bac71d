#include "world_ops.hpp"

namespace unrest::detail {

namespace {
void stamp(World& w, CellIndex c, State s, int sign) noexcept {
    const int dc = counts_as_cop(s);
    const int da = counts_as_active(s);
    if (dc != 0 || da != 0) {
        w.seen.stamp(w.torus, w.vision, c, sign * dc, sign * da);
    }
}
} // namespace

void move_agent(World& w, AgentId a, CellIndex to) noexcept {
    const CellIndex from = w.pop.cell[a];
    w.lists.remove(from, a);
    w.lists.insert(to, a);
    w.pop.cell[a] = to;
    stamp(w, from, w.pop.state[a], -1);
    stamp(w, to, w.pop.state[a], +1);
}

void set_citizen_state(World& w, AgentId a, State s) noexcept {
    const State old = w.pop.state[a];
    if (old == s) {
        return;
    }
    stamp(w, w.pop.cell[a], old, -1);
    w.pop.state[a] = s;
    stamp(w, w.pop.cell[a], s, +1);
}

bool jail_citizen(World& w, const JailParams& jail, AgentId arrestee, double term) noexcept {
    const CellIndex c = w.pop.cell[arrestee];
    stamp(w, c, w.pop.state[arrestee], -1);
    if (term <= 0.0) {
        w.pop.state[arrestee] = State::quiet;
        return false;
    }
    w.pop.state[arrestee] = State::jailed;
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
    w.pop.state[a] = State::quiet;
    return true;
}

void place_agent(World& w, AgentId a, CellIndex c, State s) noexcept {
    w.pop.cell[a] = c;
    w.pop.state[a] = s;
    w.pop.awaiting_placement[a] = 0;
    w.lists.insert(c, a);
    stamp(w, c, s, +1);
}

void withdraw_cop(World& w, AgentId a) noexcept {
    const CellIndex c = w.pop.cell[a];
    stamp(w, c, State::on_duty, -1);
    w.lists.remove(c, a);
    w.pop.cell[a] = no_cell;
    w.pop.state[a] = State::off_duty;
}

} // namespace unrest::detail
