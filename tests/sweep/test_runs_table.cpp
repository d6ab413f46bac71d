// runs.csv rows: the CSV quoting, the columns derived from the spec, a row for an ok and a failed
// run, and the metric values picked out of a summary.
#include "sim/sweep/runs_table.hpp"
#include "sweep_test_helpers.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace unrest;

namespace {

using unrest::testing::list_axis;
using unrest::testing::Strings;

SweepSpec two_axis_spec() {
    SweepSpec spec;
    spec.axes.push_back(list_axis(std::string("legitimacy.initial"), {"0.8", "0.9"}));
    spec.axes.push_back(list_axis(std::string("population.cop_density"), {"0.03", "0.05"}));
    spec.metrics = {std::string("outbursts.count"), std::string("activity.mean_active_fraction")};
    spec.seeds = {7, 8};
    return spec;
}

RunPlan plan_of(std::int64_t run_id, std::int64_t point, std::int64_t replicate, std::uint64_t seed,
                Strings values) {
    return RunPlan{.run_id = run_id,
                   .point = point,
                   .replicate = replicate,
                   .seed = seed,
                   .values = std::move(values)};
}

} // namespace

TEST(CsvField, PlainTextIsUnchanged) {
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("0.8"), "0.8");
    EXPECT_EQ(csv_field("outbursts.count"), "outbursts.count");
    EXPECT_EQ(csv_field("a b;c:d"), "a b;c:d");
}

TEST(CsvField, CommaQuoteAndLineBreaksAreQuoted) {
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("\""), "\"\"\"\"");
    EXPECT_EQ(csv_field("line\nbreak"), "\"line\nbreak\"");
    EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
}

TEST(SplitCsvLine, SplitsPlainAndQuotedFields) {
    EXPECT_EQ(split_csv_line(""), Strings{""});
    EXPECT_EQ(split_csv_line("a,b,c"), (Strings{"a", "b", "c"}));
    EXPECT_EQ(split_csv_line(",,"), (Strings{"", "", ""}));
    EXPECT_EQ(split_csv_line("1,\"x,y\",\"q\"\"q\",2"), (Strings{"1", "x,y", "q\"q", "2"}));
}

TEST(SplitCsvLine, RoundTripsCsvField) {
    const Strings fields{"",
                         "plain",
                         "with,comma",
                         "with \"quotes\"",
                         "\"",
                         "\"\"",
                         ",",
                         "multi\nline",
                         "tail,",
                         ",head",
                         "mixed, \"all\"\nof it",
                         ""};
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        line.append(i ? "," : "").append(csv_field(fields[i]));
    }
    EXPECT_EQ(split_csv_line(line), fields) << line;
}

TEST(RunsTable, ColumnsAreIdsAxesMetricsStatusError) {
    const SweepSpec spec = two_axis_spec();
    const RunsTable table(spec);
    const Strings expected{"run_id",
                           "point",
                           "replicate",
                           "seed",
                           "legitimacy.initial",
                           "population.cop_density",
                           "outbursts.count",
                           "activity.mean_active_fraction",
                           "status",
                           "error"};
    EXPECT_EQ(table.columns(), expected);
    EXPECT_EQ(table.header_line(),
              "run_id,point,replicate,seed,legitimacy.initial,population.cop_density,"
              "outbursts.count,activity.mean_active_fraction,status,error\n");
}

TEST(RunsTable, FixedParametersAreNotColumns) {
    SweepSpec spec = two_axis_spec();
    spec.fixed.push_back(SweepFixed{.key = std::string("ticks"), .value = std::string("200")});
    const RunsTable table(spec);
    EXPECT_EQ(table.columns().size(), 10U);
    for (const std::string& c : table.columns()) {
        EXPECT_NE(c, "ticks");
    }
}

TEST(RunsTable, NoAxesGivesOnlyIdsMetricsStatusError) {
    SweepSpec spec;
    spec.metrics = {std::string("ticks")};
    const RunsTable table(spec);
    EXPECT_EQ(table.header_line(), "run_id,point,replicate,seed,ticks,status,error\n");
}

TEST(RunsTable, RowOfAnOkRun) {
    const SweepSpec spec = two_axis_spec();
    const RunsTable table(spec);
    RunOutcome outcome;
    outcome.ok = true;
    outcome.metrics = {std::string("12"), std::string("0.0475")};
    const std::string line = table.row_line(plan_of(5, 2, 1, 8, {"0.9", "0.03"}), outcome);
    EXPECT_EQ(line, "5,2,1,8,0.9,0.03,12,0.0475,ok,\n");
    const Strings fields = split_csv_line(line.substr(0, line.size() - 1));
    EXPECT_EQ(fields.size(), table.columns().size());
}

