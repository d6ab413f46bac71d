// Several regions in one simulation: each with its own random streams (region 0 = the one-region
// run exactly), determinism whatever the thread count, timeline events and their records, the
// phase profile.
#include "sim/engine/memory_estimate.hpp"
#include "sim/engine/phase_profile.hpp"
#include "sim/engine/schedule_events.hpp"
#include "sim/engine/simulation.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <omp.h>

using namespace unrest;

namespace {

ModelConfig busy(int side) {
    ModelConfig c;
    c.grid = {side, side};
    c.arrest.ratio = ArrestRatio::floor;
    c.legitimacy.schedule = Schedule(0.7);
    return c;
}

// Every field of a record, for exact comparison.
auto fields(const TickRecord& r) {
    return std::tuple(r.tick, r.quiet, r.active, r.violent, r.jailed, r.injured, r.dead, r.cops,
                      r.police_injured, r.police_dead, r.police_withdrawn, r.military,
                      r.military_withdrawn, r.arrests, r.releases, r.legitimacy, r.comms, r.news);
}

SimulationSpec two_regions(const ModelConfig& a, const ModelConfig& b) {
    SimulationSpec spec;
    spec.regions.push_back({"a", a});
    spec.regions.push_back({"b", b});
    return spec;
}

} // namespace

TEST(RegionRng, RegionZeroIsTheGeneratorItselfAndOtherRegionsDiffer) {
    const CounterRng rng(42);
    const CounterRng r0 = rng.for_region(0);
    const CounterRng r1 = rng.for_region(1);
    const CounterRng r2 = rng.for_region(2);
    int differ01 = 0;
    int differ12 = 0;
    for (std::uint32_t agent = 0; agent < 100; ++agent) {
        EXPECT_EQ(rng.key64(3, agent, Purpose::movement), r0.key64(3, agent, Purpose::movement));
        differ01 += r1.key64(3, agent, Purpose::movement) != r0.key64(3, agent, Purpose::movement);
        differ12 += r1.key64(3, agent, Purpose::movement) != r2.key64(3, agent, Purpose::movement);
    }
    EXPECT_EQ(differ01, 100);
    EXPECT_EQ(differ12, 100);
    EXPECT_EQ(r1.region(), 1U);
    EXPECT_EQ(r1.seed(), 42U);
}

// Adding a region changes nothing in region 0: bytewise the same run as alone (no news).
TEST(Regions, RegionZeroOfTwoIsTheOneRegionRun) {
    const ModelConfig a = busy(40);
    ModelConfig b = busy(30);
    b.jail.max_term = 5;
    Simulation alone(a, 9);
    Simulation both(two_regions(a, b), 9);
    ASSERT_EQ(both.regions(), 2);
    EXPECT_EQ(fields(alone.observe()), fields(both.observe_regions()[0]));
    std::int64_t active = 0;
    for (int t = 1; t <= 60; ++t) {
        const TickRecord one = alone.step();
        const std::vector<TickRecord>& two = both.step_regions();
        ASSERT_EQ(two.size(), 2U);
        ASSERT_EQ(fields(one), fields(two[0])) << "tick " << t;
        EXPECT_EQ(two[0].region, 0);
        EXPECT_EQ(two[1].region, 1);
        active += one.active;
    }
    EXPECT_GT(active, 0);
    const Population& p = alone.world().pop;
    const Population& q = both.world(0).pop;
    EXPECT_EQ(p.cell, q.cell);
    EXPECT_EQ(p.state, q.state);
    EXPECT_EQ(p.jail_remaining, q.jail_remaining);
    EXPECT_TRUE(both.check_invariants().empty());
}

// The same configuration in two regions: different streams, so different runs.
TEST(Regions, SameConfigurationDifferentRegionsDiffer) {
    const ModelConfig a = busy(40);
    Simulation both(two_regions(a, a), 9);
    EXPECT_NE(both.world(0).pop.cell, both.world(1).pop.cell);
    EXPECT_NE(both.world(0).pop.hardship, both.world(1).pop.hardship);
}

TEST(Regions, DeterministicWhateverTheThreadCount) {
    ModelConfig a = busy(120); // several tiles
    a.vision.radius = 3;
    a.news = {0.5, 0.2};
    ModelConfig b = busy(60);
    b.activation.mode = ActivationMode::simultaneous;
    b.news = {1.0, 0.1};
    auto run = [&](int threads) {
        omp_set_num_threads(threads);
        SimulationSpec spec = two_regions(a, b);
        spec.news_weights = {0.0, 1.0, 2.0, 0.0};
        Simulation sim(std::move(spec), 5);
        std::vector<decltype(fields(TickRecord{}))> out;
        for (int t = 0; t < 30; ++t) {
            for (const TickRecord& r : sim.step_regions()) {
                out.push_back(fields(r));
            }
        }
        return std::pair(out, sim.world(1).pop.cell);
    };
    const auto one = run(1);
    EXPECT_EQ(one, run(2));
    double news = 0.0;
    for (const auto& f : one.first) {
        news += std::get<17>(f);
    }
    EXPECT_GT(news, 0.0) << "the run must exercise news";
}

