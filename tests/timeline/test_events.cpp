#include "sim/timeline/classic_schedules.hpp"
#include "timeline_test_util.hpp"

#include <gtest/gtest.h>

using namespace unrest;
using namespace unrest::test;
using K = ScheduleChange::Kind;

namespace {

RegionControls with_legitimacy(double l) {
    RegionControls c;
    c.legitimacy = l;
    return c;
}

std::string record_text(const EventRecord& e) {
    return fmt::format("{} r{} {} '{}' {}: {}", e.tick, e.region, e.type, e.id, e.phase, e.details);
}

} // namespace

// The arithmetic is Schedule::at's: a ramp from 0.82 to 0.70 over ticks 10..20 gives exactly the
// same doubles.
TEST(TimelineEvents, LegitimacyRampIsBitForBitTheSchedule) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: legitimacy, from: 10, to: 20, ramp_to: 0.70}\n");
    const Schedule schedule(0.82, {{K::ramp, 10, 20, 0.70}});
    const auto history = run_timeline(b.timeline, 40, one_region, with_legitimacy(0.82));
    for (Tick t = 0; t <= 40; ++t) {
        EXPECT_EQ(history[t][0].legitimacy, schedule.at(t)) << "tick " << t;
    }
    EXPECT_EQ(history[9][0].legitimacy, 0.82);
    EXPECT_NE(history[15][0].legitimacy, 0.82);
    EXPECT_EQ(history[20][0].legitimacy, 0.70);
}

// Every kind of classic change, one after another, converted to events: Schedule::at's doubles at
// every tick, for legitimacy and for the cop density.
TEST(TimelineEvents, ClassicSchedulesAsEventsGiveTheSameDoubles) {
    const std::vector<ScheduleChange> changes{
        {K::set, 5, forever, 0.9},
        {K::ramp, 10, 23, 0.5},
        {K::add_per_tick, 25, 40, -0.013},
        {K::set, 41, forever, 0.77},
        {K::multiply_per_tick, 45, 60, 1.01},
        {K::ramp, 61, 64, 0.3},
        {K::multiply_per_tick, 70, forever, 0.99},
    };
    const Schedule schedule(0.82, changes);
    const Timeline legitimacy(schedule_events("legitimacy", "legitimacy.changes", changes));
    const auto l = run_timeline(legitimacy, 300, one_region, with_legitimacy(0.82));
    RegionControls cops;
    cops.cop_density = 0.82;
    const Timeline density(schedule_events("cop_density", "cops.density_changes", changes));
    const auto d = run_timeline(density, 300, one_region, cops);
    for (Tick t = 0; t <= 300; ++t) {
        ASSERT_EQ(l[t][0].legitimacy, schedule.at(t)) << "tick " << t;
        ASSERT_EQ(*d[t][0].cop_density, schedule.at(t)) << "tick " << t;
    }
    EXPECT_EQ(legitimacy.events()[2].origin, "legitimacy.changes[2]");
    EXPECT_EQ(legitimacy.events()[2].to, 41); // the schedule's last tick 40, plus one
    EXPECT_FALSE(legitimacy.events()[6].to.has_value());
}

TEST(TimelineEvents, LegitimacySetAndShift) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: legitimacy, id: drop, at: 3, set: 0.6}\n"
                                 "  - {type: legitimacy, at: 5, shift: -0.25}\n");
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 6, one_region, with_legitimacy(0.82), &records);
    EXPECT_EQ(h[2][0].legitimacy, 0.82);
    EXPECT_EQ(h[3][0].legitimacy, 0.6);
    EXPECT_EQ(h[5][0].legitimacy, 0.6 - 0.25);
    EXPECT_EQ(h[6][0].legitimacy, 0.6 - 0.25);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(record_text(records[0]), "3 r0 legitimacy 'drop' at: legitimacy 0.82 -> 0.6");
    EXPECT_EQ(record_text(records[1]), "5 r0 legitimacy '' at: legitimacy 0.6 -> 0.35");
}

