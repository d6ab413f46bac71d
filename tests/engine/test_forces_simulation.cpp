// The whole tick with the forces' rules on and a timeline that escalates force, orders police off
// and brings a contingent: Simulation::check_invariants after every tick, the same results with
// 1, 2 and 4 threads. (Violence comes from the crowd's rules: here actives are the ones hit, at
// the active factor, and the ones that overwhelm police.)
#include "sim/engine/simulation.hpp"
#include "sim/timeline/registry.hpp"
#include "sim/timeline/timeline.hpp"

#include <gtest/gtest.h>
#include <omp.h>

using namespace unrest;

namespace {

ModelConfig forces_on() {
    ModelConfig c;
    c.arrest.ratio = ArrestRatio::floor;
    c.legitimacy.schedule = Schedule(0.5);
    c.casualties.enabled = true;
    c.casualties.less_lethal_rate = 0.2;
    c.casualties.lethal_rate = 0.5;
    c.casualties.active_factor = 0.5;
    c.casualties.healing = 4;
    c.cops.withdrawal = {true, 1.0, 0.3, 3};
    c.sites.sites = {SiteSpec{"akimat", SiteType::akimat, 5 * 40 + 5, 1e7, 2.0},
                     SiteSpec{"airport", SiteType::airport, 30 * 40 + 30, 5e7, 3.0}};
    c.military.reserve = 20;
    c.military.police_reserve = 10;
    c.military.engage_rate = 0.1;
    c.cops.density_changes = {{ScheduleChange::Kind::ramp, 20, 30, 0.02}};
    return c;
}

EventSpec event(const char* type, Tick from, Tick to) {
    EventSpec e;
    e.type = find_event_type(type);
    e.from = from;
    e.to = to;
    return e;
}

std::unique_ptr<TimelineSource> timeline() {
    std::vector<EventSpec> events;
    EventSpec level;
    level.type = find_event_type("force_level");
    level.at = 3;
    level.params.set("level", std::string("lethal"));
    events.push_back(level);
    EventSpec order = event("police_withdrawal", 5, 12);
    order.params.set("share", 0.5);
    events.push_back(order);
    EventSpec csto = event("contingent", 8, 25);
    csto.id = "csto";
    csto.params.set("size", std::int64_t{20});
    csto.params.set("sites", std::vector<std::string>{"airport"});
    csto.params.set("engage", true);
    csto.params.set("frees_police", std::int64_t{10});
    events.push_back(csto);
    const std::vector<std::string> names{"main"};
    static Timeline t;
    t = Timeline(std::move(events));
    return t.start(names);
}

Simulation make(std::uint64_t seed) {
    SimulationSpec spec;
    spec.regions.push_back({"main", forces_on()});
    spec.timeline = timeline();
    return Simulation(std::move(spec), seed);
}

} // namespace

TEST(ForcesSimulation, InvariantsEveryTick) {
    Simulation sim = make(7);
    std::int64_t hurt = 0;
    bool deployed = false;
    for (int t = 0; t < 40; ++t) {
        const TickRecord r = sim.step();
        const std::vector<std::string> bad = sim.check_invariants();
        ASSERT_TRUE(bad.empty()) << "tick " << r.tick << ": " << bad.front();
        hurt += r.citizens_wounded + r.protesters_killed;
        deployed = deployed || r.military > 0;
        EXPECT_EQ(r.military, r.tick >= 8 && r.tick < 25 ? 20 : 0) << r.tick;
    }
    EXPECT_GT(hurt, 0);
    EXPECT_TRUE(deployed);
}

TEST(ForcesSimulation, SameResultsWithOneTwoFourThreads) {
    const auto run = [](int threads) {
        omp_set_num_threads(threads);
        Simulation sim = make(3);
        std::vector<std::int64_t> out;
        for (int t = 0; t < 30; ++t) {
            const TickRecord r = sim.step();
            for (const std::int64_t v :
                 {r.quiet, r.active, r.jailed, r.injured, r.dead, r.cops, r.police_withdrawn,
                  r.military, r.arrests, r.citizens_wounded, r.protesters_killed}) {
                out.push_back(v);
            }
        }
        for (const CellIndex c : sim.world().pop.cell) {
            out.push_back(c);
        }
        return out;
    };
    const auto one = run(1);
    EXPECT_EQ(one, run(2));
    EXPECT_EQ(one, run(4));
    omp_set_num_threads(omp_get_num_procs());
}