TEST(Regions, RejectsNoRegionAndBadWeights) {
    EXPECT_THROW(Simulation(SimulationSpec{}, 1), std::invalid_argument);
    SimulationSpec spec = two_regions(busy(20), busy(20));
    spec.news_weights = {1.0, 2.0, 3.0};
    EXPECT_THROW(Simulation(std::move(spec), 1), std::invalid_argument);
}

// News with kappa = eta = 0 (the default) changes nothing, bit for bit, even with weights.
TEST(Regions, NewsWithoutEffectIsModelOne) {
    const ModelConfig a = busy(40);
    Simulation alone(a, 3);
    SimulationSpec spec = two_regions(a, busy(40));
    spec.news_weights = {0.0, 5.0, 5.0, 0.0};
    Simulation both(std::move(spec), 3);
    double news = 0.0;
    for (int t = 1; t <= 50; ++t) {
        const TickRecord one = alone.step();
        const TickRecord r0 = both.step_regions()[0];
        news += r0.news;
        auto f = fields(r0);
        std::get<17>(f) = 0.0;
        ASSERT_EQ(fields(one), f) << "tick " << t;
    }
    EXPECT_GT(news, 0.0);
}

// News with an effect moves the receiving region (perceived support kappa > 0).
TEST(Regions, NewsWithEffectChangesTheReceiver) {
    ModelConfig a = busy(40);
    a.legitimacy.schedule = Schedule(0.85); // quieter alone
    ModelConfig loud = busy(40);
    loud.legitimacy.schedule = Schedule(0.2);
    ModelConfig receiving = a;
    receiving.news = {50.0, 2.0};
    Simulation alone(a, 3);
    SimulationSpec spec = two_regions(receiving, loud);
    spec.news_weights = {0.0, 1.0, 0.0, 0.0};
    Simulation both(std::move(spec), 3);
    std::int64_t alone_active = 0;
    std::int64_t coupled_active = 0;
    for (int t = 1; t <= 40; ++t) {
        alone_active += alone.step().active;
        coupled_active += both.step_regions()[0].active;
    }
    EXPECT_GT(coupled_active, alone_active);
}

namespace {

// A timeline that cuts communications in region 1 at tick 3 and sets L in region 0 at tick 5.
class TestTimeline final : public TimelineSource {
public:
    void apply(Tick t, std::span<RegionControls> regions,
               std::vector<EventRecord>& applied) override {
        if (t == 3) {
            regions[1].comms = 0.0;
            applied.push_back({t, 1, "comms", "cut", "at", "comms 1 -> 0"});
        }
        if (t == 5) {
            regions[0].legitimacy = 0.3;
            applied.push_back({t, 0, "legitimacy", "fall", "at", "legitimacy -> 0.3"});
        }
    }
};

} // namespace

TEST(Timeline, EventsChangeControlsAndAreRecordedForTheirTick) {
    SimulationSpec spec = two_regions(busy(30), busy(30));
    spec.timeline = std::make_unique<TestTimeline>();
    Simulation sim(std::move(spec), 1);
    for (int t = 1; t <= 6; ++t) {
        const std::vector<TickRecord> r = sim.step_regions();
        const auto& ev = sim.events_applied();
        if (t == 3) {
            ASSERT_EQ(ev.size(), 1U);
            EXPECT_EQ(ev[0].type, "comms");
            EXPECT_EQ(ev[0].region, 1);
        } else if (t == 5) {
            ASSERT_EQ(ev.size(), 1U);
            EXPECT_EQ(ev[0].id, "fall");
            EXPECT_EQ(r[0].legitimacy, 0.3);
        } else {
            EXPECT_TRUE(ev.empty()) << "tick " << t;
        }
        EXPECT_EQ(r[1].comms, t >= 3 ? 0.0 : 1.0);
        EXPECT_EQ(r[0].legitimacy, t >= 5 ? 0.3 : 0.7);
    }
}

// The classic schedules as events: run 4's jump and a cop ramp, with their records.
TEST(Timeline, ScheduleEventsApplyTheClassicSchedules) {
    ModelConfig c = busy(40);
    c.legitimacy.schedule = Schedule(0.9, {{ScheduleChange::Kind::set, 4, forever, 0.7}});
    c.cops.density_changes = {{ScheduleChange::Kind::ramp, 2, 6, 0.01}};
    Simulation sim(c, 2);
    for (int t = 1; t <= 8; ++t) {
        const TickRecord r = sim.step();
        const auto& ev = sim.events_applied();
        EXPECT_EQ(r.legitimacy, t >= 4 ? 0.7 : 0.9) << "tick " << t;
        std::vector<std::string> seen;
        for (const EventRecord& e : ev) {
            EXPECT_EQ(e.tick, t);
            seen.push_back(e.type + ":" + e.phase);
        }
        std::vector<std::string> expected;
        if (t == 2) {
            expected = {"cop_density:start"};
        } else if (t == 4) {
            expected = {"legitimacy:at"};
        } else if (t == 6) {
            expected = {"cop_density:end"};
        }
        EXPECT_EQ(seen, expected) << "tick " << t;
        if (t >= 6) {
            EXPECT_EQ(r.cops, 16); // 0.01 x 1600
        }
    }
    EXPECT_EQ(sim.controls(0).cop_density, 0.01);
}

