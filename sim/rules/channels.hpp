// The channels of the neighbourhood count field (sim/core/count_field.hpp): what a rule may ask
// "how many ... within vision of this cell?" about, and which (kind, state) adds one to which
// channel: the one table. Each rule declares the channels it reads (citizen.hpp, police.hpp);
// the engine allocates and stamps only the channels that the rules in use declare.
#pragma once

#include "../core/count_field.hpp"

#include <initializer_list>

namespace unrest {

// Append new channels at the end (at most max_channels).
enum class Channel : std::uint8_t {
    cops = 0,     // police on duty (MODEL.md §2: C)
    actives = 1,  // active citizens (MODEL.md §2: the actives in A)
    violent = 2,  // violent citizens (issue 8)
    military = 3, // military on duty (issue 8)
};

constexpr int channel_index(Channel c) noexcept {
    return static_cast<int>(c);
}

constexpr ChannelMask channel_mask(std::initializer_list<Channel> channels) noexcept {
    unsigned m = 0;
    for (const Channel c : channels) {
        m |= 1U << channel_index(c);
    }
    return static_cast<ChannelMask>(m);
}

// Which (kind, state) counts in which channel.
inline constexpr ChannelMap channel_table =
    ChannelMap()
        .add(Kind::police, State::on_duty, channel_index(Channel::cops))
        .add(Kind::citizen, State::active, channel_index(Channel::actives))
        .add(Kind::citizen, State::violent, channel_index(Channel::violent))
        .add(Kind::military, State::on_duty, channel_index(Channel::military));

} // namespace unrest
