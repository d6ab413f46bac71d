#include "movement.hpp"

namespace unrest {

namespace {
constexpr std::uint32_t rejection_tries = 24;
}

CellIndex choose_destination(const Torus& torus, const Neighbourhood& vision,
                             const CellLists& lists, CellIndex from, const CounterRng& rng,
                             std::uint32_t tick, std::uint32_t agent) {
    const auto& others = vision.others();
    const auto n = static_cast<std::uint32_t>(others.size());
    if (n == 0) {
        return no_cell;
    }
    for (std::uint32_t i = 0; i < rejection_tries; ++i) {
        const CellIndex c =
            torus.shifted(from, others[rng.below(n, tick, agent, Purpose::movement, i)]);
        if (lists.empty(c)) {
            return c;
        }
    }
    // Fallback: count the empty cells, draw one uniformly (index draw rejection_tries), and
    // walk to it.
    std::uint32_t empty = 0;
    for (const Offset& o : others) {
        empty += lists.empty(torus.shifted(from, o)) ? 1U : 0U;
    }
    if (empty == 0) {
        return no_cell;
    }
    std::uint32_t k = rng.below(empty, tick, agent, Purpose::movement, rejection_tries);
    for (const Offset& o : others) {
        const CellIndex c = torus.shifted(from, o);
        if (lists.empty(c) && k-- == 0) {
            return c;
        }
    }
    return no_cell; // unreachable: k < empty
}

CellIndex gathering_destination(const Torus& torus, const Neighbourhood& vision,
                                const CellLists& lists, const std::vector<float>& attraction,
                                CellIndex from, const CounterRng& rng, std::uint32_t tick,
                                std::uint32_t agent) {
    const auto& others = vision.others();
    const auto n = static_cast<std::uint32_t>(others.size());
    CellIndex best = no_cell;
    float best_value = 0.0F;
    std::uint32_t best_position = 0;
    bool keyed = false; // whether best_key holds the best cell's key (drawn at the first tie)
    std::uint64_t best_key = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const CellIndex c = torus.shifted(from, others[i]);
        const float v = attraction[static_cast<std::size_t>(c)];
        if (!(v > 0.0F) || v < best_value || !lists.empty(c)) {
            continue;
        }
        if (best == no_cell || v > best_value) {
            best = c;
            best_value = v;
            best_position = i;
            keyed = false;
            continue;
        }
        // A tie: the lowest key wins (keys are drawn only for tied cells).
        if (!keyed) {
            best_key = rng.key64(tick, agent, Purpose::gathering, 1 + best_position);
            keyed = true;
        }
        const std::uint64_t key = rng.key64(tick, agent, Purpose::gathering, 1 + i);
        if (key < best_key) {
            best = c;
            best_position = i;
            best_key = key;
        }
    }
    return best;
}

} // namespace unrest