TEST(Timeline, ScheduleEventsLeaveAConstantLegitimacyAlone) {
    ScheduleEvents s({ScheduleEvents::schedules_of(busy(10), 4, 100)});
    std::vector<RegionControls> controls(1);
    controls[0].legitimacy = 0.123; // moved by something else: a constant schedule keeps out
    std::vector<EventRecord> applied;
    s.apply(1, controls, applied);
    EXPECT_EQ(controls[0].legitimacy, 0.123);
    EXPECT_FALSE(controls[0].cop_density);
    EXPECT_TRUE(applied.empty());
}

// Feedback (MODEL.md §3.3): arrests lower L, recovery pulls it back; off = Model I exactly.
// A timeline that holds the classic schedules itself turns ScheduleEvents off.
TEST(Timeline, ClassicSchedulesCanBeLeftToTheTimeline) {
    ModelConfig c = busy(20);
    c.legitimacy.schedule = Schedule(0.9, {{ScheduleChange::Kind::set, 2, forever, 0.5}});
    SimulationSpec spec;
    spec.regions.push_back({"only", c});
    spec.classic_schedules = false;
    Simulation sim(std::move(spec), 1);
    for (int t = 1; t <= 3; ++t) {
        EXPECT_EQ(sim.step().legitimacy, 0.9);
        EXPECT_TRUE(sim.events_applied().empty());
    }
}

TEST(MemoryEstimate, RegionsAddUp) {
    ModelConfig a = busy(40);
    ModelConfig b = busy(100);
    b.population.cop_density = 0.1;
    const SimulationSpec spec = two_regions(a, b);
    const MemoryEstimate ea = estimate_memory(a);
    const MemoryEstimate eb = estimate_memory(b);
    const MemoryEstimate both = estimate_memory(spec);
    EXPECT_EQ(both.cells, 1600 + 10000);
    EXPECT_EQ(both.agents, ea.agents + eb.agents);
    EXPECT_EQ(both.bytes, ea.bytes + eb.bytes - memory_bytes_fixed);
}

TEST(LegitimacyFeedback, ArrestsLowerLegitimacyAndOffChangesNothing) {
    ModelConfig off = busy(40);
    off.legitimacy.feedback = {false, 50.0, 0.1}; // parameters set but not enabled
    ModelConfig on = off;
    on.legitimacy.feedback.enabled = true;
    Simulation plain(busy(40), 8);
    Simulation disabled(off, 8);
    Simulation fed(on, 8);
    bool lowered = false;
    for (int t = 1; t <= 40; ++t) {
        const TickRecord p = plain.step();
        ASSERT_EQ(fields(p), fields(disabled.step())) << "tick " << t;
        const double before = fed.controls(0).legitimacy;
        const TickRecord f = fed.step();
        const double after = fed.controls(0).legitimacy;
        EXPECT_EQ(f.legitimacy, before); // the record holds L in force during the tick
        const double citizens = static_cast<double>(fed.world().pop.count(Kind::citizen));
        const double expected = std::clamp(
            before - 50.0 * static_cast<double>(f.arrests) / citizens + 0.1 * (0.7 - before), 0.0,
            1.0);
        EXPECT_DOUBLE_EQ(after, expected) << "tick " << t;
        lowered = lowered || (f.arrests > 0 && after < before);
    }
    EXPECT_TRUE(lowered);
}

TEST(Profile, NamesEveryPhaseInOrderAndSumsBelowTheWallTime) {
    EXPECT_EQ(std::vector<std::string>(phase_names.begin(), phase_names.end()),
              (std::vector<std::string>{"timeline", "crowd", "deployment", "forces",
                                        "jail_countdown", "activation", "confrontation", "sites",
                                        "legitimacy", "news", "observe"}));
    const auto t0 = std::chrono::steady_clock::now();
    Simulation sim(busy(60), 4);
    for (int t = 0; t < 20; ++t) {
        sim.step();
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const PhaseProfile& p = sim.profile();
    EXPECT_EQ(p.ticks(), 20);
    double sum = 0.0;
    for (std::size_t i = 0; i < phase_count; ++i) {
        const double s = p.seconds(static_cast<Phase>(i));
        EXPECT_GE(s, 0.0) << phase_names[i];
        sum += s;
    }
    EXPECT_GT(p.seconds(Phase::activation), 0.0);
    EXPECT_DOUBLE_EQ(sum, p.total());
    EXPECT_LE(sum, wall);
}
