// The comparison with reported figures: exact values from hand-made records on a calendar.
#include "sim/output/comparison.hpp"

#include <gtest/gtest.h>

namespace unrest {
namespace {

// As in test_daily.cpp: 2022-01-02T00:00 at +06:00 is 2022-01-01T18:00 UTC; 6-hour ticks 1..8.
// east (+06:00): ticks 1-4 start on Jan 2 (00, 06, 12, 18 h), ticks 5-8 on Jan 3.
// west (+02:00): tick 1 starts at 20:00 on Jan 1, ticks 2-5 on Jan 2 (02, 08, 14, 20 h), ticks
// 6-8 on Jan 3 (02, 08, 14 h); the run ends at 20:00 on Jan 3 there.
OutputLayout layout() {
    OutputLayout l;
    l.regions = {{"east", 360, 100}, {"west", 120, 100}};
    l.calendar.enabled = true;
    l.calendar.start = 1641060000; // 2022-01-01T18:00 UTC
    l.calendar.utc_offset_minutes = 360;
    l.calendar.tick_seconds = 6 * 3600;
    return l;
}

// Tick t of region r (0 east, 1 west):
//   arrests = t + 10 r, detained their running sum;
//   police_killed = (t odd) (1 + r), police_dead their running sum; police_wounded = 1;
//   active = 10 t, violent = 5 in east only; damage_usd = 100 t (east), its running sum;
//   sites_seized = t / 3 (east).
std::vector<TickRecord> tick(Tick t) {
    std::vector<TickRecord> records;
    for (int r = 0; r < 2; ++r) {
        TickRecord rec;
        rec.tick = t;
        rec.region = r;
        const auto n = static_cast<std::int64_t>(t);
        rec.arrests = t == 0 ? 0 : n + 10 * r;
        rec.detained = n * (n + 1) / 2 + 10 * r * n;
        rec.police_killed = t == 0 ? 0 : (n % 2) * (1 + r);
        rec.police_dead = ((n + 1) / 2) * (1 + r);
        rec.police_wounded = t == 0 ? 0 : 1;
        rec.active = 10 * n;
        rec.violent = r == 0 ? 5 : 0;
        rec.damage_usd = r == 0 && t > 0 ? 100.0 * static_cast<double>(n) : 0.0;
        rec.damage_usd_total = r == 0 ? 50.0 * static_cast<double>(n * (n + 1)) : 0.0;
        rec.sites_seized = r == 0 ? n / 3 : 0;
        records.push_back(rec);
    }
    return records;
}

std::string figure(const std::string& id, const std::string& quantity, const std::string& region,
                   const std::string& when, const std::string& kind, const std::string& value,
                   const std::string& unit = "persons") {
    return "  - {id: " + id + ", quantity: " + quantity + ", region: " + region + ", " + when +
           ", kind: " + kind + ", " + value + ", unit: " + unit + ", source: test}\n";
}

const std::string figures_text =
    "reported:\n" +
    figure("east_day2", "arrests", "east", "date: 2022-01-02", "daily", "value: 10") +
    figure("east_day3", "arrests", "East", "date: 2022-01-03", "daily", "value: 25") +
    figure("west_day2", "arrests", "west", "date: 2022-01-02", "daily", "value: 54") +
    figure("national_day2", "arrests", "national", "date: 2022-01-02", "daily", "more_than: 63") +
    figure("national_day2_more", "arrests", "national", "date: 2022-01-02", "daily",
           "more_than: 64") +
    figure("national_cum2", "detained", "national", "date: 2022-01-02", "cumulative",
           "at_least: 76") +
    figure("east_cum_0600", "detained", "east", "date: 2022-01-03T06:00", "cumulative",
           "range: {min: 15, max: 15}") +
    figure("east_injured", "police_injured", "east", "date: 2022-01-02", "cumulative", "value: 4") +
    figure("east_crowd", "crowd", "east", "date: 2022-01-02", "peak", "value: 45") +
    figure("national_crowd", "crowd", "national", "span: {from: 2022-01-02, to: 2022-01-02}",
           "peak", "range: {min: 80, max: 90}") +
    figure("east_seized", "sites_seized", "east", "date: 2022-01-03", "span", "value: 1", "sites") +
    figure("east_damage", "damage_usd", "east", "date: 2022-01-02T12:00", "cumulative",
           "value: 300", "usd") +
    figure("aktau", "arrests", "aktau", "date: 2022-01-02", "daily", "value: 1") +
    figure("vehicles", "vehicles_burned", "east", "date: 2022-01-02", "event", "value: 1",
           "vehicles") +
    figure("outside", "arrests", "east", "date: 2022-01-05", "daily", "value: 1") +
    figure("west_day3", "arrests", "west", "date: 2022-01-03", "daily", "value: 51") +
    figure("mangystau", "arrests", "Mangystau", "date: 2022-01-02", "daily", "value: 64") +
    figure("police_dead", "police_dead", "national", "date: 2022-01-03", "cumulative",
           "value: 12") +
    figure("east_hours", "arrests", "east", "span: {from: 2022-01-02T06:00, to: 2022-01-02T18:00}",
           "span", "value: 5");

struct Compared {
    std::vector<ComparisonRow> rows;
    const ComparisonRow& operator[](const std::string& id) const {
        for (const ComparisonRow& r : rows) {
            if (r.figure.id == id) {
                return r;
            }
        }
        throw std::out_of_range(id);
    }
};

Compared compare(CompareSettings& settings) {
    settings.figures =
        std::make_shared<const ReportedFigures>(load_reported_figures_text(figures_text, "r.yaml"));
    const OutputLayout l = layout();
    ComparisonAccumulator acc(settings, l);
    for (Tick t = 0; t <= 8; ++t) {
        acc.add(tick(t));
    }
    return Compared{acc.finish()};
}

CompareSettings settings() {
    CompareSettings s;
    s.regions = {{"mangystau", {"east", "west"}}};
    return s;
}

TEST(Comparison, ValuesAreExact) {
    CompareSettings s = settings();
    const Compared c = compare(s);
    ASSERT_EQ(c.rows.size(), 19U);
    // Daily sums over each region's own local day.
    EXPECT_EQ(c["east_day2"].simulated, 10.0); // ticks 1-4: 1 + 2 + 3 + 4
    EXPECT_EQ(c["east_day2"].within, "yes");
    EXPECT_EQ(c["east_day3"].simulated, 26.0); // ticks 5-8, region named in another case
    EXPECT_EQ(c["east_day3"].within, "no");
    EXPECT_EQ(c["west_day2"].simulated, 54.0); // ticks 2-5: 12 + 13 + 14 + 15
    EXPECT_EQ(c["west_day2"].within, "yes");
    EXPECT_EQ(c["east_day2"].why, "");
    // National: the regions' values added.
    EXPECT_EQ(c["national_day2"].simulated, 64.0);
    EXPECT_EQ(c["national_day2"].within, "yes");     // > 63
    EXPECT_EQ(c["national_day2_more"].within, "no"); // not > 64
    // Cumulative: the running total at the day's last tick (east tick 4: 10; west tick 5: 65).
    EXPECT_EQ(c["national_cum2"].simulated, 75.0);
    EXPECT_EQ(c["national_cum2"].within, "no"); // < 76
    // To a time: the ticks that start before 06:00 on Jan 3 (east ticks 1-5).
    EXPECT_EQ(c["east_cum_0600"].simulated, 15.0);
    EXPECT_EQ(c["east_cum_0600"].within, "yes");
    // A flow without a running total: summed from the start (police_wounded 1 a tick, ticks 1-4).
    EXPECT_EQ(c["east_injured"].simulated, 4.0);
    // Peak: the largest level over the day (tick 4: 40 active + 5 violent).
    EXPECT_EQ(c["east_crowd"].simulated, 45.0);
    // National peak: at each tick the regions whose day it is, added; tick 4: 45 + 40.
    EXPECT_EQ(c["national_crowd"].simulated, 85.0);
    EXPECT_EQ(c["national_crowd"].within, "yes");
    // A running total over a day: its increase (tick 8: 2, tick 4: 1).
    EXPECT_EQ(c["east_seized"].simulated, 1.0);
    EXPECT_EQ(c["east_damage"].simulated, 300.0); // damage_usd_total at tick 2
    EXPECT_EQ(c["police_dead"].simulated, 12.0);  // tick 8: 4 in east + 8 in west
    EXPECT_EQ(c["east_hours"].simulated, 5.0);    // ticks 2 and 3
    EXPECT_EQ(c["mangystau"].simulated, 64.0);    // compare.regions: east + west
}

TEST(Comparison, NotSimulatedAndPartial) {
    CompareSettings s = settings();
    const Compared c = compare(s);
    EXPECT_FALSE(c["aktau"].simulated.has_value());
    EXPECT_EQ(c["aktau"].within, "not simulated");
    EXPECT_EQ(c["aktau"].why, "region aktau is not in the run");
    EXPECT_FALSE(c["vehicles"].simulated.has_value());
    EXPECT_EQ(c["vehicles"].why, "the model does not simulate vehicles_burned");
    EXPECT_FALSE(c["outside"].simulated.has_value());
    EXPECT_EQ(c["outside"].why, "no tick of the run starts within the figure's dates");
    // West's Jan 3 runs to 24:00 there, the run to 20:00: computed over what the run covers.
    EXPECT_EQ(c["west_day3"].simulated, 51.0); // ticks 6-8: 16 + 17 + 18
    EXPECT_EQ(c["west_day3"].within, "yes");
    EXPECT_EQ(c["west_day3"].why, "partial: the run covers part of the figure's dates");
}

TEST(Comparison, ShownByDefaultAreTheSimulatedFiguresWithinTheRun) {
    CompareSettings s = settings();
    const Compared c = compare(s);
    EXPECT_TRUE(c["east_day2"].shown);
    EXPECT_FALSE(c["aktau"].shown);
    EXPECT_FALSE(c["west_day3"].shown); // partial
    CompareSettings given = settings();
    given.show = {"west_day3", "aktau"};
    given.show_given = true;
    const Compared d = compare(given);
    EXPECT_TRUE(d["west_day3"].shown);
    EXPECT_TRUE(d["aktau"].shown);
    EXPECT_FALSE(d["east_day2"].shown);
}

TEST(Comparison, CsvAndTable) {
    CompareSettings s = settings();
    const Compared c = compare(s);
    const std::string csv = comparison_csv(c.rows);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "id,quantity,region,date,kind,reported,reported_min,reported_max,unit,simulated,"
              "within,why,source");
    EXPECT_NE(csv.find("\nnational_day2,arrests,national,2022-01-02,daily,>63,63,,persons,64,yes,,"
                       "test\n"),
              std::string::npos);
    EXPECT_NE(csv.find("\naktau,arrests,aktau,2022-01-02,daily,1,1,1,persons,,not simulated,"
                       "region aktau is not in the run,test\n"),
              std::string::npos);
    const std::vector<ComparisonRow> rows{c["national_day2"], c["aktau"]};
    EXPECT_EQ(comparison_table(rows),
              "  quantity  region    date        reported  simulated  within\n"
              "  arrests   national  2022-01-02  >63       64         y\n"
              "  arrests   aktau     2022-01-02  1         -          -\n");
}

TEST(Comparison, FormatsValues) {
    EXPECT_EQ(format_figure_value(92000000.0), "92000000");
    EXPECT_EQ(format_figure_value(0.5), "0.5");
    EXPECT_EQ(format_figure_value(1800.0000000000002), "1800.0000000000002");
}

} // namespace
} // namespace unrest
