// Reported-figures files (docs/reported_figures.md): loaded into typed figures, every problem a
// ScenarioError at FILE:LINE:COLUMN with the key path and what was expected.
#include "scenario_test_util.hpp"
#include "sim/scenario/reported_figures.hpp"

#include <cmath>
#include <fstream>
#include <iterator>

namespace unrest {
namespace {

ReportedFigures load_figures(const std::string& text) {
    return load_reported_figures_text(text, "r.yaml");
}

std::string figures_error(const std::string& text) {
    try {
        load_figures(text);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

// One entry with every required key; `extra` lines are added to it (indented by the caller).
std::string entry(const std::string& extra = "", const std::string& id = "a") {
    return "  - id: " + id +
           "\n    quantity: police_dead\n    region: national\n    unit: persons\n"
           "    source: MoI\n" +
           extra;
}

std::string file(const std::string& entries) {
    return "reported:\n" + entries;
}

TEST(ReportedFigures, LoadsEveryKey) {
    const ReportedFigures f = load_figures(
        "title: T\nnotes: N\nexchange_rates: {kzt: 435}\nreported:\n" +
        entry("    date: 2022-01-06\n    kind: cumulative\n    words: at least 18\n"
              "    note: n\n    conflicts_with: [b]\n") +
        "  - id: b\n    quantity: crowd\n    region: Almaty\n    place: Republic Square\n"
        "    span: {from: 2022-01-04T18:00, to: 2022-01-05}\n    kind: peak\n"
        "    range: {min: 900, max: 1100}\n    unit: persons\n    source: pledgetimes\n"
        "  - id: c\n    quantity: damage_usd\n    region: almaty\n    date: 2022-01-06T17:00\n"
        "    kind: cumulative\n    value: 435000\n    unit: kzt\n    source: Atameken\n");
    EXPECT_EQ(f.title, "T");
    EXPECT_EQ(f.notes, "N");
    ASSERT_EQ(f.figures.size(), 3U);
    const ReportedFigure& a = f.figures[0];
    EXPECT_EQ(a.id, "a");
    EXPECT_EQ(a.quantity, "police_dead");
    EXPECT_EQ(a.region, "national");
    EXPECT_EQ(a.kind, FigureKind::cumulative);
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(a.date->day, 18998); // 2022-01-06
    EXPECT_FALSE(a.date->time.has_value());
    EXPECT_EQ(a.range.min, 18.0);
    EXPECT_TRUE(std::isinf(a.range.max));
    EXPECT_FALSE(a.range.min_exclusive);
    EXPECT_EQ(a.reported, "at least 18");
    EXPECT_EQ(a.conflicts_with, std::vector<std::string>{"b"});
    EXPECT_EQ(a.line, 5);
    EXPECT_EQ(a.when(), "2022-01-06");

    const ReportedFigure& b = f.figures[1];
    EXPECT_EQ(b.place, "Republic Square");
    ASSERT_TRUE(b.from && b.to);
    EXPECT_EQ(b.from->day, 18996);
    EXPECT_EQ(b.from->time, 18 * 3600);
    EXPECT_EQ(b.to->day, 18997);
    EXPECT_EQ(b.range.min, 900.0);
    EXPECT_EQ(b.range.max, 1100.0);
    EXPECT_EQ(b.reported, "900-1100");
    EXPECT_EQ(b.when(), "2022-01-04T18:00..2022-01-05");

    // Money in another currency: converted to usd at the file's rate.
    const ReportedFigure& c = f.figures[2];
    EXPECT_EQ(c.range.min, 1000.0);
    EXPECT_EQ(c.range.max, 1000.0);
    EXPECT_EQ(c.reported, "435000 kzt");
    EXPECT_EQ(c.date->time, 17 * 3600);
}

TEST(ReportedFigures, WordsGiveTheConventionalRanges) {
    const auto range = [](std::string_view w) { return range_of_words(w); };
    EXPECT_EQ(range("dozens")->min, 24.0);
    EXPECT_EQ(range("Several dozen")->max, 99.0);
    EXPECT_EQ(range("hundreds")->min, 200.0);
    EXPECT_EQ(range("several hundred")->max, 999.0);
    EXPECT_EQ(range("thousands")->min, 2000.0);
    EXPECT_EQ(range("several thousand")->max, 9999.0);
    EXPECT_DOUBLE_EQ(range("about 2,000")->min, 1800.0);
    EXPECT_DOUBLE_EQ(range("about 2,000")->max, 2200.0);
    EXPECT_EQ(range("more than 200")->min, 200.0);
    EXPECT_TRUE(range("more than 200")->min_exclusive);
    EXPECT_TRUE(std::isinf(range("more than 200")->max));
    EXPECT_FALSE(range("at least 18")->min_exclusive);
    EXPECT_FALSE(range("~45 (40-50)").has_value());
    EXPECT_FALSE(range("about many").has_value());
    // Without a value, conventional words give the range; a value must agree with them.
    const ReportedFigures f =
        load_figures(file(entry("    date: 2022-01-05\n    kind: span\n    words: dozens\n")));
    EXPECT_EQ(f.figures[0].range.min, 24.0);
    EXPECT_EQ(f.figures[0].range.max, 99.0);
    EXPECT_EQ(figures_error(file(entry("    date: 2022-01-05\n    kind: span\n    words: dozens\n"
                                       "    range: {min: 20, max: 99}\n"))),
              "r.yaml:10:12: reported[0].range: expected the range the words 'dozens' give by "
              "the convention (24-99), or words that are not of the convention, found 20-99");
}

TEST(ReportedFigures, RangeContains) {
    const FigureRange closed{24, 99, false};
    EXPECT_TRUE(closed.contains(24));
    EXPECT_TRUE(closed.contains(99));
    EXPECT_FALSE(closed.contains(23));
    EXPECT_FALSE(closed.contains(100));
    const FigureRange more{200, INFINITY, true};
    EXPECT_FALSE(more.contains(200));
    EXPECT_TRUE(more.contains(201));
    const FigureRange least{18, INFINITY, false};
    EXPECT_TRUE(least.contains(18));
    EXPECT_TRUE(least.contains(1e9));
}

TEST(ReportedFigures, Errors) {
    const std::string day = "    date: 2022-01-06\n    kind: cumulative\n";
    EXPECT_EQ(figures_error(file(entry(day + "    value: 1\n") + entry(day + "    value: 2\n"))),
              "r.yaml:10:9: reported[1].id: expected a unique id ('a' is also on line 2), found "
              "'a'");
    EXPECT_EQ(figures_error(file(entry("    date: 2022-01-06\n    kind: span\n"
                                       "    range: {min: 5, max: 3}\n"))),
              "r.yaml:9:26: reported[0].range.max: expected a max >= min (5), found '3'");
    EXPECT_EQ(figures_error("reported:\n  - id: a\n    quantity: police_ded\n"),
              "r.yaml:3:15: reported[0].quantity: expected one of arrests, detained, "
              "police_dead, police_injured, protesters_killed, citizens_killed, "
              "citizens_injured, people_injured, damage_usd, sites_attacked, sites_seized, "
              "sites_burned, crowd, armed_protesters, hospitalised, intensive_care, "
              "site_intruders, vehicles_burned, vehicles_damaged, businesses_damaged, "
              "shops_wrecked, eateries_wrecked, offices_wrecked, found 'police_ded' (did you mean "
              "'police_dead'?)");
    EXPECT_EQ(figures_error(file(entry("    date: 2022-01-32\n    kind: daily\n    value: 1\n"))),
              "r.yaml:7:11: reported[0].date: expected a local date YYYY-MM-DD or date-time "
              "YYYY-MM-DDTHH:MM, found '2022-01-32'");
    EXPECT_EQ(figures_error(file(entry(day + "    value: 1\n    sorce: x\n"))),
              "r.yaml:10:5: reported[0].sorce: unknown key 'sorce', did you mean 'source'?");
    EXPECT_EQ(figures_error("reported:\n  - id: a\n    quantity: crowd\n    region: x\n"
                            "    date: 2022-01-02\n    kind: peak\n    value: 3\n"
                            "    unit: persons\n"),
              "r.yaml:2:5: reported[0].source: expected a value for required key 'source', "
              "found none");
    EXPECT_EQ(figures_error(file(entry("    date: 2022-01-06\n    kind: peak\n    value: 1\n"))),
              "r.yaml:8:11: reported[0].kind: expected daily, cumulative, span or event for "
              "police_dead (a count over time), found 'peak'");
    EXPECT_EQ(figures_error(file(entry("    span: {from: 2022-01-06, to: 2022-01-07}\n"
                                       "    kind: cumulative\n    value: 1\n"))),
              "r.yaml:8:11: reported[0].kind: expected peak, span or event for a figure with a "
              "span (daily and cumulative figures take a date), found 'cumulative'");
    EXPECT_EQ(figures_error(file(entry("    span: {from: 2022-01-06, to: 2022-01-05}\n"
                                       "    kind: span\n    value: 1\n"))),
              "r.yaml:7:34: reported[0].span.to: expected a date or time after from "
              "(2022-01-06), found '2022-01-05'");
    EXPECT_EQ(figures_error(file(entry(day + "    value: 1\n    at_least: 2\n"))),
              "r.yaml:10:5: reported[0].at_least: expected one of value, range, at_least and "
              "more_than, found a second");
    EXPECT_EQ(figures_error(file(entry(day))),
              "r.yaml:2:5: reported[0]: expected value, range, at_least or more_than (or words "
              "of the convention: dozens, hundreds, thousands, about N, more than N, at least N), "
              "found none");
    EXPECT_EQ(figures_error(file(entry(day + "    value: 1\n    conflicts_with: [z]\n"))),
              "r.yaml:10:22: reported[0].conflicts_with[0]: expected the id of another figure of "
              "this file, found 'z'");
    EXPECT_EQ(figures_error(file(entry(day + "    value: -1\n"))),
              "r.yaml:9:12: reported[0].value: expected a finite number >= 0, found '-1'");
    EXPECT_EQ(figures_error("reported:\n  - id: a\n    quantity: damage_usd\n    region: x\n"
                            "    date: 2022-01-02\n    kind: daily\n    value: 3\n"
                            "    unit: eur\n    source: s\n"),
              "r.yaml:8:11: reported[0].unit: expected 'usd' (the unit of damage_usd), or a "
              "currency of exchange_rates, found 'eur'");
    EXPECT_EQ(figures_error("title: x\n"),
              "r.yaml:1:1: reported: expected a value for required key 'reported', found none");
}

TEST(ReportedFigures, RecognisedByTheirTopLevelKey) {
    EXPECT_TRUE(is_reported_figures_text("title: x\nreported: []\n", "r.yaml"));
    EXPECT_TRUE(is_reported_figures_text("{reported: []}", "r.yaml"));
    EXPECT_TRUE(is_reported_figures_text("reported:\n  - [unclosed\n", "r.yaml"));
    EXPECT_FALSE(is_reported_figures_text("name: a\nticks: 3\n", "s.yaml"));
    EXPECT_FALSE(is_reported_figures_text("name: a\n  reported: 3\n", "s.yaml"));
    EXPECT_FALSE(is_reported_figures_text("[unclosed\n", "s.yaml"));
    EXPECT_TRUE(is_reported_figures_text("# c\n---\n  { 'reported': []}\n", "r.yaml"));
    EXPECT_FALSE(is_reported_figures_text("{title: x, reported: []}\n", "r.yaml")); // not first
    EXPECT_FALSE(is_reported_figures_text("name: a\n{reported: 1}\n", "s.yaml"));
}

// The shipped file: every row of KZ2022_INPUTS.md §3 (43 entries), valid.
TEST(ReportedFigures, ShippedKazakhstanFileLoads) {
    const ReportedFigures f = load_reported_figures_file(std::string(UNREST_SOURCE_DIR) +
                                                         "/scenarios/kazakhstan2022/reported.yaml");
    EXPECT_EQ(f.figures.size(), 43U);
    const ReportedFigure* article = f.find("arrests_almaty_2022-01-06_article");
    ASSERT_NE(article, nullptr);
    EXPECT_EQ(article->range.min, 2998.0);
    const ReportedFigure* moi = f.find("detained_national_2022-01-06_moi");
    ASSERT_NE(moi, nullptr);
    EXPECT_EQ(moi->range.min, 2298.0);
    const ReportedFigure* almaty = f.find("detained_almaty_2022-01-06_moi");
    ASSERT_NE(almaty, nullptr);
    EXPECT_DOUBLE_EQ(almaty->range.min, 1800.0);
    EXPECT_DOUBLE_EQ(almaty->range.max, 2200.0);
}

// compare: in a scenario: the file is resolved against the scenario's folder and loaded with it.
TEST(ReportedFigures, CompareBlockLoadsTheFile) {
    const std::string dir = std::string(UNREST_SOURCE_DIR) + "/scenarios/kazakhstan2022/";
    const std::string scenario = "name: a\ncalendar: {start: 2022-01-02T00:00, time_zone: "
                                 "\"+06:00\", tick: 1h, end: 2022-01-07T00:00}\n"
                                 "grid: {width: 20, height: 20}\nvision: {radius: 3}\n"
                                 "compare:\n  reported: reported.yaml\n"
                                 "  show: [le_dead_national_2022-01-06_moi]\n";
    const Scenario s = load_scenario_text(scenario, dir + "x.yaml");
    ASSERT_TRUE(s.compare);
    EXPECT_EQ(s.compare->figures->figures.size(), 43U);
    EXPECT_EQ(s.compare->show, std::vector<std::string>{"le_dead_national_2022-01-06_moi"});
    EXPECT_EQ(s.compare->reported_path, dir + "reported.yaml");
    // Printed as written, so that the resolved scenario loads again from the same folder.
    // Printed resolved (absolute), so that the printed scenario loads from anywhere.
    const std::string printed = resolved_yaml(s)["compare"]["reported"].as<std::string>();
    EXPECT_TRUE(std::filesystem::path(printed).is_absolute()) << printed;
    EXPECT_TRUE(printed.ends_with("/reported.yaml")) << printed;

    const auto error = [&](const std::string& text) {
        try {
            load_scenario_text(text, dir + "x.yaml");
        } catch (const ScenarioError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error("name: a\nticks: 5\ncompare: {reported: reported.yaml}\n"),
              dir + "x.yaml:3:10: compare: expected a scenario with a calendar (reported figures "
                    "are dated), found compare: without calendar:");
    const std::string cal =
        "name: a\ncalendar: {start: 2022-01-02T00:00, tick: 1h, end: 2022-01-02T05:00}\n";
    EXPECT_EQ(error(cal + "compare: {reported: nope.yaml}\n"),
              dir + "x.yaml:3:21: compare.reported: expected a readable reported-figures file (" +
                  dir + "nope.yaml), found no such file");
    EXPECT_EQ(
        error(cal +
              "compare: {reported: reported.yaml, show: [le_dead_national_2022-01-06_mio]}\n"),
        dir + "x.yaml:3:43: compare.show[0]: expected the id of a figure of " + dir +
            "reported.yaml, found 'le_dead_national_2022-01-06_mio' (did you mean "
            "'le_dead_national_2022-01-06_moi'?)");
    EXPECT_EQ(error(cal + "compare: {reported: reported.yaml, regions: {almaty: Almaty}}\n"),
              dir + "x.yaml:3:54: compare.regions.almaty: expected a region of the scenario "
                    "(main), found 'Almaty'");
}

// docs/reported_figures.md's table of quantities is the vocabulary of the loader.
TEST(ReportedFigures, DocumentedQuantitiesAreTheLoaders) {
    std::string table = "| quantity | unit | what the reports count | simulated as | kinds |\n"
                        "| --- | --- | --- | --- | --- |\n";
    for (const QuantitySpec& q : quantity_specs()) {
        table += "| `" + std::string(q.name) + "` | " + std::string(q.unit) + " | " +
                 std::string(q.description) + " | " +
                 (q.simulated.empty() ? std::string("not simulated") : std::string(q.simulated)) +
                 " | " + (q.level ? "peak" : "daily, cumulative, span, event") + " |\n";
    }
    std::ifstream in(std::string(UNREST_SOURCE_DIR) + "/docs/reported_figures.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string begin = "<!-- quantities:begin -->\n";
    const std::size_t from = doc.find(begin);
    const std::size_t to = doc.find("<!-- quantities:end -->");
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), table);
}

} // namespace
} // namespace unrest
