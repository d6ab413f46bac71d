// The states of each kind and the changes its rules may make (rules/agent_states.hpp), and the
// channel table (rules/channels.hpp) with the channels the rules declare.
#include "sim/rules/agent_states.hpp"
#include "sim/rules/channels.hpp"
#include "sim/rules/citizen.hpp"
#include "sim/rules/forces.hpp"

#include <gtest/gtest.h>

using namespace unrest;

TEST(AgentStates, EachKindHasItsOwnStates) {
    for (const State s : {State::quiet, State::active, State::violent, State::jailed,
                          State::injured, State::dead}) {
        EXPECT_TRUE(has_state(Kind::citizen, s)) << static_cast<int>(s);
    }
    EXPECT_FALSE(has_state(Kind::citizen, State::on_duty));
    EXPECT_FALSE(has_state(Kind::citizen, State::withdrawn));
    for (const Kind k : {Kind::police, Kind::military}) {
        for (const State s : {State::on_duty, State::withdrawn, State::injured, State::dead}) {
            EXPECT_TRUE(has_state(k, s)) << static_cast<int>(s);
        }
        for (const State s : {State::quiet, State::active, State::violent, State::jailed}) {
            EXPECT_FALSE(has_state(k, s)) << static_cast<int>(s);
        }
    }
}

TEST(AgentStates, DeclaredChangesAndNoOthers) {
    int allowed = 0;
    for (std::size_t k = 0; k < kind_count; ++k) {
        for (std::size_t f = 0; f < state_count; ++f) {
            for (std::size_t t = 0; t < state_count; ++t) {
                const bool ok =
                    may_change(static_cast<Kind>(k), static_cast<State>(f), static_cast<State>(t));
                allowed += ok ? 1 : 0;
                if (ok) { // a change stays within the kind's states
                    EXPECT_TRUE(has_state(static_cast<Kind>(k), static_cast<State>(f)));
                    EXPECT_TRUE(has_state(static_cast<Kind>(k), static_cast<State>(t)));
                }
            }
        }
    }
    // citizen: Model I's 4, violence 5, casualties 6, healing 2; each force: deployment 2,
    // casualties 2, healing 2.
    EXPECT_EQ(allowed, 17 + 6 + 6);
    EXPECT_TRUE(may_change(Kind::citizen, State::quiet, State::active));
    EXPECT_TRUE(may_change(Kind::citizen, State::active, State::quiet));
    EXPECT_TRUE(may_change(Kind::citizen, State::active, State::jailed));
    EXPECT_TRUE(may_change(Kind::citizen, State::jailed, State::quiet));
    EXPECT_FALSE(may_change(Kind::citizen, State::quiet, State::jailed)); // only actives arrested
    EXPECT_FALSE(may_change(Kind::citizen, State::jailed, State::active));
    EXPECT_FALSE(may_change(Kind::citizen, State::jailed, State::violent)); // jail comes first
    EXPECT_FALSE(may_change(Kind::citizen, State::dead, State::quiet));     // death is final
    EXPECT_FALSE(may_change(Kind::police, State::dead, State::on_duty));
    EXPECT_FALSE(may_change(Kind::police, State::injured, State::on_duty)); // via the reserve
    EXPECT_TRUE(may_change(Kind::citizen, State::violent, State::jailed));
    EXPECT_TRUE(may_change(Kind::citizen, State::quiet, State::dead)); // a bystander
    EXPECT_TRUE(may_change(Kind::police, State::on_duty, State::withdrawn));
    EXPECT_TRUE(may_change(Kind::police, State::withdrawn, State::on_duty));
    EXPECT_FALSE(may_change(Kind::police, State::on_duty, State::active));
}

TEST(Channels, TableAndDeclarations) {
    const auto counts_in = [](Kind k, State s, Channel c) {
        return ((channel_table.of(k, s) >> channel_index(c)) & 1U) != 0;
    };
    EXPECT_TRUE(counts_in(Kind::police, State::on_duty, Channel::cops));
    EXPECT_FALSE(counts_in(Kind::police, State::withdrawn, Channel::cops));
    EXPECT_FALSE(counts_in(Kind::military, State::on_duty, Channel::cops));
    EXPECT_TRUE(counts_in(Kind::military, State::on_duty, Channel::military));
    EXPECT_TRUE(counts_in(Kind::citizen, State::active, Channel::actives));
    EXPECT_FALSE(counts_in(Kind::citizen, State::violent, Channel::actives));
    EXPECT_TRUE(counts_in(Kind::citizen, State::violent, Channel::violent));
    EXPECT_EQ(channel_table.of(Kind::citizen, State::jailed), 0);
    EXPECT_EQ(citizen_reads, 0b11);
    EXPECT_EQ(police_reads, 0b10);
}
