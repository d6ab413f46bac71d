// Neighbourhood counts kept as fields over the grid (MODEL.md §2: C = cops within vision, and
// the actives within vision that enter A), one field per channel.
//
// A channel counts the agents of some (kind, state) pairs: `ChannelMap` says which pairs add one
// to which channel (the rules own the table: sim/rules/channels.hpp). Only the channels that
// some rule reads are allocated and stamped. channel k's at(k, c) holds how many such agents
// stand in the vision neighbourhood of cell c. A query is O(1). The field is built in
// O(cells x rows) with per-row prefix sums (each neighbourhood row is a contiguous span of
// columns), and kept up to date incrementally: when an agent that counts appears in or leaves a
// cell, the cells that see that cell are stamped, O(|V|) per channel it counts in. Because every
// shape is point-symmetric, the cells that see c are exactly c's own neighbourhood.
//
// `reference_counts` is the plain scan over every cell in vision; tests compare the field to it
// exactly.
#pragma once

#include "agent_kind.hpp"
#include "cell_lists.hpp"
#include "grid.hpp"
#include "neighbourhood.hpp"
#include "population.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace unrest {

inline constexpr int max_channels = 8;
using ChannelMask = std::uint8_t; // bit k = channel k

// Which channels an agent of each (kind, state) adds one to.
class ChannelMap {
public:
    constexpr ChannelMap() = default;
    constexpr ChannelMap& add(Kind k, State s, int channel) {
        bits_[slot(k, s)] = static_cast<ChannelMask>(bits_[slot(k, s)] | (1U << channel));
        return *this;
    }
    constexpr ChannelMask of(Kind k, State s) const noexcept { return bits_[slot(k, s)]; }
    // Whether an agent of some kind in state s counts in some channel.
    constexpr bool counts_in_state(State s) const noexcept {
        unsigned any = 0;
        for (std::size_t k = 0; k < kind_count; ++k) {
            any |= bits_[k * state_count + index_of(s)];
        }
        return any != 0;
    }
    // The same map, counting only into the channels of `keep`.
    constexpr ChannelMap restricted_to(ChannelMask keep) const noexcept {
        ChannelMap m;
        for (std::size_t i = 0; i < bits_.size(); ++i) {
            m.bits_[i] = static_cast<ChannelMask>(bits_[i] & keep);
        }
        return m;
    }

private:
    static constexpr std::size_t slot(Kind k, State s) noexcept {
        return index_of(k) * state_count + index_of(s);
    }
    std::array<ChannelMask, kind_count * state_count> bits_{};
};

// Counts per channel (channels not counted stay 0).
using ChannelCounts = std::array<std::int32_t, max_channels>;

class CountField {
public:
    CountField() = default;
    // Fields for the channels of `channels`, counting per `map` (restricted to those channels).
    CountField(std::size_t cells, const ChannelMap& map, ChannelMask channels);

    ChannelMask channels() const noexcept { return channels_; }
    bool has(int channel) const noexcept { return ((channels_ >> channel) & 1U) != 0; }
    const ChannelMap& map() const noexcept { return map_; }
    // Whether an agent in state s, of any kind, counts in an allocated channel: when not, a stamp
    // for it is a no-op and its kind need not even be read (most agents are quiet citizens).
    bool counts_in_state(State s) const noexcept { return counts_in_state_[index_of(s)]; }

    // How many agents counted in `channel` stand within vision of cell c; channel allocated.
    std::int32_t at(int channel, CellIndex c) const noexcept { return field_[channel][c]; }

    // Recomputes every allocated channel from scratch (OpenMP over rows).
    void rebuild(const Torus& torus, const Neighbourhood& vision, const Population& pop,
                 const CellLists& lists);

    // An agent of kind k in state s appeared (sign +1) in or left (sign -1) cell c.
    void stamp(const Torus& torus, const Neighbourhood& vision, CellIndex c, Kind k, State s,
               int sign) noexcept {
        unsigned bits = map_.of(k, s);
        while (bits != 0) {
            add(field_[__builtin_ctz(bits)], torus, vision, c, sign);
            bits &= bits - 1;
        }
    }

private:
    // The cells that see c are c's own neighbourhood (shapes are point-symmetric).
    static void add(std::vector<std::int32_t>& field, const Torus& torus,
                    const Neighbourhood& vision, CellIndex c, int d) noexcept {
        std::int32_t* f = field.data();
        for_each_run_in(torus, vision, c, [f, d](CellIndex first, CellIndex last) {
            for (CellIndex i = first; i <= last; ++i) {
                f[i] += d;
            }
        });
        if (!vision.includes_own_cell()) {
            f[c] -= d;
        }
    }

    ChannelMap map_;
    std::array<bool, state_count> counts_in_state_{};
    ChannelMask channels_ = 0;
    std::array<std::vector<std::int32_t>, max_channels> field_;
};

// Reference: count by visiting every cell in vision and every agent in it, into every channel
// of `map`.
ChannelCounts reference_counts(const Torus& torus, const Neighbourhood& vision,
                               const Population& pop, const CellLists& lists, const ChannelMap& map,
                               CellIndex c);

} // namespace unrest
