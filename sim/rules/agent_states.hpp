// The states each kind of agent may be in, and the changes of state its rules may make: the one
// place where they are written down. world_ops asserts every change against `may_change` (debug
// builds) and Simulation::check_invariants checks every agent's state against `has_state`.
//
//   citizen:  quiet <-> active           the citizen's rule (MODEL.md §2)
//             active -> jailed           arrest
//             active -> quiet            arrest with a jail term of 0 (integer draws)
//             jailed -> quiet            release
//             quiet, active <-> violent  the violence rule (rules/violence.hpp, MODEL.md §3.4)
//             violent -> jailed          arrest of a violent citizen
//             quiet, active, violent -> injured, dead
//                                        casualties (rules/casualties.hpp, §3.5); a quiet citizen
//                                        hit is a bystander
//             injured -> quiet           healed: back on the grid
//             injured -> dead            died of wounds
//   police, military:
//             on_duty <-> withdrawn      deployment (the cop schedule, contingents, orders,
//                                        withdrawal when overwhelmed: rules/forces.hpp)
//             on_duty -> injured, dead   casualties (rules/casualties.hpp, MODEL.md §3.5)
//             injured -> withdrawn       healed: back in reserve, deployed again by deployment
//             injured -> dead            died of wounds
#pragma once

#include "../core/agent_kind.hpp"

#include <array>

namespace unrest {

namespace detail {

using StateSet = std::array<bool, state_count>;
using TransitionTable = std::array<std::array<bool, state_count>, state_count>; // [from][to]

constexpr StateSet states(std::initializer_list<State> list) {
    StateSet s{};
    for (const State x : list) {
        s[index_of(x)] = true;
    }
    return s;
}

struct Change {
    State from;
    State to;
};
constexpr TransitionTable changes(std::initializer_list<Change> list) {
    TransitionTable t{};
    for (const Change& c : list) {
        t[index_of(c.from)][index_of(c.to)] = true;
    }
    return t;
}

inline constexpr StateSet citizen_states = states(
    {State::quiet, State::active, State::jailed, State::violent, State::injured, State::dead});
inline constexpr StateSet force_states =
    states({State::on_duty, State::withdrawn, State::injured, State::dead});

inline constexpr TransitionTable citizen_changes = changes({{State::quiet, State::active},
                                                            {State::active, State::quiet},
                                                            {State::active, State::jailed},
                                                            {State::jailed, State::quiet},
                                                            {State::quiet, State::violent},
                                                            {State::active, State::violent},
                                                            {State::violent, State::active},
                                                            {State::violent, State::quiet},
                                                            {State::violent, State::jailed},
                                                            {State::quiet, State::injured},
                                                            {State::active, State::injured},
                                                            {State::violent, State::injured},
                                                            {State::quiet, State::dead},
                                                            {State::active, State::dead},
                                                            {State::violent, State::dead},
                                                            {State::injured, State::quiet},
                                                            {State::injured, State::dead}});
inline constexpr TransitionTable force_changes = changes({{State::on_duty, State::withdrawn},
                                                          {State::withdrawn, State::on_duty},
                                                          {State::on_duty, State::injured},
                                                          {State::on_duty, State::dead},
                                                          {State::injured, State::withdrawn},
                                                          {State::injured, State::dead}});

inline constexpr std::array<StateSet, kind_count> states_by_kind = {
    citizen_states, // citizen
    force_states,   // police
    force_states,   // military
};
inline constexpr std::array<TransitionTable, kind_count> changes_by_kind = {
    citizen_changes, // citizen
    force_changes,   // police
    force_changes,   // military
};

} // namespace detail

// Whether an agent of kind k may be in state s.
constexpr bool has_state(Kind k, State s) noexcept {
    return detail::states_by_kind[index_of(k)][index_of(s)];
}

// Whether the rules may move an agent of kind k from state `from` to state `to`.
constexpr bool may_change(Kind k, State from, State to) noexcept {
    return detail::changes_by_kind[index_of(k)][index_of(from)][index_of(to)];
}

// A state is free when the agent stands on the grid and acts (moves, decides, arrests).
constexpr bool is_free(State s) noexcept {
    return s == State::quiet || s == State::active || s == State::violent || s == State::on_duty;
}

// A force is one of the state's armed kinds (police, military).
constexpr bool is_force(Kind k) noexcept {
    return k == Kind::police || k == Kind::military;
}

} // namespace unrest
