// The model as the engine sees it: typed parameters grouped by the rule that uses them. Built
// once (by the scenario loader, or by hand in tests) and never written by the simulation.
#pragma once

#include "../core/neighbourhood.hpp"
#include "../core/schedule.hpp"
#include "../rules/casualties.hpp"
#include "../rules/citizen.hpp"
#include "../rules/communications.hpp"
#include "../rules/forces.hpp"
#include "../rules/gathering.hpp"
#include "../rules/hardship.hpp"
#include "../rules/jail.hpp"
#include "../rules/movement.hpp"
#include "../rules/sites.hpp"
#include "../rules/violence.hpp"

#include <cstdint>
#include <optional>

namespace unrest {

struct GridParams {
    int width = 40;  // cells (Epstein 2002: 40 x 40 torus)
    int height = 40; // cells
    // Space (MECHANISMS.md §9a; issue 8): the side of a cell in metres and the position of the
    // grid's south-west corner, for sites given by latitude and longitude (rules/sites.hpp:
    // equirectangular). 0 / empty: no geography (sites by cells only).
    double cell_size_m = 0.0;
    std::optional<GeoPoint> origin = std::nullopt;
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
    // dL per tick per unit of citizens killed by the state in the tick, as a fraction of the
    // region's citizens (MECHANISMS.md §3c: killings weigh more than arrests).
    double killing_sensitivity = 0.0;
    // dL per tick per unit of violence by rioters in the tick (police killed or wounded, as a
    // fraction of the region's citizens): may be negative (violence raises L).
    double violence_sensitivity = 0.0;
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

// Calendar time as the rules see it (MODEL.md §3.1): filled by the scenario loader from the
// calendar and the region's zone; tick_seconds 0 = no calendar (Model I's periods).
struct ClockParams {
    std::int64_t tick_seconds = 0;
    std::int64_t start_second_of_day = 0; // local time of day at the start of tick 1

    bool enabled() const noexcept { return tick_seconds > 0; }
    // Local time of day, in seconds, at the start of tick t >= 1 (0 without a calendar).
    std::int64_t second_of_day(std::uint32_t t) const noexcept {
        if (tick_seconds <= 0) {
            return 0;
        }
        const std::int64_t s =
            start_second_of_day + (static_cast<std::int64_t>(t) - 1) * tick_seconds;
        return ((s % 86400) + 86400) % 86400;
    }
    // Local days since the start of tick 1's day in which tick t starts (0 without a calendar).
    std::int64_t day(std::uint32_t t) const noexcept {
        if (tick_seconds <= 0) {
            return 0;
        }
        const std::int64_t s =
            start_second_of_day + (static_cast<std::int64_t>(t) - 1) * tick_seconds;
        return s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    }
};

// Persons per agent (MODEL.md §3.10), as the rules see it: thresholds given in persons (the
// organised group's size, contingents, capacities) are converted with it. Filled by the loader
// from `scale:`; 1 = Model I.
struct ScaleParams {
    double persons_per_agent = 1.0;
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
    // The January 2022 rules (MODEL.md §3), each off by default.
    ClockParams clock;
    ScaleParams scale;
    HardshipParams hardship;
    ViolenceParams violence;
    GatheringParams gathering;
    CasualtyParams casualties;
    SitesParams sites;
    MobilisationParams mobilisation;
};

} // namespace unrest
