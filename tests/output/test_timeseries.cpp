#include "sim/output/timeseries.hpp"

#include <gtest/gtest.h>
#include <sstream>

namespace unrest {
namespace {

TEST(Timeseries, HeaderIsDerivedFromTheColumnTable) {
    EXPECT_EQ(timeseries_csv_header(), "tick,quiet,active,jailed,cops,arrests,releases,legitimacy");
}

TEST(Timeseries, WriterStreamsHeaderThenRows) {
    std::ostringstream out;
    TimeseriesCsvWriter writer(out);
    writer.write(TickRecord{0, 1120, 0, 0, 64, 0, 0, 0.82});
    writer.write(TickRecord{1, 1000, 100, 20, 64, 20, 0, 0.82});
    writer.write(TickRecord{2, 990, 95, 35, 64, 16, 1, 1.0});
    EXPECT_EQ(out.str(), "tick,quiet,active,jailed,cops,arrests,releases,legitimacy\n"
                         "0,1120,0,0,64,0,0,0.82\n"
                         "1,1000,100,20,64,20,0,0.82\n"
                         "2,990,95,35,64,16,1,1\n");
}

TEST(Timeseries, LegitimacyIsWrittenExactly) {
    TickRecord record;
    record.legitimacy = 0.9 * 0.99 * 0.99; // not a short decimal
    const std::string row = timeseries_csv_row(record);
    const std::string text = row.substr(row.rfind(',') + 1);
    EXPECT_EQ(std::stod(text), record.legitimacy);
    EXPECT_EQ(timeseries_csv_row(TickRecord{7, 1, 2, 3, 4, 5, 6, 0.1}), "7,1,2,3,4,5,6,0.1");
}

TEST(Timeseries, LargeCountsAreIntegers) {
    TickRecord record;
    record.tick = 123456789012;
    record.quiet = 9007199254740993; // 2^53 + 1: would be rounded through a double
    EXPECT_EQ(timeseries_csv_row(record), "123456789012,9007199254740993,0,0,0,0,0,0");
}

TEST(Timeseries, ColumnsMarkdownTable) {
    const std::string table = timeseries_columns_markdown();
    EXPECT_EQ(table.rfind("| column | unit | description |\n| --- | --- | --- |\n", 0), 0u);
    EXPECT_NE(table.find("| `legitimacy` | "), std::string::npos);
    std::size_t lines = 0;
    for (const char c : table) {
        lines += c == '\n' ? 1 : 0;
    }
    EXPECT_EQ(lines, 2 + timeseries_columns.size());
}

TEST(Timeseries, FailingStreamThrows) {
    std::ostringstream out;
    TimeseriesCsvWriter writer(out);
    out.setstate(std::ios::badbit);
    EXPECT_THROW(writer.write(TickRecord{}), OutputError);
}

} // namespace
} // namespace unrest
