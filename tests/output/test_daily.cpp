// daily.csv: each metric reduced over the ticks of each local day, exactly.
#include "records.hpp"
#include "sim/output/daily.hpp"

#include <gtest/gtest.h>
#include <sstream>

namespace unrest {
namespace {

// 2022-01-02T00:00 at +06:00 is 2022-01-01T18:00 UTC; 6-hour ticks: ticks 1-4 start on Jan 2
// (00:00, 06:00, 12:00, 18:00 local), ticks 5-8 on Jan 3. In a zone 4 hours behind (+02:00), tick
// 1 starts at 20:00 on Jan 1, ticks 2-5 on Jan 2, ticks 6-8 on Jan 3.
OutputLayout layout() {
    OutputLayout l;
    l.regions = {{"east", 360, 100}, {"west", 120, 100}};
    l.calendar.enabled = true;
    l.calendar.start = 1641060000; // 2022-01-01T18:00 UTC
    l.calendar.utc_offset_minutes = 360;
    l.calendar.tick_seconds = 6 * 3600;
    return l;
}

// Ticks 0..8 of both regions: counts that change every tick, arrests and releases that vary.
std::vector<std::vector<TickRecord>> run() {
    std::vector<std::vector<TickRecord>> ticks;
    for (Tick t = 0; t <= 8; ++t) {
        const auto n = static_cast<std::int64_t>(t);
        std::vector<TickRecord> regions;
        for (int r = 0; r < 2; ++r) {
            regions.push_back(test::classic(t, 100 - 3 * n, 2 * n, n, 10 + r, n % 3 + r, n % 2,
                                            0.5 + 0.0625 * static_cast<double>(t), r));
        }
        ticks.push_back(std::move(regions));
    }
    return ticks;
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) {
        cells.push_back(cell);
    }
    return cells;
}

std::size_t column(std::string_view name) {
    const std::vector<std::string> columns = daily_columns();
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) -
                                    columns.begin());
}

TEST(Daily, HeaderIsTheKeysThenEveryMetric) {
    EXPECT_EQ(daily_csv_header().rfind("region,date,first_tick,last_tick,quiet,active,", 0), 0U);
    EXPECT_EQ(daily_columns().size(),
              daily_key_columns.size() + metrics.size() + daily_peaks.size());
    EXPECT_EQ(daily_columns().back(), "legitimacy_end");
}

TEST(Daily, ReductionsAreExactPerLocalDay) {
    const OutputLayout l = layout();
    DailyAccumulator daily(l);
    const auto ticks = run();
    ASSERT_EQ(ticks.size(), 9U);
    for (const auto& records : ticks) {
        daily.add(records);
    }
    const std::vector<std::string> rows = daily.rows();
    ASSERT_EQ(rows.size(), 5U); // east: Jan 2, Jan 3; west: Jan 1, Jan 2, Jan 3
    const std::vector<std::vector<std::string>> want_keys{{"east", "2022-01-02", "1", "4"},
                                                          {"east", "2022-01-03", "5", "8"},
                                                          {"west", "2022-01-01", "1", "1"},
                                                          {"west", "2022-01-02", "2", "5"},
                                                          {"west", "2022-01-03", "6", "8"}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(rows[i]);
        const std::vector<std::string> cells = split(rows[i]);
        ASSERT_EQ(cells.size(), daily_columns().size());
        EXPECT_EQ(std::vector<std::string>(cells.begin(), cells.begin() + 4), want_keys[i]);
        const int region = cells[0] == "east" ? 0 : 1;
        const Tick first = std::stoll(cells[2]);
        const Tick last = std::stoll(cells[3]);
        std::int64_t arrests = 0;
        std::int64_t releases = 0;
        double legitimacy = 0.0;
        for (Tick t = first; t <= last; ++t) {
            arrests += ticks[t][region].arrests;
            releases += ticks[t][region].releases;
            legitimacy += ticks[t][region].legitimacy;
        }
        // Flows: the sum over the day's ticks; stocks: the value at its last tick; states: the
        // mean.
        EXPECT_EQ(cells[column("arrests")], std::to_string(arrests));
        EXPECT_EQ(cells[column("releases")], std::to_string(releases));
        EXPECT_EQ(cells[column("jailed")], std::to_string(ticks[last][region].jailed));
        EXPECT_EQ(cells[column("active")], std::to_string(ticks[last][region].active));
        EXPECT_EQ(cells[column("cops")], std::to_string(10 + region));
        // (summed with compensation: within a few ulps of the plain sum)
        EXPECT_NEAR(std::stod(cells[column("legitimacy")]),
                    legitimacy / static_cast<double>(last - first + 1), 1e-15);
    }
    // The days' sums add up to the sums of the per-tick series (tick 0 has no day).
    for (int region = 0; region < 2; ++region) {
        std::int64_t per_tick = 0;
        for (const auto& records : ticks) {
            per_tick += records[region].arrests;
        }
        std::int64_t per_day = 0;
        for (const std::string& row : rows) {
            const std::vector<std::string> cells = split(row);
            if (cells[0] == (region == 0 ? "east" : "west")) {
                per_day += std::stoll(cells[column("arrests")]);
            }
        }
        EXPECT_EQ(per_day, per_tick - ticks[0][region].arrests) << region;
    }
}

