// The metric registry declares every TickRecord field, once, and drives scaling and combining.
#include "records.hpp"
#include "sim/output/metrics.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>
#include <vector>

namespace unrest {
namespace {

TEST(Metrics, EveryTickRecordFieldButTheKeysIsAMetric) {
    EXPECT_EQ(aggregate_field_count<TickRecord>(), tick_record_key_fields + metrics.size());
    // A TickRecord with a distinct value in every field read back through the registry: each
    // metric reads its own field, none is read twice, and neither key is read.
    TickRecord record;
    record.tick = 1000;
    record.region = 1001;
    double next = 1.0;
    for (const Metric& m : metrics) {
        std::visit(
            [&](auto member) {
                using Value = std::remove_reference_t<decltype(record.*member)>;
                record.*member = static_cast<Value>(next);
            },
            m.field);
        next += 1.0;
    }
    std::set<double> seen;
    for (const Metric& m : metrics) {
        const MetricValue v = metric_value(m, record);
        const double d = std::visit([](auto x) { return static_cast<double>(x); }, v);
        EXPECT_TRUE(seen.insert(d).second) << m.name << " reads a field another metric reads";
        EXPECT_NE(d, 1000.0) << m.name;
        EXPECT_NE(d, 1001.0) << m.name;
    }
    EXPECT_EQ(seen.size(), metrics.size());
}

TEST(Metrics, NamesAreUniqueAndTheClassicOnesKept) {
    std::set<std::string_view> names;
    for (const Metric& m : metrics) {
        EXPECT_TRUE(names.insert(m.name).second) << m.name;
        EXPECT_FALSE(m.unit.empty()) << m.name;
        EXPECT_FALSE(m.description.empty()) << m.name;
    }
    for (const char* classic :
         {"quiet", "active", "jailed", "cops", "arrests", "releases", "legitimacy"}) {
        EXPECT_TRUE(names.contains(classic)) << classic;
    }
    EXPECT_FALSE(names.contains("tick"));
    EXPECT_FALSE(names.contains("region"));
}

TEST(Metrics, FlowsAreSummedStocksTakeTheLastValue) {
    for (const Metric& m : metrics) {
        const std::set<std::string_view> flows{
            "arrests",          "releases",      "protesters_killed", "bystanders_killed",
            "citizens_wounded", "police_killed", "police_wounded",    "military_killed",
            "military_wounded", "damage_usd"};
        const bool flow = flows.contains(m.name);
        EXPECT_EQ(m.daily == Reduction::sum, flow) << m.name;
        if (m.name == "jailed" || m.name == "active" || m.name == "cops") {
            EXPECT_EQ(m.daily, Reduction::last) << m.name;
        }
    }
}

TEST(Metrics, ScaleMultipliesCountsNotLegitimacy) {
    TickRecord r = test::classic(3, 10, 2, 1, 4, 1, 0, 0.82);
    r.dead = 5;
    r.comms = 0.5;
    r.news = 0.25;
    const TickRecord s = scale_to_persons(r, 100);
    EXPECT_EQ(s.tick, 3);
    EXPECT_EQ(s.region, 0);
    EXPECT_EQ(s.quiet, 1000);
    EXPECT_EQ(s.active, 200);
    EXPECT_EQ(s.jailed, 100);
    EXPECT_EQ(s.cops, 400);
    EXPECT_EQ(s.arrests, 100);
    EXPECT_EQ(s.dead, 500);
    EXPECT_EQ(s.legitimacy, 0.82);
    EXPECT_EQ(s.comms, 0.5);
    EXPECT_EQ(s.news, 0.25);
    for (const Metric& m : metrics) {
        const bool is_count = m.unit == "persons";
        EXPECT_EQ(m.scaled, is_count) << m.name;
    }
}

TEST(Metrics, CombineRegionsSumsCountsAndWeighsStates) {
    const std::vector<TickRecord> records{test::classic(4, 10, 5, 1, 2, 1, 0, 0.8, 0),
                                          test::classic(4, 20, 1, 3, 6, 2, 3, 0.2, 1)};
    const std::vector<std::int64_t> weights{1, 3};
    const TickRecord t = combine_regions(records, weights);
    EXPECT_EQ(t.tick, 4);
    EXPECT_EQ(t.region, 0);
    EXPECT_EQ(t.quiet, 30);
    EXPECT_EQ(t.active, 6);
    EXPECT_EQ(t.jailed, 4);
    EXPECT_EQ(t.cops, 8);
    EXPECT_EQ(t.arrests, 3);
    EXPECT_EQ(t.releases, 3);
    EXPECT_EQ(t.legitimacy, (1 * 0.8 + 3 * 0.2) / 4);
    EXPECT_EQ(t.comms, 1.0);
    // One region: unchanged, to the bit.
    const TickRecord one =
        combine_regions(std::span(records).first(1), std::span(weights).first(1));
    EXPECT_EQ(one.legitimacy, 0.8);
    EXPECT_THROW(combine_regions({}, {}), std::invalid_argument);
}

TEST(Metrics, ValuesAreWrittenExactly) {
    EXPECT_EQ(format_metric_value(std::int64_t{9007199254740993}), "9007199254740993");
    EXPECT_EQ(format_metric_value(0.1), "0.1");
    EXPECT_EQ(format_metric_value(1.0), "1");
    const double odd = 0.9 * 0.99 * 0.99;
    EXPECT_EQ(std::stod(format_metric_value(odd)), odd);
}

TEST(Metrics, MarkdownTableHasOneRowPerMetric) {
    const std::string table = metrics_markdown();
    EXPECT_EQ(std::count(table.begin(), table.end(), '\n'),
              static_cast<std::ptrdiff_t>(2 + metrics.size()));
    EXPECT_NE(table.find("| `arrests` | persons | sum | sum | yes | "), std::string::npos);
    EXPECT_NE(table.find("| `legitimacy` | fraction | mean | mean | no | "), std::string::npos);
}

} // namespace
} // namespace unrest