TEST(TimelineEvents, RampRecordsStartStepsAndEnd) {
    const Blocks b =
        read_blocks("timeline:\n"
                    "  - {type: legitimacy, id: fall, from: 2, to: 4, ramp_to: 0.7}\n");
    std::vector<EventRecord> records;
    (void)run_timeline(b.timeline, 6, one_region, with_legitimacy(0.9), &records);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(record_text(records[0]),
              "2 r0 legitimacy 'fall' start: legitimacy 0.9 -> 0.9 (ramp to 0.7 at tick 4)");
    EXPECT_EQ(record_text(records[1]), "3 r0 legitimacy 'fall' step: legitimacy 0.9 -> 0.8");
    EXPECT_EQ(record_text(records[2]), "4 r0 legitimacy 'fall' end: legitimacy 0.8 -> 0.7");
}

TEST(TimelineEvents, PriceAndForceLevel) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: price, id: lpg, at: 2, set: 120}\n"
                                 "  - {type: force_level, at: 4, level: less_lethal}\n"
                                 "  - {type: force_level, at: 6, level: lethal}\n"
                                 "  - {type: price, at: 7, set: 85.5}\n");
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 8, one_region, RegionControls{}, &records);
    EXPECT_FALSE(h[1][0].fuel_price.has_value());
    EXPECT_EQ(h[2][0].fuel_price, 120.0);
    EXPECT_EQ(h[7][0].fuel_price, 85.5);
    EXPECT_EQ(h[3][0].force_level, ForceLevel::arrests_only);
    EXPECT_EQ(h[4][0].force_level, ForceLevel::less_lethal);
    EXPECT_EQ(h[6][0].force_level, ForceLevel::lethal);
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[0].details, "fuel_price unset -> 120");
    EXPECT_EQ(records[1].details, "force_level arrests_only -> less_lethal");
    EXPECT_EQ(records[2].details, "force_level less_lethal -> lethal");
    EXPECT_EQ(records[3].details, "fuel_price 120 -> 85.5");
}

TEST(TimelineEvents, CurfewOnFromUntilTo) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: curfew, from: 3, to: 6}\n"
                                 "  - {type: curfew, from: 5, to: 9}\n");
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 10, one_region, RegionControls{}, &records);
    std::string on;
    for (Tick t = 1; t <= 10; ++t) {
        on += h[t][0].curfew ? '1' : '0';
    }
    // The second keeps it on after the first ends at 6.
    EXPECT_EQ(on, "0011111100");
    std::vector<std::string> texts;
    for (const EventRecord& e : records) {
        texts.push_back(record_text(e));
    }
    EXPECT_EQ(texts, (std::vector<std::string>{
                         "3 r0 curfew '' start: curfew off -> on",
                         "5 r0 curfew '' start: curfew on -> on",
                         "6 r0 curfew '' end: curfew on -> off",
                         "6 r0 curfew '' step: curfew off -> on",
                         "9 r0 curfew '' end: curfew on -> off",
                     }));
}

TEST(TimelineEvents, CommsCutAndRestore) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: comms, id: cut, from: 3, to: 6, severity: 0.8}\n");
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 7, one_region, RegionControls{}, &records);
    EXPECT_EQ(h[2][0].comms, 1.0);
    EXPECT_EQ(h[3][0].comms, 1.0 - 0.8);
    EXPECT_EQ(h[5][0].comms, 1.0 - 0.8);
    EXPECT_EQ(h[6][0].comms, 1.0);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(record_text(records[0]), "3 r0 comms 'cut' start: comms 1 -> 0.2");
    EXPECT_EQ(record_text(records[1]), "6 r0 comms 'cut' end: comms 0.2 -> 1");
}

// Overlapping cuts: comms is 1 - the largest severity in force, whatever the order they end in.
TEST(TimelineEvents, OverlappingCommsCutsTakeTheDeepest) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: comms, from: 2, to: 10, severity: 0.5}\n"
                                 "  - {type: comms, from: 5, to: 15, severity: 0.8}\n"
                                 "  - {type: comms, from: 20, to: 30, severity: 0.9}\n"
                                 "  - {type: comms, from: 22, to: 25, severity: 0.4}\n");
    const auto h = run_timeline(b.timeline, 32, one_region, RegionControls{});
    const auto comms = [&h](Tick t) { return h[t][0].comms; };
    EXPECT_EQ(comms(1), 1.0);
    EXPECT_EQ(comms(2), 0.5);
    EXPECT_EQ(comms(4), 0.5);
    EXPECT_EQ(comms(5), 1.0 - 0.8);
    EXPECT_EQ(comms(10), 1.0 - 0.8); // the shallower ended, the deeper remains
    EXPECT_EQ(comms(14), 1.0 - 0.8);
    EXPECT_EQ(comms(15), 1.0);
    EXPECT_EQ(comms(22), 1.0 - 0.9); // a shallower cut inside a deeper one changes nothing
    EXPECT_EQ(comms(25), 1.0 - 0.9); // nor does its end
    EXPECT_EQ(comms(29), 1.0 - 0.9);
    EXPECT_EQ(comms(30), 1.0);
}

