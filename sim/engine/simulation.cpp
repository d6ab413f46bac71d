#include "simulation.hpp"

#include "../core/parallel.hpp"
#include "activation.hpp"
#include "cop_deployment.hpp"
#include "initial_state.hpp"
#include "jail_phase.hpp"
#include "random_sequential.hpp"
#include "simultaneous.hpp"

#include <algorithm>
#include <cmath>

namespace unrest {

Simulation::Simulation(const ModelConfig& config, std::uint64_t seed)
    : config_(config), rng_(seed), world_(detail::build_world(config_, rng_)),
      cop_schedule_(detail::cop_density_schedule(config_, observe().cops, world_.torus.cells())) {}

// One period, as a pipeline of named phases (MODEL.md §2, Schedule).
TickRecord Simulation::step() {
    ++tick_;
    const detail::TickContext ctx{config_, rng_, static_cast<std::uint32_t>(tick_)};
    detail::TickTally tally;

    apply_schedules(ctx);
    if (config_.jail.countdown == JailCountdown::start_of_tick) {
        tally.releases += detail::count_down_all(world_, ctx);
    }
    const detail::TickTally acted = config_.activation.mode == ActivationMode::random_sequential
                                        ? detail::activate_random_sequential(world_, ctx)
                                        : detail::activate_simultaneous(world_, ctx);
    tally.arrests += acted.arrests;
    tally.releases += acted.releases;
    if (config_.jail.countdown == JailCountdown::end_of_tick) {
        tally.releases += detail::count_down_all(world_, ctx);
    }
    tally.releases += detail::place_released(world_, ctx);

    TickRecord r = observe();
    r.arrests = tally.arrests;
    r.releases = tally.releases;
    return r;
}

// Legitimacy L(t) and the cop count follow their schedules.
void Simulation::apply_schedules(const detail::TickContext& ctx) {
    world_.legitimacy = std::clamp(config_.legitimacy.schedule.at(tick_), 0.0, 1.0);
    if (!cop_schedule_.constant()) {
        const double density = std::clamp(cop_schedule_.at(tick_), 0.0, 1.0);
        detail::deploy_cops(world_, ctx,
                            std::llround(density * static_cast<double>(world_.torus.cells())));
    }
}

TickRecord Simulation::observe() const {
    const Population& pop = world_.pop;
    std::int64_t quiet = 0;
    std::int64_t active = 0;
    std::int64_t jailed = 0;
    std::int64_t cops = 0;
    const auto n = static_cast<AgentId>(pop.size());
#pragma omp parallel for schedule(static) reduction(+ : quiet, active, jailed, cops)         \
    if (n >= min_parallel_items)
    for (AgentId a = 0; a < n; ++a) {
        const State s = pop.state[a];
        quiet += s == State::quiet ? 1 : 0;
        active += s == State::active ? 1 : 0;
        jailed += s == State::jailed ? 1 : 0;
        cops += s == State::on_duty ? 1 : 0;
    }
    TickRecord r;
    r.tick = tick_;
    r.quiet = quiet;
    r.active = active;
    r.jailed = jailed;
    r.cops = cops;
    r.legitimacy = world_.legitimacy;
    return r;
}

} // namespace unrest