TEST(Daily, MaxAndMeanReductions) {
    // quiet (reduced by `last`), and the same metric with the other reductions.
    Metric max = metrics[0];
    max.daily = Reduction::max;
    Metric mean = metrics[0];
    mean.daily = Reduction::mean;
    Metric sum = metrics[0];
    sum.daily = Reduction::sum;
    DayReduction max_of(metrics[0]);
    DayReduction as_max(max);
    DayReduction as_mean(mean);
    DayReduction as_sum(sum);
    for (const std::int64_t q : {5, 9, 2}) {
        TickRecord r;
        r.quiet = q;
        as_max.add(r);
        as_mean.add(r);
        as_sum.add(r);
        max_of.add(r);
    }
    EXPECT_EQ(format_metric_value(as_max.value()), "9");
    EXPECT_EQ(format_metric_value(as_mean.value()), format_metric_value(16.0 / 3.0));
    EXPECT_EQ(format_metric_value(as_sum.value()), "16");
    EXPECT_EQ(format_metric_value(max_of.value()), "2"); // quiet: last
}

// A day of 144 ten-minute ticks at L = 0.82: the plain running sum drifts (its mean prints as
// 0.8199999999999971); the compensated sum gives back 0.82 exactly.
TEST(Daily, MeanOfAConstantRealIsThatReal) {
    const Metric* legitimacy = nullptr;
    for (const Metric& m : metrics) {
        if (m.name == "legitimacy") {
            legitimacy = &m;
        }
    }
    ASSERT_NE(legitimacy, nullptr);
    ASSERT_EQ(legitimacy->daily, Reduction::mean);
    DayReduction day(*legitimacy);
    double plain = 0.0;
    for (int t = 0; t < 144; ++t) {
        TickRecord r;
        r.legitimacy = 0.82;
        day.add(r);
        plain += 0.82;
    }
    EXPECT_NE(plain / 144.0, 0.82); // the drift this guards against
    EXPECT_EQ(format_metric_value(day.value()), "0.82");
}

TEST(Daily, WriteHasHeaderAndQuotedNames) {
    OutputLayout l = layout();
    l.regions[1].name = "Aktau, port";
    DailyAccumulator daily(l);
    for (const auto& records : run()) {
        daily.add(records);
    }
    std::ostringstream out;
    daily.write(out);
    const std::string text = out.str();
    EXPECT_EQ(text.rfind(daily_csv_header() + "\n", 0), 0U);
    EXPECT_NE(text.find("\n\"Aktau, port\",2022-01-01,1,1,"), std::string::npos) << text;
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);
}

TEST(Daily, NeedsACalendar) {
    OutputLayout l = layout();
    l.calendar.enabled = false;
    EXPECT_THROW(DailyAccumulator{l}, std::invalid_argument);
}

} // namespace
} // namespace unrest