TEST(TimelineEvents, ContingentArrivesAndWithdraws) {
    const Blocks b = read_blocks(
        "timeline:\n"
        "  - {type: contingent, id: csto, from: 4, to: 9, size: 2030, sites: [airport, akimat],"
        " engage: false}\n"
        "  - {type: contingent, at: 6, size: 300, sites: tv_tower, engage: true}\n");
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 10, one_region, RegionControls{}, &records);
    EXPECT_TRUE(h[3][0].contingents.empty());
    ASSERT_EQ(h[4][0].contingents.size(), 1u);
    const ContingentPresence& p = h[4][0].contingents[0];
    EXPECT_EQ(p.id, "csto");
    EXPECT_EQ(p.size, 2030);
    EXPECT_EQ(p.sites, (std::vector<std::string>{"airport", "akimat"}));
    EXPECT_FALSE(p.engage);
    ASSERT_EQ(h[8][0].contingents.size(), 2u);
    EXPECT_EQ(h[8][0].contingents[1].id, "timeline[1]");
    EXPECT_TRUE(h[8][0].contingents[1].engage);
    ASSERT_EQ(h[9][0].contingents.size(), 1u);
    EXPECT_EQ(h[9][0].contingents[0].id, "timeline[1]");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].details,
              "contingent csto arrives: 2030 persons, sites [airport, akimat], deters only");
    EXPECT_EQ(records[2].details, "contingent csto withdraws");
}

TEST(TimelineEvents, CopDensitySetAndRamp) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: cop_density, at: 2, set: 0.05}\n"
                                 "  - {type: cop_density, from: 4, to: 8, ramp_to: 0.01}\n");
    RegionControls c;
    c.cop_density = 0.074;
    const auto h = run_timeline(b.timeline, 9, one_region, c);
    const Schedule s(0.074, {{K::set, 2, forever, 0.05}, {K::ramp, 4, 8, 0.01}});
    for (Tick t = 0; t <= 9; ++t) {
        EXPECT_EQ(*h[t][0].cop_density, s.at(t)) << t;
    }
}

// A cop_density change that begins before anything set the density starts from the density laid
// out at tick 0 (not from 0): a ramp from 0.04 down to 0.02 over ticks 3..7.
TEST(TimelineEvents, CopDensityStartsFromTheInitialDensity) {
    const Blocks b =
        read_blocks("timeline:\n  - {type: cop_density, from: 3, to: 7, ramp_to: 0.02}\n");
    RegionControls c;
    c.initial_cop_density = 0.04;
    const auto h = run_timeline(b.timeline, 8, one_region, c);
    EXPECT_FALSE(h[2][0].cop_density.has_value());
    const Schedule s(0.04, {{K::ramp, 3, 7, 0.02}});
    for (Tick t = 3; t <= 8; ++t) {
        ASSERT_TRUE(h[t][0].cop_density.has_value()) << t;
        EXPECT_EQ(*h[t][0].cop_density, s.at(t)) << t;
    }
    EXPECT_EQ(*h[3][0].cop_density, 0.04);
}

TEST(TimelineEvents, RegionTargeting) {
    const std::vector<std::string> regions{"almaty", "astana", "zhanaozen"};
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: legitimacy, region: zhanaozen, at: 2, set: 0.5}\n"
                                 "  - {type: comms, id: national, from: 3, severity: 1}\n",
                                 regions);
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 4, regions, with_legitimacy(0.8), &records);
    EXPECT_EQ(h[2][0].legitimacy, 0.8);
    EXPECT_EQ(h[2][1].legitimacy, 0.8);
    EXPECT_EQ(h[2][2].legitimacy, 0.5);
    for (int r = 0; r < 3; ++r) {
        EXPECT_EQ(h[2][r].comms, 1.0);
        EXPECT_EQ(h[3][r].comms, 0.0);
        EXPECT_EQ(h[4][r].comms, 0.0); // open-ended
    }
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(record_text(records[0]), "2 r2 legitimacy '' at: legitimacy 0.8 -> 0.5");
    EXPECT_EQ(record_text(records[1]), "3 r0 comms 'national' start: comms 1 -> 0");
    EXPECT_EQ(record_text(records[3]), "3 r2 comms 'national' start: comms 1 -> 0");
    EXPECT_THROW((void)b.timeline.start(std::vector<std::string>{"almaty"}), std::invalid_argument);
}

