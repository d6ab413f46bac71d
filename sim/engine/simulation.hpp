// One run of the model: the tick pipeline over a World built from a ModelConfig and a seed.
#pragma once

#include "activation.hpp"
#include "model_config.hpp"
#include "tick_record.hpp"
#include "world.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unrest {

class Simulation {
public:
    Simulation(const ModelConfig& config, std::uint64_t seed);

    // Advances one tick and returns what was measured at its end.
    TickRecord step();
    // The counts as they stand now (tick 0 = the initial state).
    TickRecord observe() const;

    Tick tick() const noexcept { return tick_; }
    const World& world() const noexcept { return world_; }
    const ModelConfig& config() const noexcept { return config_; }
    std::uint64_t seed() const noexcept { return rng_.seed(); }

    // Every structural invariant that must hold between ticks; empty when all hold. Costly
    // (it recounts every neighbourhood by the reference scan): for tests and --check.
    std::vector<std::string> check_invariants() const;

private:
    void apply_schedules(const detail::TickContext& ctx);

    ModelConfig config_;
    CounterRng rng_;
    Tick tick_ = 0;
    World world_;
    Schedule cop_schedule_; // cop density over ticks
};

} // namespace unrest
