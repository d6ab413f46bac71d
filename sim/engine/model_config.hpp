// The model as the engine sees it: typed parameters grouped by the rule that uses them. Built
// once (by the scenario loader, or by hand in tests) and never written by the simulation.
#pragma once

#include "../core/neighbourhood.hpp"
#include "../core/schedule.hpp"
#include "../rules/citizen.hpp"
#include "../rules/forces.hpp"
#include "../rules/jail.hpp"
#include "../rules/movement.hpp"

#include <cstdint>
#include <optional>

namespace unrest {

struct GridParams {
    int width = 40;  // cells (Epstein 2002: 40 x 40 torus)
    int height = 40; // cells
};

enum class InitialCounts {
    exact,  // round(density x cells) agents of each kind on distinct random cells (NetLogo)
    random, // one draw per cell: cop with p = cop density, else citizen with p = citizen density
            // (Mesa)
};

struct PopulationParams {
    double citizen_density = 0.7;         // fraction of cells (Epstein 2002, Table 2)
    double cop_density = 0.04;            // fraction of cells (Epstein 2002, Table 2, run 2)
    std::optional<std::int64_t> citizens; // exact count; overrides citizen_density
    std::optional<std::int64_t> cops;     // exact count; overrides cop_density
    InitialCounts initial = InitialCounts::exact;
};

struct VisionParams {
    double radius = 7.0; // v, in cells (Epstein 2002, Table 2, run 2)
    VisionShape shape = VisionShape::disc;
    bool include_own_cell = true;
};

// Feedback from what citizens see to legitimacy (MODEL.md §3.3); off by default, and then L is
// moved by the timeline alone.
struct LegitimacyFeedbackParams {
    bool enabled = false;
    // dL per tick per unit of arrests made in the tick as a fraction of the region's citizens.
    double arrest_sensitivity = 0.0;
    // Fraction of the gap between L and the level last set by the timeline closed per tick.
    double recovery = 0.0;
};

struct LegitimacyParams {
    Schedule schedule{0.82}; // L(t) (Epstein 2002, Table 2, run 2: 0.82), clamped to [0, 1]
    LegitimacyFeedbackParams feedback;
};

// How news of activity in other regions enters a citizen's decision (MECHANISMS.md §10c); with
// both 0 (the default) news has no effect and the model is Model I.
struct NewsEffectParams {
    double perceived_support = 0.0; // kappa: A = 1 + actives in vision + kappa N
    double grievance = 0.0;         // eta: G = H (1 - L) + eta N
};

enum class ActivationMode {
    random_sequential, // one agent at a time in random order, each seeing those before it
    simultaneous,      // all decide from the same frozen state; conflicts resolved explicitly
};

enum class TilingMode {
    automatic, // parallel tiles (see tiling.hpp); one tile when the grid is small
    single,    // always one tile: a uniformly random order over all agents, run serially
};

struct ActivationParams {
    ActivationMode mode = ActivationMode::random_sequential;
    TilingMode tiling = TilingMode::automatic;
};

struct ModelConfig {
    GridParams grid;
    PopulationParams population;
    VisionParams vision;
    CitizenParams citizen;
    ArrestParams arrest;
    JailParams jail;
    MovementParams movement;
    PoliceParams cops; // the police (the scenario's `cops:` block)
    MilitaryParams military;
    LegitimacyParams legitimacy;
    ActivationParams activation;
    NewsEffectParams news;
};

} // namespace unrest
