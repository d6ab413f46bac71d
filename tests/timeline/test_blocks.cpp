#include "sim/timeline/registry.hpp"
#include "timeline_test_util.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace unrest;
using namespace unrest::test;

namespace {

const std::string calendar_10min = "calendar: {start: 2022-01-02T00:00, time_zone: +06:00, "
                                   "tick: 10min}\n";

} // namespace

TEST(CalendarBlock, ReadsStartZoneAndTick) {
    const Blocks b = read_blocks(calendar_10min);
    const Calendar& c = b.calendar.calendar;
    EXPECT_TRUE(c.enabled);
    EXPECT_EQ(c.start, 1641060000);
    EXPECT_EQ(c.utc_offset_minutes, 360);
    EXPECT_EQ(c.tick_seconds, 600);
    EXPECT_FALSE(b.calendar.ticks.has_value());
}

TEST(CalendarBlock, AbsentIsDisabled) {
    EXPECT_FALSE(read_blocks("ticks: 5\n").calendar.calendar.enabled);
}

TEST(CalendarBlock, EndGivesTheTicks) {
    // 10 days of 144 ticks; a partial last tick counts.
    EXPECT_EQ(read_blocks("calendar: {start: 2022-01-02T00:00, time_zone: +06:00, tick: 10min, "
                          "end: 2022-01-12T00:00}\n")
                  .calendar.ticks,
              1440);
    EXPECT_EQ(read_blocks("calendar: {start: 2022-01-02T00:00, time_zone: +06:00, tick: 10min, "
                          "end: 2022-01-02T00:25}\n")
                  .calendar.ticks,
              3);
    // An end with its own offset: 00:25 at +06:00 is 23:25 the day before at +05:00.
    EXPECT_EQ(read_blocks("calendar: {start: 2022-01-02T00:00, time_zone: +06:00, tick: 10min, "
                          "end: 2022-01-01T23:25+05:00}\n")
                  .calendar.ticks,
              3);
}

TEST(CalendarBlock, RunTicksFromTicksOrEnd) {
    const auto ticks_of = [](const std::string& text) {
        const YAML::Node tree = YAML::Load(text);
        const detail::YamlReader r("t.yaml", {});
        const detail::Field root{tree, YAML::Mark::null_mark(), ""};
        const detail::Mapping m(r, root, {"calendar", "ticks"});
        const detail::CalendarBlock c = detail::read_calendar_block(r, m.get("calendar"));
        try {
            return fmt::format("{}", detail::read_run_ticks(r, m.get("ticks"), c, root));
        } catch (const ScenarioError& e) {
            return std::string(e.what());
        }
    };
    EXPECT_EQ(ticks_of("ticks: 12\n"), "12");
    EXPECT_EQ(ticks_of("calendar: {start: 2022-01-02, tick: 1h, end: 2022-01-03}\n"), "24");
    EXPECT_EQ(ticks_of("ticks: 12\ncalendar: {start: 2022-01-02, tick: 1h, end: 2022-01-03}\n"),
              "t.yaml:1:8: ticks: expected either ticks or calendar.end, found both");
    EXPECT_EQ(ticks_of("calendar: {start: 2022-01-02, tick: 1h}\n"),
              "t.yaml:1:1: ticks: expected a value for required key 'ticks' (or calendar.end), "
              "found none");
    EXPECT_EQ(ticks_of("ticks: 4294967296\n"),
              "t.yaml:1:8: ticks: expected an integer in [0, 4294967295], found 4294967296");
}

