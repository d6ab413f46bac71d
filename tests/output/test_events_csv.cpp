// events.csv: one row per applied event, text fields quoted as RFC 4180 says.
#include "sim/output/events_csv.hpp"

#include <gtest/gtest.h>
#include <sstream>

namespace unrest {
namespace {

OutputLayout layout(bool calendar) {
    OutputLayout l;
    l.regions = {{"Almaty", 360, 10}, {"Zhanaozen, Mangystau", 300, 10}};
    l.calendar.enabled = calendar;
    l.calendar.start = 1641060000; // 2022-01-01T18:00 UTC
    l.calendar.tick_seconds = 600;
    return l;
}

TEST(CsvQuote, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(csv_quote("plain"), "plain");
    EXPECT_EQ(csv_quote(""), "");
    EXPECT_EQ(csv_quote("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_quote("say \"no\""), "\"say \"\"no\"\"\"");
    EXPECT_EQ(csv_quote("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_quote("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csv_quote(" padded"), "\" padded\"");
    EXPECT_EQ(csv_quote("0.82 -> 0.7"), "0.82 -> 0.7");
}

TEST(EventsCsv, RowsWithoutACalendar) {
    const OutputLayout l = layout(false);
    std::ostringstream out;
    EventsCsvWriter writer(out, l);
    const std::vector<EventRecord> events{
        {5, 0, "legitimacy", "", "at", "legitimacy 0.82 -> 0.7"},
        {5, 1, "price", "lpg, doubled", "start", "price \"LPG\" 60 -> 120 tenge"},
    };
    writer.write(events);
    writer.write({});
    EXPECT_EQ(out.str(), "tick,region,type,id,phase,details\n"
                         "5,Almaty,legitimacy,,at,legitimacy 0.82 -> 0.7\n"
                         "5,\"Zhanaozen, Mangystau\",price,\"lpg, doubled\",start,"
                         "\"price \"\"LPG\"\" 60 -> 120 tenge\"\n");
}

TEST(EventsCsv, LocalTimeInTheRegionsZone) {
    const OutputLayout l = layout(true);
    std::ostringstream out;
    EventsCsvWriter writer(out, l);
    const std::vector<EventRecord> events{{3, 0, "comms", "shutdown", "start", "comms 1 -> 0"},
                                          {3, 1, "comms", "shutdown", "start", "comms 1 -> 0"}};
    writer.write(events);
    // Tick 3 starts 20 minutes after 2022-01-01T18:00 UTC.
    EXPECT_EQ(out.str(), "tick,time,region,type,id,phase,details\n"
                         "3,2022-01-02T00:20,Almaty,comms,shutdown,start,comms 1 -> 0\n"
                         "3,2022-01-01T23:20,\"Zhanaozen, Mangystau\",comms,shutdown,start,"
                         "comms 1 -> 0\n");
}

TEST(EventsCsv, UnknownRegionIsRefused) {
    const OutputLayout l = layout(false);
    std::ostringstream out;
    EventsCsvWriter writer(out, l);
    const std::vector<EventRecord> events{{1, 2, "comms", "", "at", ""}};
    EXPECT_THROW(writer.write(events), std::invalid_argument);
}

} // namespace
} // namespace unrest
