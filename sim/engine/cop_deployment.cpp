#include "cop_deployment.hpp"

#include "jail_phase.hpp"
#include "world_ops.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace unrest::detail {

Schedule cop_density_schedule(const ModelConfig& config, std::int64_t initial_cops,
                              std::int64_t cells) {
    return Schedule(static_cast<double>(initial_cops) / static_cast<double>(cells),
                    config.cops.density_changes);
}

std::int64_t cop_capacity(const ModelConfig& config, std::int64_t initial_cops,
                          std::int64_t citizens, std::int64_t cells) {
    const Schedule s = cop_density_schedule(config, initial_cops, cells);
    const std::int64_t room = cells - citizens;
    std::int64_t most = initial_cops;
    auto consider = [&](Tick t) {
        most = std::max(most, static_cast<std::int64_t>(std::llround(std::max(0.0, s.at(t)) *
                                                                     static_cast<double>(cells))));
    };
    for (const ScheduleChange& c : s.changes()) {
        const bool open_growth =
            c.to == forever && ((c.kind == ScheduleChange::Kind::add_per_tick && c.value > 0) ||
                                (c.kind == ScheduleChange::Kind::multiply_per_tick && c.value > 1));
        if (open_growth) {
            return std::max(most, room);
        }
        consider(c.from);
        if (c.to != forever) {
            consider(c.to);
        }
    }
    return std::min(std::max(most, initial_cops), std::max(room, initial_cops));
}

std::int64_t reserve_police_agents(const ModelConfig& config) {
    return config.military.police_reserve > 0
               ? agents_of(static_cast<double>(config.military.police_reserve),
                           config.scale.persons_per_agent)
               : 0;
}

std::int64_t reserve_military_agents(const ModelConfig& config) {
    return config.military.reserve > 0 ? agents_of(static_cast<double>(config.military.reserve),
                                                   config.scale.persons_per_agent)
                                       : 0;
}

void deploy_cops(World& w, const TickContext& ctx, std::int64_t target) {
    const auto end = static_cast<AgentId>(w.pop.size());
    // Officers held off duty (overwhelmed and regrouping, or ordered off: recovery_remaining > 0,
    // rules/forces.hpp) stay off, and count toward the target: the order or the regroup takes
    // them off the force the schedule asks for. Model I has none.
    const bool holds = !w.pop.recovery_remaining.empty();
    const auto held = [&](AgentId c) { return holds && w.pop.recovery_remaining[c] > 0.0F; };
    std::int64_t held_off = 0;
    std::vector<std::pair<std::uint64_t, AgentId>> on_duty;
    for (AgentId c = 0; c < end; ++c) {
        if (w.pop.kind[c] == Kind::police && w.pop.state[c] == State::on_duty) {
            on_duty.emplace_back(
                ctx.rng.key64(ctx.tick, static_cast<std::uint32_t>(c), Purpose::cop_schedule), c);
        } else if (holds && w.pop.kind[c] == Kind::police && w.pop.state[c] == State::withdrawn &&
                   held(c)) {
            ++held_off;
        }
    }
    auto deployed = static_cast<std::int64_t>(on_duty.size()) + held_off;
    if (deployed > target) {
        const auto excess = static_cast<std::size_t>(
            std::min(deployed - target, static_cast<std::int64_t>(on_duty.size())));
        std::partial_sort(on_duty.begin(), on_duty.begin() + static_cast<std::ptrdiff_t>(excess),
                          on_duty.end());
        std::sort(on_duty.begin(), on_duty.begin() + static_cast<std::ptrdiff_t>(excess),
                  [](const auto& x, const auto& y) { return x.second < y.second; });
        for (std::size_t i = 0; i < excess; ++i) {
            withdraw_cop(w, on_duty[i].second);
        }
        return;
    }
    for (AgentId c = 0; c < end && deployed < target; ++c) {
        if (w.pop.kind[c] != Kind::police || w.pop.state[c] != State::withdrawn || held(c)) {
            continue;
        }
        const CellIndex cell = random_empty_cell(w, ctx, c, Purpose::cop_schedule);
        if (cell == no_cell) {
            return;
        }
        place_agent(w, c, cell, State::on_duty);
        ++deployed;
    }
}

} // namespace unrest::detail
