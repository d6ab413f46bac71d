// A scenario: the validated, immutable description of one run (model parameters, run length,
// seed, analysis settings), built from a YAML file by load.hpp.
#pragma once

#include "../engine/model_config.hpp"

#include <cstdint>
#include <string>

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

struct Scenario {
    std::string name;
    std::string description;
    std::string source; // citation for the preset's values
    RunSettings run;
    ModelConfig model;
    AnalysisSettings analysis;
};

} // namespace unrest