TEST(RunsTable, RowOfAnOkRunWithAnUndefinedMetric) {
    const SweepSpec spec = two_axis_spec();
    const RunsTable table(spec);
    RunOutcome outcome;
    outcome.ok = true;
    outcome.metrics = {std::string(), std::string("0")};
    EXPECT_EQ(table.row_line(plan_of(0, 0, 0, 7, {"0.8", "0.03"}), outcome),
              "0,0,0,7,0.8,0.03,,0,ok,\n");
}

TEST(RunsTable, RowOfAFailedRun) {
    const SweepSpec spec = two_axis_spec();
    const RunsTable table(spec);
    RunOutcome outcome;
    outcome.ok = false;
    outcome.error = "--set:3:24: population.cop_density: expected a <= 1, found \"1.02\"\r\nsee "
                    "docs\nfor more";
    // Metrics of a failed run are never written, even if some were set.
    outcome.metrics = {std::string("99"), std::string("0.5")};
    const std::string line = table.row_line(plan_of(3, 1, 1, 8, {"0.8", "0.05"}), outcome);
    EXPECT_EQ(line, "3,1,1,8,0.8,0.05,,,error,\"--set:3:24: population.cop_density: expected a "
                    "<= 1, found \"\"1.02\"\"  see docs for more\"\n");
    // One line: the line breaks of the error were flattened.
    EXPECT_EQ(line.find('\n'), line.size() - 1);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    const Strings fields = split_csv_line(line.substr(0, line.size() - 1));
    ASSERT_EQ(fields.size(), table.columns().size());
    EXPECT_EQ(fields[8], "error");
    EXPECT_EQ(fields[9], "--set:3:24: population.cop_density: expected a <= 1, found \"1.02\"  "
                         "see docs for more");
}

// A journal read back refuses control characters: the rows written hold none.
TEST(RunsTable, ControlCharactersOfAnErrorBecomeSpaces) {
    const RunsTable table(two_axis_spec());
    RunOutcome outcome;
    outcome.error = std::string("bad\tvalue\x1b[2J\0end", 17);
    EXPECT_EQ(table.row_line(plan_of(0, 0, 0, 7, {"0.8", "0.03"}), outcome),
              "0,0,0,7,0.8,0.03,,,error,bad value [2J end\n");
}

TEST(RunsTable, AxisValuesNeedingQuotesAreQuoted) {
    SweepSpec spec;
    spec.axes.push_back(list_axis(std::string("activation.mode"), {"a,b"}));
    spec.metrics = {std::string("ticks")};
    const RunsTable table(spec);
    RunOutcome outcome;
    outcome.ok = true;
    outcome.metrics = {std::string("10")};
    EXPECT_EQ(table.row_line(plan_of(0, 0, 0, 1, {"a,b"}), outcome), "0,0,0,1,\"a,b\",10,ok,\n");
}

TEST(MetricValues, PicksNestedValuesIntegersAsIntegersNullAsEmpty) {
    SweepSpec spec;
    spec.metrics = {std::string("ticks"),
                    std::string("outbursts.count"),
                    std::string("outbursts.waiting_time.mean"),
                    std::string("outbursts.total_activation.mean"),
                    std::string("activity.mean_active_fraction"),
                    std::string("final.legitimacy"),
                    std::string("totals.arrests"),
                    std::string("outbursts.duration.sd")};
    const auto summary = nlohmann::ordered_json::parse(R"({
        "ticks": 200,
        "final": {"legitimacy": 0.82, "jailed": 3},
        "totals": {"arrests": 4846, "releases": 10},
        "activity": {"mean_active_fraction": 0.047535714285714285},
        "outbursts": {
            "count": 11,
            "waiting_time": {"n": 0, "mean": null, "sd": null},
            "total_activation": {"n": 11, "mean": 731.5, "sd": 20.25},
            "duration": {"n": 11, "mean": 3.0}
        }
    })");
    const Strings values = metric_values(spec, summary);
    const Strings expected{"200", "11", "", "731.5", "0.047535714285714285", "0.82", "4846", ""};
    EXPECT_EQ(values, expected);
}

TEST(MetricValues, MissingPathsAndNonObjectsAreEmpty) {
    SweepSpec spec;
    spec.metrics = {std::string("outbursts.count"), std::string("ticks.more"),
                    std::string("final.jailed")};
    const auto summary = nlohmann::ordered_json::parse(R"({"ticks": 5, "final": {}})");
    EXPECT_EQ(metric_values(spec, summary), (Strings{"", "", ""}));
}

TEST(MetricValues, RealsReadBackExactly) {
    SweepSpec spec;
    spec.metrics = {std::string("activity.mean_active_fraction")};
    const double v = 0.1 + 0.2; // 0.30000000000000004
    nlohmann::ordered_json summary;
    summary["activity"]["mean_active_fraction"] = v;
    const Strings values = metric_values(spec, summary);
    ASSERT_EQ(values.size(), 1U);
    EXPECT_EQ(std::stod(values[0]), v) << values[0];
}
