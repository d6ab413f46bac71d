#include "model_checks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace unrest::detail {

namespace {

// The agents of one kind at tick 0 as the engine lays them out with initial_counts: exact (sim/
// engine/initial_state.cpp): the exact count, else round(density x cells). With random, the
// expected number.
std::int64_t initial_agents(const std::optional<std::int64_t>& exact, double density,
                            std::int64_t cells) {
    return exact ? *exact : std::llround(density * static_cast<double>(cells));
}

// Citizens and cops must fit on the grid, one agent per cell.
void check_population(const YamlReader& r, const Mapping& m, const ModelConfig& model) {
    const PopulationParams& p = model.population;
    const std::int64_t cells = static_cast<std::int64_t>(model.grid.width) * model.grid.height;
    if (p.initial == InitialCounts::random && (p.citizens || p.cops)) {
        const Field f = first_present(
            {p.cops ? m.get("cops") : std::nullopt, p.citizens ? m.get("citizens") : std::nullopt},
            m.field());
        r.fail(f,
               "no exact count with initial_counts: random (one draw per cell uses the "
               "densities)",
               f.node.IsScalar() ? f.node.Scalar() : describe(f.node));
    }
    if (!p.citizens && !p.cops) {
        if (p.citizen_density + p.cop_density > 1.0 + 1e-12) {
            r.fail(first_present({m.get("cop_density"), m.get("citizen_density")}, m.field()),
                   "citizen_density + cop_density <= 1",
                   fmt::format("{} + {} = {}", p.citizen_density, p.cop_density,
                               p.citizen_density + p.cop_density));
        }
        return;
    }
    const std::int64_t citizens = initial_agents(p.citizens, p.citizen_density, cells);
    const std::int64_t cops = initial_agents(p.cops, p.cop_density, cells);
    if (citizens + cops > cells) {
        r.fail(first_present({m.get("cops"), m.get("citizens")}, m.field()),
               fmt::format("at most {} agents on the {} x {} grid", cells, model.grid.width,
                           model.grid.height),
               fmt::format("{} citizens + {} cops = {}", citizens, cops, citizens + cops));
    }
}

// The cop density schedule must leave room for the citizens at every tick through `ticks`: the
// engine deploys round(density x cells) cops (sim/engine/simulation.cpp) on cells no citizen
// holds, and deploys fewer, silently, when they do not fit (cop_capacity in
// sim/engine/cop_deployment.cpp). Checked after the schedule's range.
void check_cop_room(const YamlReader& r, const ScheduleChanges& changes, const ModelConfig& model,
                    Tick ticks) {
    const PopulationParams& p = model.population;
    const std::int64_t cells = static_cast<std::int64_t>(model.grid.width) * model.grid.height;
    const std::int64_t citizens = initial_agents(p.citizens, p.citizen_density, cells);
    const std::int64_t room = cells - citizens;
    // The engine's schedule starts from the cops laid out (cop_density_schedule).
    const Schedule schedule(static_cast<double>(initial_agents(p.cops, p.cop_density, cells)) /
                                static_cast<double>(cells),
                            changes.changes);
    const auto cops_at = [&schedule, cells](Tick t) {
        return std::llround(std::clamp(schedule.at(t), 0.0, 1.0) * static_cast<double>(cells));
    };
    const auto breach =
        first_breach(changes.changes, ticks, [&](Tick t) { return cops_at(t) > room; });
    if (breach) {
        r.fail(changes.value_fields[breach->change],
               fmt::format("the cop density to leave room for the {} citizens through tick {} (at "
                           "most {} cops on {} cells)",
                           citizens, ticks, room, cells),
               fmt::format("{} at tick {} ({} cops)", schedule.at(breach->tick), breach->tick,
                           cops_at(breach->tick)));
    }
}

// Vision must not wrap around the torus onto itself: 2 reach + 1 <= min(width, height).
void check_vision(const YamlReader& r, const Field& at, const ModelConfig& model) {
    const VisionParams& v = model.vision;
    const int span = std::min(model.grid.width, model.grid.height);
    const std::string expected =
        fmt::format("a vision reach of at most {} on the {} x {} grid (2 reach + 1 <= {})",
                    (span - 1) / 2, model.grid.width, model.grid.height, span);
    // Both before building the neighbourhood, which has up to (2 reach + 1)^2 cells: a radius
    // the grid cannot hold may be billions of cells (radius 20000 on a 40000 x 40000 grid).
    // First a radius too large for an int reach, then the reach itself.
    if (std::floor(v.radius) > static_cast<double>(span)) {
        r.fail(at, expected, fmt::format("radius {}", v.radius));
    }
    const int reach = Neighbourhood::reach_of(v.radius);
    if (2 * reach + 1 > span) {
        r.fail(at, expected, fmt::format("radius {} (reach {})", v.radius, reach));
    }
    const Neighbourhood n(v.shape, v.radius, v.include_own_cell);
    if (n.size() == 0) {
        r.fail(at, "a vision of at least one cell",
               fmt::format("radius {} without the own cell", v.radius));
    }
}

} // namespace

void check_model(const YamlReader& r, const ModelFields& fields, const ModelConfig& model,
                 Tick ticks) {
    check_population(r, fields.section("population"), model);
    check_vision(r,
                 first_present({fields.get("vision", "radius"), fields.get("grid", "width"),
                                fields.get("grid", "height")},
                               fields.container),
                 model);
    if (model.cops.steps_onto_arrestee &&
        model.jail.placement == JailPlacement::in_place_blocking) {
        r.fail(first_present(
                   {fields.get("cops", "steps_onto_arrestee"), fields.get("jail", "placement")},
                   fields.container),
               "false with jail.placement: in_place_blocking (the arrestee's cell stays occupied)",
               "true");
    }
    const ScheduleChanges& legitimacy = fields.schedule("legitimacy.changes");
    check_schedule_range(r, legitimacy, model.legitimacy.schedule.initial(), ticks, "legitimacy");
    const ScheduleChanges& density = fields.schedule("cops.density_changes");
    const double cells = static_cast<double>(model.grid.width) * model.grid.height;
    const double initial_cop_density = model.population.cops
                                           ? static_cast<double>(*model.population.cops) / cells
                                           : model.population.cop_density;
    check_schedule_range(r, density, initial_cop_density, ticks, "the cop density");
    check_cop_room(r, density, model, ticks);
}

} // namespace unrest::detail
