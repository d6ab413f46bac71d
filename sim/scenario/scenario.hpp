// A scenario: the validated, immutable description of one run (model parameters, run length,
// seed, analysis settings), built from a YAML file by load.hpp.
#pragma once

#include "../core/calendar.hpp"
#include "../engine/model_config.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace unrest {

// The longest run: the tick is a 32-bit word of the random-number counter (sim/core/rng.hpp).
inline constexpr Tick max_ticks = 4294967295;

struct RunSettings {
    std::uint64_t seed = 1; // base seed of the counter-based generator
    Tick ticks = 1000;      // periods to simulate
};

struct AnalysisSettings {
    // An outburst starts when actives exceed this and ends when they fall below it (MODEL.md
    // §2: "more than 50 actives until it falls below 50").
    std::int64_t outburst_threshold = 50;
};

// One region (MODEL.md §3.9): a city with its own grid, population and parameters.
struct RegionSpec {
    std::string name;
    std::int32_t utc_offset_minutes = 0; // the calendar's zone unless the region gives its own
    ModelConfig model;                   // the scenario's defaults with the region's overrides
};

// News of activity elsewhere (MECHANISMS.md §10c): N_r = s_r sum_{r' != r} W[r][r'] s_r'
// A_r'/Pop_r' over the previous tick's frozen counts, s = communications availability.
struct NewsParams {
    // W, row-major, regions x regions (diagonal ignored); empty = no coupling.
    std::vector<double> weights;
};

// Persons per agent (MODEL.md §3.10): every count written to an output is multiplied by it.
struct ScaleSettings {
    double persons_per_agent = 1.0;
};

class Timeline;         // sim/timeline/timeline.hpp: the scenario's typed events
struct ReportedFigures; // sim/scenario/reported_figures.hpp

// compare: (docs/reported_figures.md): the reported figures a run is compared with
// (comparison.csv) and those `unrest run` prints.
struct CompareSettings {
    std::string reported;      // the file as written in the scenario
    std::string reported_path; // the same, resolved against the scenario file's folder
    std::shared_ptr<const ReportedFigures> figures; // loaded and validated (never null)
    std::vector<std::string> show;                  // ids to print, in order
    bool show_given = false; // false: print every simulated figure within the run's dates
    // A reported region -> the run's regions it stands for (summed); a reported region not listed
    // is the run's region of the same name (letter case aside), "national" every region.
    std::vector<std::pair<std::string, std::vector<std::string>>> regions;
};

struct Scenario {
    std::string name;
    std::string description;
    std::string source; // citation for the preset's values
    RunSettings run;
    ModelConfig model;
    AnalysisSettings analysis;
    Calendar calendar;
    // The regions, never empty after loading: a scenario without a `regions:` block has one, named
    // "main", whose model is `model` and whose zone is the calendar's.
    std::vector<RegionSpec> regions;
    NewsParams news;
    ScaleSettings scale;
    // The typed events of `timeline:` (set by the loader; never null after loading). The classic
    // schedules (legitimacy.changes, cops.density_changes) stay in each region's model and are
    // applied by the engine's ScheduleEvents, before these, each tick.
    std::shared_ptr<const Timeline> timeline;
    // compare: the reported figures to compare the run with; none without the block.
    std::shared_ptr<const CompareSettings> compare;
};

} // namespace unrest
