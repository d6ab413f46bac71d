#include "sim/core/calendar.hpp"

#include <gtest/gtest.h>

using namespace unrest;

namespace {

// The January 2022 calendar: ticks of 10 minutes from 2022-01-02T00:00 at +06:00.
Calendar almaty_10min() {
    Calendar c;
    c.enabled = true;
    c.utc_offset_minutes = 360;
    c.start = *parse_wall_clock("2022-01-02T00:00") - 360 * 60;
    c.tick_seconds = 600;
    return c;
}

} // namespace

TEST(Calendar, WallClockIsExactSecondsSinceTheEpoch) {
    EXPECT_EQ(parse_wall_clock("1970-01-01T00:00"), 0);
    EXPECT_EQ(parse_wall_clock("1970-01-01"), 0);
    EXPECT_EQ(parse_wall_clock("1970-01-02T00:00:01"), 86401);
    EXPECT_EQ(parse_wall_clock("1969-12-31T23:59:59"), -1);
    // 2022-01-02T00:00 UTC: 18994 days after 1970-01-01.
    EXPECT_EQ(parse_wall_clock("2022-01-02T00:00"), 18994 * 86400);
    EXPECT_EQ(parse_wall_clock("2022-01-02"), 1641081600);
}

TEST(Calendar, StartAtPlusSixIsExactUtc) {
    // 2022-01-02T00:00 at +06:00 is 2022-01-01T18:00 UTC.
    EXPECT_EQ(almaty_10min().start, 1641060000);
}

TEST(Calendar, LeapYears) {
    EXPECT_TRUE(parse_wall_clock("2024-02-29").has_value());
    EXPECT_TRUE(parse_wall_clock("2000-02-29").has_value());  // divisible by 400
    EXPECT_FALSE(parse_wall_clock("1900-02-29").has_value()); // divisible by 100 only
    EXPECT_FALSE(parse_wall_clock("2022-02-29").has_value());
    EXPECT_EQ(*parse_wall_clock("2024-03-01") - *parse_wall_clock("2024-02-28"), 2 * 86400);
    EXPECT_EQ(*parse_wall_clock("2023-03-01") - *parse_wall_clock("2023-02-28"), 86400);
    EXPECT_EQ(format_date(*parse_wall_clock("2024-02-29") / 86400), "2024-02-29");
    EXPECT_EQ(format_date(*parse_wall_clock("2000-12-31") / 86400), "2000-12-31");
}

TEST(Calendar, MalformedDatesAreRefused) {
    for (const char* bad :
         {"2022-13-01", "2022-02-30", "2022-00-10", "2022-01-00", "2022-04-31", "10 parsecs", "",
          "2022-1-2", "2022-01-02T24:00", "2022-01-02T10:60", "2022-01-02T10:00:60",
          "2022-01-02 10:00", "2022-01-02T10", "2022-01-02T10:00Z", "22-01-02"}) {
        EXPECT_FALSE(parse_wall_clock(bad).has_value()) << bad;
    }
}

TEST(Calendar, UtcOffsets) {
    EXPECT_EQ(parse_utc_offset("+06:00"), 360);
    EXPECT_EQ(parse_utc_offset("+0600"), 360);
    EXPECT_EQ(parse_utc_offset("+05"), 300);
    EXPECT_EQ(parse_utc_offset("-03:30"), -210);
    EXPECT_EQ(parse_utc_offset("UTC"), 0);
    EXPECT_EQ(parse_utc_offset("Z"), 0);
    EXPECT_EQ(parse_utc_offset("+14:00"), 840);
    for (const char* bad : {"+25:00", "+14:01", "+06:60", "06:00", "+6", "+06:0", "10 parsecs", "",
                            "utc", "+06:00:00"}) {
        EXPECT_FALSE(parse_utc_offset(bad).has_value()) << bad;
    }
    EXPECT_EQ(format_utc_offset(360), "+06:00");
    EXPECT_EQ(format_utc_offset(-210), "-03:30");
    EXPECT_EQ(format_utc_offset(0), "+00:00");
}

