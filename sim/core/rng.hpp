// Counter-based random numbers (Random123 Philox4x32-10).
//
// Every draw is a pure function of (seed, tick, agent, purpose, index): there is no generator
// state, so results do not depend on the order in which agents are processed or on the number
// of threads. `purpose` separates independent streams for the same agent and tick; `index`
// numbers successive draws within one purpose (rejection sampling, shuffles...).
//
// Regions: `for_region(r)` is the same generator with r in the high 16 bits of the purpose word
// (purposes are < 2^16), so each region has its own streams, adding a region changes no other
// region's draws, and region 0 draws exactly what the generator itself draws.
#pragma once

#include <Random123/philox.h>
#include <cstdint>

namespace unrest {

// The streams used by the model. Values are part of the output contract: renumbering one
// changes every result drawn from it, so append new purposes at the end.
enum class Purpose : std::uint32_t {
    hardship = 1,            // H ~ U(0,1) at initialisation
    risk_aversion = 2,       // R ~ U(0,1) at initialisation
    placement = 3,           // initial positions and kinds
    activation_order = 4,    // shuffle of the agents within a tile (agent = tile index)
    group_order = 5,         // random order of tile colour groups
    movement = 6,            // choice of destination cell
    arrest = 7,              // choice of the arrestee
    jail_term = 8,           // jail term draw
    conflict_priority = 9,   // tie-breaks in simultaneous activation
    release = 10,            // placement of agents released from an off-grid jail
    cop_schedule = 11,       // which cops are withdrawn or deployed by the cop schedule
    design = 12,             // sweep designs: Latin hypercube permutations and jitter
    hardship_exposure = 13,  // fuel-price exposure at initialisation (owner, income; index 0, 1)
    organised_group = 14,    // which citizens form the organised violent group (keys at tick 0)
    gathering = 15,          // whether a citizen gathers, and ties between destinations
    casualty = 16,           // whether an agent is hit, and whether the hit kills (index 0, 1)
    withdrawal = 17,         // overwhelmed officers (index 0); ordered withdrawals (index 1)
    military_placement = 18, // cells of agents put (back) on the grid by the forces phase
    site = 19,               // sites burning (agent = site), weapons handed out (agent = citizen)
};
// Purposes occupy the low 16 bits of the purpose word; the region the high 16.
inline constexpr std::uint32_t purpose_bits = 16;

class CounterRng {
public:
    explicit CounterRng(std::uint64_t seed) noexcept
        : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}

    // This generator's view for region r (r < 2^16): r in the high bits of the purpose word.
    CounterRng for_region(std::uint32_t region) const noexcept {
        CounterRng view = *this;
        view.region_ = region << purpose_bits;
        return view;
    }
    std::uint32_t region() const noexcept { return region_ >> purpose_bits; }

    std::uint64_t seed() const noexcept {
        return static_cast<std::uint64_t>(key_.v[0]) |
               (static_cast<std::uint64_t>(key_.v[1]) << 32);
    }

    // 128 random bits for one counter value, as two 64-bit words.
    struct Bits {
        std::uint64_t a;
        std::uint64_t b;
    };
    Bits bits(std::uint32_t tick, std::uint32_t agent, Purpose purpose,
              std::uint32_t index = 0) const noexcept {
        r123::Philox4x32 gen;
        const r123::Philox4x32::ctr_type ctr = {
            {tick, agent, static_cast<std::uint32_t>(purpose) | region_, index}};
        const auto out = gen(ctr, key_);
        return {static_cast<std::uint64_t>(out.v[0]) | (static_cast<std::uint64_t>(out.v[1]) << 32),
                static_cast<std::uint64_t>(out.v[2]) |
                    (static_cast<std::uint64_t>(out.v[3]) << 32)};
    }

    // Uniform double in [0, 1) with 53 random bits.
    double uniform(std::uint32_t tick, std::uint32_t agent, Purpose purpose,
                   std::uint32_t index = 0) const noexcept {
        return to_unit(bits(tick, agent, purpose, index).a);
    }

    // 64-bit key, for sorting into a random order.
    std::uint64_t key64(std::uint32_t tick, std::uint32_t agent, Purpose purpose,
                        std::uint32_t index = 0) const noexcept {
        return bits(tick, agent, purpose, index).a;
    }

    // Uniform integer in [0, n), n > 0, by multiply-shift (Lemire) on 32 random bits: the
    // relative bias is below n / 2^32, far below anything measurable at our sizes.
    std::uint32_t below(std::uint32_t n, std::uint32_t tick, std::uint32_t agent, Purpose purpose,
                        std::uint32_t index = 0) const noexcept {
        const std::uint64_t x = bits(tick, agent, purpose, index).a >> 32;
        return static_cast<std::uint32_t>((x * n) >> 32);
    }

    static double to_unit(std::uint64_t x) noexcept {
        return static_cast<double>(x >> 11) * 0x1.0p-53;
    }

private:
    r123::Philox4x32::key_type key_;
    std::uint32_t region_ = 0; // region << purpose_bits
};

} // namespace unrest
