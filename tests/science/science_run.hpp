// Running a scenario file for the science tests and measuring what the paper measures.
#pragma once

#include "sim/engine/simulation.hpp"
#include "sim/output/outbursts.hpp"
#include "sim/scenario/load.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace unrest::testing {

struct RunMeasures {
    std::vector<std::int64_t> active; // per tick, ticks 1..N (index 0 = tick 1)
    std::vector<std::int64_t> jailed; // per tick, ticks 1..N
    std::vector<Outburst> outbursts;
    OutburstStats stats;
    double mean_active = 0.0;
    double quiet_tick_fraction = 0.0; // ticks with fewer than 10 actives

    std::int64_t peak(Tick from, Tick to) const { // over ticks [from, to]
        std::int64_t p = 0;
        for (Tick t = from; t <= to && t <= static_cast<Tick>(active.size()); ++t) {
            p = std::max(p, active[static_cast<std::size_t>(t - 1)]);
        }
        return p;
    }
};

inline Scenario scenario_file(const std::string& relative,
                              const std::vector<std::string>& sets = {}) {
    return load_scenario_file(std::string(UNREST_SOURCE_DIR) + "/" + relative, sets);
}

inline RunMeasures measure(const Scenario& s, std::uint64_t seed) {
    Simulation sim(s.model, seed);
    OutburstDetector detector(s.analysis.outburst_threshold);
    RunMeasures m;
    std::int64_t quiet_ticks = 0;
    double sum = 0;
    for (Tick t = 1; t <= s.run.ticks; ++t) {
        const TickRecord r = sim.step();
        m.active.push_back(r.active);
        m.jailed.push_back(r.jailed);
        detector.add(t, r.active);
        sum += static_cast<double>(r.active);
        quiet_ticks += r.active < 10 ? 1 : 0;
    }
    detector.finish();
    m.outbursts = detector.outbursts();
    m.stats = outburst_stats(m.outbursts);
    m.mean_active = sum / static_cast<double>(s.run.ticks);
    m.quiet_tick_fraction = static_cast<double>(quiet_ticks) / static_cast<double>(s.run.ticks);
    return m;
}

} // namespace unrest::testing
