// The golden baseline: Model I's numbers do not move unless a commit says so.
//
// Each case of tests/golden/cases.tsv is run with the real `unrest` binary and compared byte for
// byte against tests/golden/<case>/: every column of the baseline's timeseries.csv must read
// exactly the same (new columns may be added around them; when the file gains a `region` column,
// the rows of the run's one region are compared), and every value of the baseline's summary.json
// must be present, at the same place, with the same text. So the output formats may grow, but no
// number of Model I may change. scripts/update_baseline.sh rewrites the baseline, for a deliberate
// change of results only, committed on its own.
#include "../cli/cli_test_util.hpp"

#include <gtest/gtest.h>
#include <optional>
#include <set>

namespace unrest {
namespace {

using namespace cli_test;

struct GoldenCase {
    std::string name;
    std::string scenario;
    std::vector<std::string> args;
};

void PrintTo(const GoldenCase& c, std::ostream* os) {
    *os << c.name << " (" << c.scenario << ")";
}

std::vector<GoldenCase> golden_cases() {
    std::vector<GoldenCase> cases;
    for (const std::string& line :
         split(read_file(source_dir() / "tests/golden/cases.tsv"), '\n')) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::vector<std::string> parts = split(line, '\t');
        GoldenCase c{parts.at(0), parts.at(1), {}};
        if (parts.size() > 2) {
            for (const std::string& word : split(parts[2], ' ')) {
                if (!word.empty()) {
                    c.args.push_back(word);
                }
            }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// The baseline's columns, taken from `now` in the baseline's order, as CSV text.
std::string project(const Csv& baseline, const Csv& now) {
    std::vector<std::size_t> at;
    for (const std::string& name : baseline.header) {
        at.push_back(now.column(name));
    }
    std::optional<std::size_t> region;
    for (std::size_t i = 0; i < now.header.size(); ++i) {
        if (now.header[i] == "region") {
            region = i;
        }
    }
    std::string text = fmt::format("{}\n", fmt::join(baseline.header, ","));
    for (const std::vector<std::string>& row : now.rows) {
        if (region && row.at(*region) != now.rows.front().at(*region)) {
            continue;
        }
        std::vector<std::string> cells;
        for (const std::size_t i : at) {
            cells.push_back(row.at(i));
        }
        text += fmt::format("{}\n", fmt::join(cells, ","));
    }
    return text;
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, NumbersMatchTheBaseline) {
    const GoldenCase& c = GetParam();
    const fs::path expected = source_dir() / "tests/golden" / c.name;
    const TempDir tmp;
    std::vector<std::string> args{"run", scenario_path(c.scenario).string(), "--out",
                                  (tmp / "out").string(), "--quiet"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const Result r = unrest(args);
    ASSERT_EQ(r.status, 0) << describe(r);

    const Csv baseline = read_csv(expected / "timeseries.csv");
    const std::string projected = project(baseline, read_csv(tmp / "out/timeseries.csv"));
    EXPECT_EQ(projected, read_file(expected / "timeseries.csv"))
        << c.name << ": timeseries.csv differs from the golden baseline";

    const nlohmann::json want = read_json(expected / "summary.json").flatten();
    const nlohmann::json got = read_json(tmp / "out/summary.json").flatten();
    for (const auto& [pointer, value] : want.items()) {
        ASSERT_TRUE(got.contains(pointer)) << c.name << ": summary.json lost " << pointer;
        EXPECT_EQ(got.at(pointer).dump(), value.dump()) << c.name << ": summary.json " << pointer;
    }
}

INSTANTIATE_TEST_SUITE_P(Baseline, Golden, ::testing::ValuesIn(golden_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& param_info) {
                             return param_info.param.name;
                         });

TEST(GoldenCases, CoverEveryEpstein2002Preset) {
    std::set<std::string> covered;
    for (const GoldenCase& c : golden_cases()) {
        covered.insert(c.scenario);
    }
    for (const auto& e : fs::directory_iterator(source_dir() / "scenarios/epstein2002")) {
        const std::string preset = "epstein2002/" + e.path().filename().string();
        EXPECT_TRUE(covered.contains(preset)) << preset << " has no golden baseline case";
    }
}

} // namespace
} // namespace unrest