TEST(CalendarBlock, MalformedValuesAreRefusedWhereTheyAre) {
    EXPECT_EQ(read_error("calendar: {start: 2022-13-01, tick: 10min}\n"),
              "t.yaml:1:19: calendar.start: expected a date-time like 2022-01-02T00:00 (the wall "
              "clock in time_zone), found '2022-13-01'");
    EXPECT_EQ(read_error("calendar: {start: 2022-02-30T00:00, tick: 10min}\n"),
              "t.yaml:1:19: calendar.start: expected a date-time like 2022-01-02T00:00 (the wall "
              "clock in time_zone), found '2022-02-30T00:00'");
    EXPECT_EQ(read_error("calendar: {start: 2022-01-02, tick: 10 parsecs}\n"),
              "t.yaml:1:37: calendar.tick: expected a duration like 10min, 30s, 1h or 1d (at most "
              "366d), found '10 parsecs'");
    EXPECT_EQ(read_error("calendar: {start: 2022-01-02, tick: 367d}\n"),
              "t.yaml:1:37: calendar.tick: expected a duration like 10min, 30s, 1h or 1d (at most "
              "366d), found '367d'");
    EXPECT_EQ(read_error("calendar: {start: 2022-01-02, time_zone: +25:00, tick: 1h}\n"),
              "t.yaml:1:42: calendar.time_zone: expected a UTC offset like +06:00, -03:30, +05, "
              "UTC or Z (at most 14 hours), found '+25:00'");
    EXPECT_EQ(read_error("calendar: {start: 2022-01-02, tick: 1h, timezone: +06:00}\n"),
              "t.yaml:1:41: calendar.timezone: unknown key 'timezone', did you mean "
              "'time_zone'?");
    EXPECT_EQ(read_error("calendar: {tick: 1h}\n"),
              "t.yaml:1:11: calendar.start: expected a value for required key 'start', found "
              "none");
    EXPECT_EQ(read_error("calendar:\n"),
              "t.yaml:1:1: calendar: expected a mapping {start, time_zone, tick}, found nothing "
              "(leave the key out to use the defaults)");
    EXPECT_EQ(read_error("calendar: {start: 2022-01-02, tick: 1h, end: 2022-01-01T12:00}\n"),
              "t.yaml:1:46: calendar.end: expected a time after start (2022-01-02), found "
              "'2022-01-01T12:00'");
}

TEST(CalendarBlock, PrintsWhatReadsBackTheSame) {
    for (const std::string& text :
         {calendar_10min,
          std::string("calendar: {start: 1999-12-31T23:59:30, time_zone: -03:30, "
                      "tick: 90s}\n"),
          std::string("calendar: {start: 2024-02-29, tick: 1d}\n")}) {
        const Calendar c = read_blocks(text).calendar.calendar;
        YAML::Node root;
        root["calendar"] = detail::calendar_yaml(c);
        YAML::Emitter out;
        out << root;
        const Calendar back = read_blocks(out.c_str()).calendar.calendar;
        EXPECT_EQ(back.start, c.start) << out.c_str();
        EXPECT_EQ(back.utc_offset_minutes, c.utc_offset_minutes);
        EXPECT_EQ(back.tick_seconds, c.tick_seconds);
    }
    EXPECT_TRUE(detail::calendar_yaml(Calendar{}).IsNull());
    EXPECT_EQ(detail::format_duration(600), "10min");
    EXPECT_EQ(detail::format_duration(5400), "90min");
    EXPECT_EQ(detail::format_duration(7200), "2h");
    EXPECT_EQ(detail::format_duration(90), "90s");
}

// Date-times resolve to the tick during which they fall, in a 10-minute calendar from
// 2022-01-02T00:00 at +06:00.
TEST(TimelineBlock, DateTimesResolveToTheirTicks) {
    const Blocks b = read_blocks(calendar_10min + "timeline:\n"
                                                  "  - {type: curfew, from: 2022-01-02T00:00, to: "
                                                  "2022-01-02T00:10}\n"
                                                  "  - {type: curfew, from: 2022-01-02T00:09:59, "
                                                  "to: 2022-01-02T23:55}\n"
                                                  "  - {type: curfew, from: 2022-01-03, to: 200}\n"
                                                  "  - {type: curfew, from: 2022-01-02T00:05+05:00,"
                                                  " to: 2022-01-01T19:30Z}\n"
                                                  "  - {type: curfew, from: 2022-01-05T17:00}\n");
    const auto& e = b.timeline.events();
    ASSERT_EQ(e.size(), 5u);
    EXPECT_EQ(*e[0].from, 1);
    EXPECT_EQ(*e[0].to, 2);
    EXPECT_EQ(*e[1].from, 1);
    EXPECT_EQ(*e[1].to, 144); // 23:50 - 24:00
    EXPECT_EQ(*e[2].from, 145);
    EXPECT_EQ(*e[2].to, 200);
    EXPECT_EQ(*e[3].from, 7); // 01:05 at +06:00
    EXPECT_EQ(*e[3].to, 10);  // 01:30 at +06:00
    // 3 days 17 hours after the start: 3 x 144 + 17 x 6 ticks, then this one.
    EXPECT_EQ(*e[4].from, 3 * 144 + 17 * 6 + 1);
}