TEST(TimelineEvents, DisabledEventsAreKeptButNotApplied) {
    const Blocks b =
        read_blocks("timeline:\n"
                    "  - {type: legitimacy, id: off, enabled: false, at: 2, set: 0.1}\n");
    ASSERT_EQ(b.timeline.events().size(), 1u);
    EXPECT_FALSE(b.timeline.events()[0].enabled);
    EXPECT_EQ(b.timeline.find("off"), &b.timeline.events()[0]);
    EXPECT_EQ(b.timeline.find("on"), nullptr);
    std::vector<EventRecord> records;
    const auto h = run_timeline(b.timeline, 3, one_region, with_legitimacy(0.8), &records);
    EXPECT_EQ(h[3][0].legitimacy, 0.8);
    EXPECT_TRUE(records.empty());
}

// Within a tick the ends come first, then the rest in file order.
TEST(TimelineEvents, EndsActBeforeOtherEventsOfTheirTick) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: legitimacy, at: 10, set: 0.9}\n"
                                 "  - {type: legitimacy, from: 5, to: 10, ramp_to: 0.5}\n"
                                 "  - {type: legitimacy, at: 12, set: 0.3}\n"
                                 "  - {type: legitimacy, at: 12, set: 0.4}\n");
    const auto h = run_timeline(b.timeline, 12, one_region, with_legitimacy(0.8));
    EXPECT_EQ(h[9][0].legitimacy, 0.8 + (0.5 - 0.8) * (4.0 / 5.0));
    EXPECT_EQ(h[10][0].legitimacy, 0.9);
    EXPECT_EQ(h[12][0].legitimacy, 0.4);
}

TEST(TimelineEvents, DeterministicAcrossRuns) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: legitimacy, from: 1, add_per_tick: -0.001}\n"
                                 "  - {type: comms, from: 3, to: 9, severity: 0.3}\n");
    std::vector<EventRecord> first;
    std::vector<EventRecord> second;
    const auto a = run_timeline(b.timeline, 50, one_region, with_legitimacy(0.8), &first);
    const auto c = run_timeline(b.timeline, 50, one_region, with_legitimacy(0.8), &second);
    EXPECT_EQ(a.back()[0].legitimacy, c.back()[0].legitimacy);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(record_text(first[i]), record_text(second[i]));
    }
}

TEST(TimelineEvents, ScenarioTimelinePutsTheClassicSchedulesFirst) {
    const Blocks b = read_blocks("timeline:\n"
                                 "  - {type: legitimacy, at: 3, set: 0.6}\n");
    const Timeline t = scenario_timeline({{K::set, 3, forever, 0.9}}, {{K::set, 2, forever, 0.05}},
                                         b.timeline.events());
    ASSERT_EQ(t.events().size(), 3u);
    EXPECT_EQ(t.events()[0].origin, "legitimacy.changes[0]");
    EXPECT_EQ(t.events()[1].origin, "cops.density_changes[0]");
    EXPECT_EQ(t.events()[2].origin, "");
    const auto h = run_timeline(t, 3, one_region, with_legitimacy(0.8));
    EXPECT_EQ(h[3][0].legitimacy, 0.6); // the timeline's, after the schedule's, in the same tick
    EXPECT_EQ(h[2][0].cop_density, 0.05);
}

TEST(TimelineEvents, ARunOutlivesItsTimeline) {
    std::unique_ptr<TimelineSource> run;
    {
        const Blocks b =
            read_blocks("timeline:\n"
                        "  - {type: legitimacy, id: x, from: 1, to: 3, ramp_to: 0.5}\n");
        run = b.timeline.start(one_region);
    }
    std::vector<RegionControls> c(1, with_legitimacy(0.7));
    std::vector<EventRecord> records;
    for (Tick t = 1; t <= 3; ++t) {
        run->apply(t, c, records);
    }
    EXPECT_EQ(c[0].legitimacy, 0.5);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[2].id, "x");
    std::vector<RegionControls> two(2);
    EXPECT_THROW(run->apply(4, two, records), std::invalid_argument);
}
