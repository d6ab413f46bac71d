#include "records.hpp"
#include "sim/output/metrics.hpp"
#include "sim/output/timeseries.hpp"

#include <gtest/gtest.h>
#include <sstream>

namespace unrest {
namespace {

using test::classic;

OutputLayout one_region(std::string name = "main") {
    OutputLayout layout;
    layout.regions = {{std::move(name), 0, 1120}};
    return layout;
}

TEST(Timeseries, HeaderIsTheKeysThenEveryMetric) {
    EXPECT_EQ(timeseries_csv_header(false),
              "tick,region,quiet,active,violent,jailed,injured,dead,cops,police_injured,"
              "police_dead,police_withdrawn,military,military_withdrawn,military_injured,"
              "military_dead,arrests,releases,detained,protesters_killed,bystanders_killed,"
              "citizens_wounded,police_killed,police_wounded,military_killed,military_wounded,"
              "damage_usd,damage_usd_total,sites_attacked,sites_seized,sites_burned,armed,"
              "legitimacy,comms,news,fuel_price,force_level,curfew");
    EXPECT_EQ(timeseries_csv_header(true).rfind("tick,region,time,quiet,", 0), 0U);
    EXPECT_EQ(timeseries_columns(false).size(), 2 + metrics.size());
    EXPECT_EQ(timeseries_columns(true).size(), 3 + metrics.size());
}

TEST(Timeseries, WriterStreamsHeaderThenOneRowPerRegion) {
    OutputLayout layout;
    layout.regions = {{"Almaty", 360, 10}, {"Aktau, \"port\"", 300, 10}};
    std::ostringstream out;
    TimeseriesCsvWriter writer(out, layout);
    const std::vector<TickRecord> tick0{classic(0, 1120, 0, 0, 64, 0, 0, 0.82, 0),
                                        classic(0, 10, 0, 0, 1, 0, 0, 0.5, 1)};
    const std::vector<TickRecord> tick1{classic(1, 1000, 100, 20, 64, 20, 0, 0.82, 0),
                                        classic(1, 9, 1, 0, 1, 0, 0, 1.0, 1)};
    writer.write(tick0);
    writer.write(tick1);
    EXPECT_EQ(out.str(), timeseries_csv_header(false) +
                             "\n"
                             "0,Almaty,1120,0,0,0,0,0,64,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                             "0,0,0.82,1,0,0,0,0\n"
                             "0,\"Aktau, "
                             "\"\"port\"\"\",10,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                             "0,0,0,0,0.5,1,0,0,0,0\n"
                             "1,Almaty,1000,100,0,20,0,0,64,0,0,0,0,0,0,0,20,0,0,0,0,0,0,0,0,0,0,0,"
                             "0,0,0,0,0.82,1,0,0,0,0\n"
                             "1,\"Aktau, "
                             "\"\"port\"\"\",9,1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                             "0,0,0,1,1,0,0,0,0\n");
}

TEST(Timeseries, LocalTimeColumnWithACalendar) {
    OutputLayout layout;
    layout.regions = {{"east", 360, 10}, {"west", 300, 10}};
    layout.calendar.enabled = true;
    layout.calendar.start = 1641081600; // 2022-01-02T00:00 UTC
    layout.calendar.tick_seconds = 600;
    std::ostringstream out;
    TimeseriesCsvWriter writer(out, layout);
    const std::vector<TickRecord> tick0{classic(0, 1, 0, 0, 0, 0, 0, 1, 0),
                                        classic(0, 1, 0, 0, 0, 0, 0, 1, 1)};
    const std::vector<TickRecord> tick2{classic(2, 1, 0, 0, 0, 0, 0, 1, 0),
                                        classic(2, 1, 0, 0, 0, 0, 0, 1, 1)};
    writer.write(tick0);
    writer.write(tick2);
    const std::string text = out.str();
    EXPECT_NE(text.find("\n0,east,2022-01-02T06:00,1,"), std::string::npos) << text;
    EXPECT_NE(text.find("\n0,west,2022-01-02T05:00,1,"), std::string::npos) << text;
    EXPECT_NE(text.find("\n2,east,2022-01-02T06:10,1,"), std::string::npos) << text;
}

TEST(Timeseries, ClassicColumnsKeepTheirText) {
    TickRecord record;
    record.legitimacy = 0.9 * 0.99 * 0.99; // not a short decimal
    const std::string row = timeseries_csv_row(record, "main");
    const std::vector<std::string> columns = timeseries_columns(false);
    std::vector<std::string> cells;
    std::stringstream s(row);
    for (std::string cell; std::getline(s, cell, ',');) {
        cells.push_back(cell);
    }
    ASSERT_EQ(cells.size(), columns.size());
    const auto at = [&](std::string_view name) {
        return cells.at(static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) -
                                                 columns.begin()));
    };
    EXPECT_EQ(std::stod(at("legitimacy")), record.legitimacy);
    EXPECT_EQ(at("legitimacy"), fmt::format("{}", record.legitimacy));
    EXPECT_EQ(timeseries_csv_row(classic(7, 1, 2, 3, 4, 5, 6, 0.1), "r"),
              "7,r,1,2,0,3,0,0,4,0,0,0,0,0,0,0,5,6,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0.1,1,0,0,0,0");
}

TEST(Timeseries, LargeCountsAreIntegers) {
    TickRecord record;
    record.tick = 123456789012;
    record.quiet = 9007199254740993; // 2^53 + 1: would be rounded through a double
    EXPECT_EQ(timeseries_csv_row(record, "main"),
              "123456789012,main,9007199254740993,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
              "0,0,0,0,0,0,1,0,0,0,0");
}

TEST(Timeseries, KeyColumnsMarkdownTable) {
    const std::string table = timeseries_columns_markdown();
    EXPECT_EQ(table.rfind("| column | unit | description |\n| --- | --- | --- |\n", 0), 0u);
    EXPECT_NE(table.find("| `region` | "), std::string::npos);
    EXPECT_EQ(std::count(table.begin(), table.end(), '\n'),
              static_cast<std::ptrdiff_t>(2 + timeseries_key_columns.size()));
}

TEST(Timeseries, FailingStreamThrows) {
    const OutputLayout layout = one_region();
    std::ostringstream out;
    TimeseriesCsvWriter writer(out, layout);
    out.setstate(std::ios::badbit);
    const std::vector<TickRecord> records(1);
    EXPECT_THROW(writer.write(records), OutputError);
}

TEST(Timeseries, WrongNumberOfRegionsIsRefused) {
    const OutputLayout layout = one_region();
    std::ostringstream out;
    TimeseriesCsvWriter writer(out, layout);
    const std::vector<TickRecord> records(2);
    EXPECT_THROW(writer.write(records), std::invalid_argument);
}

} // namespace
} // namespace unrest