TEST(TimelineBlock, DateTimesNeedACalendar) {
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew, from: 2022-01-02T00:00}\n"),
              "t.yaml:2:26: timeline[0].from: expected a tick (an integer >= 1) (date-times and "
              "durations need a `calendar:` block), found '2022-01-02T00:00'");
    EXPECT_EQ(
        read_error(calendar_10min + "timeline:\n  - {type: curfew, from: 2022-01-01T23:00}\n"),
        "t.yaml:3:26: timeline[0].from: expected a time at or after 2022-01-02T00:00 (tick "
        "1; the calendar starts at 2022-01-02T00:00), found '2022-01-01T23:00' (tick 0)");
    EXPECT_EQ(read_error(calendar_10min + "timeline:\n  - {type: curfew, from: 2022-01-32}\n"),
              "t.yaml:3:26: timeline[0].from: expected a tick (an integer >= 1) or a date-time "
              "like 2022-01-05T17:00 (optionally :SS, and an offset like +06:00 or Z), found "
              "'2022-01-32'");
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew, from: 0}\n"),
              "t.yaml:2:26: timeline[0].from: expected a tick (an integer >= 1) (date-times and "
              "durations need a `calendar:` block), found '0'");
}

TEST(TimelineBlock, RatesAreConvertedToPerTick) {
    const auto rate = [](const std::string& value) {
        const Blocks b = read_blocks(calendar_10min +
                                     "timeline:\n  - {type: legitimacy, from: 1, "
                                     "add_per_tick: " +
                                     value + "}\n");
        return b.timeline.events()[0].params.number("add_per_tick");
    };
    EXPECT_EQ(rate("-0.01"), -0.01);
    EXPECT_EQ(rate("-0.3/day"), -0.3 * 600.0 / 86400.0);
    EXPECT_EQ(rate("0.06/hour"), 0.06 * 600.0 / 3600.0);
    EXPECT_EQ(rate("0.06/h"), 0.06 * 600.0 / 3600.0);
    EXPECT_EQ(rate("0.02/tick"), 0.02);
    EXPECT_EQ(rate("0.02/20min"), 0.02 * 600.0 / 1200.0);
    EXPECT_EQ(rate("{per_day: 0.3}"), 0.3 * 600.0 / 86400.0);
    EXPECT_EQ(rate("{per_hour: -0.6}"), -0.6 * 600.0 / 3600.0);
    EXPECT_EQ(rate("{per_tick: 0.5}"), 0.5);
    EXPECT_EQ(read_error("timeline:\n  - {type: legitimacy, from: 1, add_per_tick: 0.3/day}\n"),
              "t.yaml:2:47: timeline[0].add_per_tick: expected a rate per tick (date-times and "
              "durations need a `calendar:` block), found '0.3/day'");
    EXPECT_EQ(read_error(calendar_10min +
                         "timeline:\n  - {type: legitimacy, from: 1, add_per_tick: 0.3/parsec}\n"),
              "t.yaml:3:47: timeline[0].add_per_tick: expected a rate: a number (per tick), "
              "'X/hour', 'X/day', 'X/tick', or {per_hour: X}, found '0.3/parsec'");
    EXPECT_EQ(read_error(calendar_10min + "timeline:\n  - {type: legitimacy, from: 1, "
                                          "add_per_tick: {per_day: 1, per_hour: 1}}\n"),
              "t.yaml:3:57: timeline[0].add_per_tick.per_day: expected one of per_tick, "
              "per_hour, per_day, found 'per_day' as well");
}

TEST(TimelineBlock, Durations) {
    const YAML::Node tree = YAML::Load("a: 3\nb: 2h\nc: 15min\nd: 2h\n");
    const detail::YamlReader r("t.yaml", {});
    const detail::Field root{tree, YAML::Mark::null_mark(), ""};
    const detail::Mapping m(r, root, {"a", "b", "c", "d"});
    const Calendar c = read_blocks(calendar_10min).calendar.calendar;
    EXPECT_EQ(detail::read_duration(r, *m.get("a"), c), 3);
    EXPECT_EQ(detail::read_duration(r, *m.get("b"), c), 12);
    EXPECT_THROW(
        {
            try {
                (void)detail::read_duration(r, *m.get("c"), c);
            } catch (const ScenarioError& e) {
                EXPECT_STREQ(e.what(),
                             "t.yaml:3:4: c: expected a whole number of ticks of 10min, found "
                             "'15min'");
                throw;
            }
        },
        ScenarioError);
    EXPECT_THROW((void)detail::read_duration(r, *m.get("d"), Calendar{}), ScenarioError);
}