TEST(Calendar, Durations) {
    EXPECT_EQ(parse_duration("10min"), 600);
    EXPECT_EQ(parse_duration("90 min"), 5400);
    EXPECT_EQ(parse_duration("30s"), 30);
    EXPECT_EQ(parse_duration("1h"), 3600);
    EXPECT_EQ(parse_duration("2d"), 172800);
    EXPECT_EQ(parse_duration("1 week"), 604800);
    for (const char* bad : {"10 parsecs", "0min", "-5min", "min", "10", "1.5h", "", "10 min s",
                            "99999999999999999999s", "9223372036854775807d"}) {
        EXPECT_FALSE(parse_duration(bad).has_value()) << bad;
    }
}

TEST(Calendar, TickBoundariesOfATenMinuteCalendar) {
    const Calendar c = almaty_10min();
    EXPECT_EQ(c.tick_start(0), c.start);
    EXPECT_EQ(c.tick_start(1), c.start);
    EXPECT_EQ(c.tick_start(2), c.start + 600);
    EXPECT_EQ(c.tick_start(144), c.start + 143 * 600); // 23:50 local on the first day
    EXPECT_EQ(c.tick_start(145), c.start + 86400);     // 00:00 of the second day

    EXPECT_EQ(c.tick_at(c.start - 1), 0);
    EXPECT_EQ(c.tick_at(c.start), 1);
    EXPECT_EQ(c.tick_at(c.start + 599), 1);
    EXPECT_EQ(c.tick_at(c.start + 600), 2);
    EXPECT_EQ(c.tick_at(c.start + 86399), 144);
    EXPECT_EQ(c.tick_at(c.start + 86400), 145);

    EXPECT_EQ(format_wall_clock(c.tick_start(144), 360), "2022-01-02T23:50");
    EXPECT_EQ(format_wall_clock(c.tick_start(144), 0), "2022-01-02T17:50");
    EXPECT_EQ(format_wall_clock(c.start + 30, 360), "2022-01-02T00:00:30");
}

TEST(Calendar, LocalDayIsTheDayATickStartsIn) {
    const std::int64_t jan2 = *parse_wall_clock("2022-01-02") / 86400;
    const Calendar c = almaty_10min();
    EXPECT_EQ(c.local_day(0, 360), jan2);
    EXPECT_EQ(c.local_day(1, 360), jan2);
    EXPECT_EQ(c.local_day(144, 360), jan2);
    EXPECT_EQ(c.local_day(145, 360), jan2 + 1);

    // Ticks starting at 23:55 and 00:05 local.
    Calendar odd = c;
    odd.start = *parse_wall_clock("2022-01-02T23:55") - 360 * 60;
    EXPECT_EQ(odd.local_day(1, 360), jan2);
    EXPECT_EQ(odd.local_day(2, 360), jan2 + 1);
    EXPECT_EQ(format_date(odd.local_day(2, 360)), "2022-01-03");

    // 00:30 at +06:00 is 23:30 of the day before at +05:00.
    Calendar half = c;
    half.start = *parse_wall_clock("2022-01-03T00:30") - 360 * 60;
    EXPECT_EQ(half.local_day(1, 360), jan2 + 1);
    EXPECT_EQ(half.local_day(1, 300), jan2);
    // Days before 1970 floor, not truncate.
    Calendar early = c;
    early.start = -1;
    EXPECT_EQ(early.local_day(1, 0), -1);
    EXPECT_EQ(format_date(-1), "1969-12-31");
}

TEST(Calendar, DateTimesInAZoneOrWithTheirOwnOffset) {
    EXPECT_EQ(parse_date_time("2022-01-02T00:00", 360), 1641060000);
    EXPECT_EQ(parse_date_time("2022-01-02T00:00+06:00", 0), 1641060000);
    EXPECT_EQ(parse_date_time("2022-01-01T18:00Z", 360), 1641060000);
    EXPECT_EQ(parse_date_time("2022-01-01T23:00+05:00", 360), 1641060000);
    EXPECT_EQ(parse_date_time("2022-01-02", 360), 1641060000);
    for (const char* bad : {"2022-01-02T00:00+25:00", "2022-01-02T00:00+", "2022-02-30T00:00Z",
                            "2022-01-02+06:00", "10 parsecs"}) {
        EXPECT_FALSE(parse_date_time(bad, 0).has_value()) << bad;
    }
}