TEST(TimelineBlock, EventErrorsAtTheirKeys) {
    EXPECT_EQ(read_error("timeline:\n  - {type: legitimcy, at: 3, set: 0.5}\n"),
              "t.yaml:2:12: timeline[0].type: expected one of legitimacy, price, force_level, "
              "curfew, comms, contingent, cop_density, police_withdrawal, found 'legitimcy' (did "
              "you mean "
              "'legitimacy'?)");
    EXPECT_EQ(read_error("timeline:\n  - {at: 3, set: 0.5}\n"),
              "t.yaml:2:5: timeline[0].type: expected a value for required key 'type' (one of "
              "legitimacy, price, force_level, curfew, comms, contingent, cop_density, "
              "police_withdrawal), found "
              "none");
    EXPECT_EQ(read_error("timeline:\n  - {type: comms, from: 3, to: 6, severty: 0.5}\n"),
              "t.yaml:2:35: timeline[0].severty: unknown key 'severty', did you mean "
              "'severity'?");
    EXPECT_EQ(read_error("timeline:\n  - {type: comms, from: 3, to: 6, severity: 1.2}\n"),
              "t.yaml:2:45: timeline[0].severity: expected a probability in [0, 1], found 1.2");
    EXPECT_EQ(read_error("timeline:\n  - {type: comms, from: 6, to: 6, severity: 0.5}\n"),
              "t.yaml:2:32: timeline[0].to: expected a time after from (tick 6), found '6' "
              "(tick 6)");
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew, at: 3, from: 4}\n"),
              "t.yaml:2:27: timeline[0].from: expected either 'at' or 'from', found both");
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew}\n"),
              "t.yaml:2:5: timeline[0]: expected a time: 'at', or 'from' (and 'to'), found none");
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew, at: 3}\n"),
              "t.yaml:2:24: timeline[0].at: expected 'from' (and 'to' when it is lifted), found "
              "'at'");
    EXPECT_EQ(read_error("timeline:\n  - {type: legitimacy, at: 3, to: 5, set: 0.5}\n"),
              "t.yaml:2:31: timeline[0].to: expected 'to' with 'from', found it with 'at'");
    EXPECT_EQ(read_error("timeline:\n  - {type: legitimacy, at: 3, set: 0.5, shift: 0.1}\n"),
              "t.yaml:2:48: timeline[0].shift: expected one of set, shift (with at), ramp_to, "
              "add_per_tick, multiply_per_tick (with from), found both 'set' and 'shift'");
    EXPECT_EQ(read_error("timeline:\n  - {type: legitimacy, from: 3, ramp_to: 0.5}\n"),
              "t.yaml:2:42: timeline[0].ramp_to: expected a 'to' with 'ramp_to', found none");
    EXPECT_EQ(read_error("timeline:\n  - {type: legitimacy, at: 3}\n"),
              "t.yaml:2:5: timeline[0]: expected one of set, shift (with at), ramp_to, "
              "add_per_tick, multiply_per_tick (with from), found none of them");
    EXPECT_EQ(read_error("timeline:\n  - {type: force_level, at: 3, level: shoot}\n"),
              "t.yaml:2:39: timeline[0].level: expected one of arrests_only, less_lethal, lethal, "
              "without_warning, "
              "found 'shoot'");
    EXPECT_EQ(read_error("timeline:\n  - {type: contingent, at: 3, size: 0}\n"),
              "t.yaml:2:37: timeline[0].size: expected an integer >= 1, found 0");
    EXPECT_EQ(read_error("timeline: {type: curfew}\n"),
              "t.yaml:1:11: timeline: expected a list of events, found a mapping");
    EXPECT_EQ(read_error("timeline:\n  - curfew\n"),
              "t.yaml:2:5: timeline[0]: expected an event (a mapping with a type), found "
              "'curfew'");
}

TEST(TimelineBlock, RegionsAndIds) {
    const std::vector<std::string> regions{"almaty", "astana"};
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew, region: almty, from: 3}\n", regions),
              "t.yaml:2:28: timeline[0].region: expected one of almaty, astana, found 'almty' "
              "(did you mean 'almaty'?)");
    EXPECT_EQ(read_error("timeline:\n"
                         "  - {type: curfew, id: night, from: 3}\n"
                         "  - {type: curfew, id: night, from: 5}\n"),
              "t.yaml:3:24: timeline[1].id: expected an id not used before (timeline[0] has it), "
              "found 'night'");
    EXPECT_EQ(read_error("timeline:\n  - {type: curfew, id: 2night, from: 3}\n"),
              "t.yaml:2:24: timeline[0].id: expected an id of letters, digits, '_' and '-', "
              "starting with a letter or '_', found '2night'");
}

TEST(TimelineBlock, PrintsWhatReadsBackTheSame) {
    const std::vector<std::string> regions{"almaty", "astana"};
    for (const std::string& cal : {std::string(), calendar_10min}) {
        const std::string text =
            cal + "timeline:\n"
                  "  - {type: price, id: lpg, region: almaty, at: 2, set: 120}\n"
                  "  - {type: legitimacy, id: fall, from: 3, to: 20, ramp_to: 0.7}\n"
                  "  - {type: legitimacy, from: 30, add_per_tick: -0.0013}\n"
                  "  - {type: comms, enabled: false, from: 4, to: 9, severity: 0.8}\n"
                  "  - {type: contingent, id: csto, from: 7, size: 2030, sites: [airport],"
                  " engage: true}\n"
                  "  - {type: force_level, region: astana, at: 145, level: lethal}\n"
                  "  - {type: cop_density, at: 5, shift: 0.01}\n"
                  "  - {type: curfew, from: 6}\n"
                  "  - {type: curfew, from: 4000000000}\n";
        const Blocks b = read_blocks(text, regions);
        YAML::Node root;
        if (b.calendar.calendar.enabled) {
            root["calendar"] = detail::calendar_yaml(b.calendar.calendar);
        }
        root["timeline"] = detail::timeline_yaml(b.timeline, b.calendar.calendar);
        YAML::Emitter out;
        out << root;
        const Blocks back = read_blocks(out.c_str(), regions);
        EXPECT_EQ(back.timeline.events(), b.timeline.events()) << out.c_str();
        if (b.calendar.calendar.enabled) {
            EXPECT_NE(std::string(out.c_str()).find("at: 2022-01-03T00:00"), std::string::npos)
                << out.c_str();
        }
    }
}

TEST(TimelineBlock, ClassicScheduleEventsAreNotPrinted) {
    EventSpec s;
    s.type = find_event_type("legitimacy");
    s.at = 5;
    s.params.set("set", 0.5);
    s.origin = "legitimacy.changes[0]";
    const Timeline t({s});
    EXPECT_EQ(detail::timeline_yaml(t, Calendar{}).size(), 0u);
}

TEST(TimelineBlock, ParameterRowsCoverEveryKey) {
    const std::vector<ParameterDoc> rows = detail::timeline_parameter_rows();
    const auto has = [&rows](const std::string& key) {
        return std::any_of(rows.begin(), rows.end(),
                           [&key](const ParameterDoc& d) { return d.key == key; });
    };
    for (const EventType* t : event_types()) {
        for (const ParamSpec& p : t->params) {
            EXPECT_TRUE(has(fmt::format("timeline.{}.{}", t->name, p.key))) << p.key;
        }
    }
    for (const char* key : {"timeline.type", "timeline.id", "timeline.enabled", "timeline.region",
                            "timeline.at", "timeline.from", "timeline.to"}) {
        EXPECT_TRUE(has(key)) << key;
    }
    EXPECT_TRUE(has("timeline.comms.severity"));
    EXPECT_TRUE(has("timeline.legitimacy.ramp_to"));
    const std::vector<ParameterDoc> calendar = detail::calendar_parameter_rows();
    ASSERT_EQ(calendar.size(), 4u);
    EXPECT_EQ(calendar[0].key, "calendar.start");
    EXPECT_EQ(calendar[3].key, "calendar.end");
}
