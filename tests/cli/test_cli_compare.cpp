// compare: end to end (docs/reported_figures.md): a small two-region calendar scenario with a
// reported-figures file beside it; the run writes comparison.csv, whose simulated values must be
// those of daily.csv and timeseries.csv, and prints the shown figures; `unrest validate` checks a
// reported-figures file.
#include "cli_test_util.hpp"

#include <map>

namespace unrest::cli_test {
namespace {

fs::path data(std::string_view name) {
    return source_dir() / "tests/cli/data/compare" / name;
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) {
        cells.push_back(cell);
    }
    if (!line.empty() && line.back() == ',') {
        cells.emplace_back();
    }
    return cells;
}

// The rows of a CSV file without quoted fields, by the value of its first column.
std::map<std::string, std::map<std::string, std::string>> rows_by_id(const std::string& text) {
    std::stringstream s(text);
    std::string line;
    std::getline(s, line);
    const std::vector<std::string> header = split(line);
    std::map<std::string, std::map<std::string, std::string>> rows;
    while (std::getline(s, line)) {
        const std::vector<std::string> cells = split(line);
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) {
            rows[cells[0]][header[i]] = cells[i];
        }
    }
    return rows;
}

TEST(Compare, RunWritesComparisonCsvFromTheRunsOwnNumbers) {
    const TempDir tmp;
    const fs::path out = tmp / "run";
    const Result r =
        unrest({"run", data("two_cities_compare.yaml").string(), "--out", out.string()});
    ASSERT_EQ(r.status, 0) << describe(r);
    ASSERT_TRUE(fs::exists(out / "comparison.csv"));
    EXPECT_NE(read_file(out / "manifest.json").find("\"comparison.csv\""), std::string::npos);
    auto rows = rows_by_id(read_file(out / "comparison.csv"));
    ASSERT_EQ(rows.size(), 8U);

    // West's arrests on its own 3 January: the sum of daily.csv's row.
    std::int64_t west_day3 = -1;
    {
        std::stringstream s(read_file(out / "daily.csv"));
        std::string line;
        std::getline(s, line);
        const std::vector<std::string> header = split(line);
        const auto col = static_cast<std::size_t>(
            std::find(header.begin(), header.end(), "arrests") - header.begin());
        while (std::getline(s, line)) {
            const std::vector<std::string> c = split(line);
            if (c[0] == "West" && c[1] == "2022-01-03") {
                west_day3 = std::stoll(c[col]);
            }
        }
    }
    ASSERT_GE(west_day3, 0);
    EXPECT_EQ(rows["arrests_west_2022-01-03"]["simulated"], std::to_string(west_day3));
    EXPECT_EQ(rows["arrests_mangystau_2022-01-03"]["simulated"], std::to_string(west_day3));
    const bool dozens = west_day3 >= 24 && west_day3 <= 99;
    EXPECT_EQ(rows["arrests_west_2022-01-03"]["within"], dozens ? "yes" : "no");
    EXPECT_EQ(rows["arrests_west_2022-01-03"]["reported_min"], "24");
    EXPECT_EQ(rows["arrests_west_2022-01-03"]["reported_max"], "99");

    // Cumulative national detained on 4 January: the whole run's arrests (the run ends at the
    // end of 4 January in East; West's 4 January ends an hour later: partial).
    const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
    EXPECT_EQ(rows["detained_national_2022-01-04"]["simulated"],
              std::to_string(summary["totals"]["arrests"].get<std::int64_t>()));
    EXPECT_EQ(rows["detained_national_2022-01-04"]["why"],
              "partial: the run covers part of the figure's dates");

    EXPECT_EQ(rows["police_dead_national_2022-01-04"]["simulated"], "0");
    EXPECT_EQ(rows["cars_burned_east_2022-01-03"]["within"], "not simulated");
    EXPECT_EQ(rows["cars_burned_east_2022-01-03"]["why"],
              "the model does not simulate vehicles_burned");
    EXPECT_EQ(rows["crowd_aktau_2022-01-03"]["why"], "region aktau is not in the run");
    EXPECT_EQ(rows["arrests_east_2022-01-07"]["why"],
              "no tick of the run starts within the figure's dates");

    // The table: the simulated figures the run covers in full (show: not given).
    EXPECT_NE(r.out.find("reported figures (reported.yaml): 5 of 8 simulated"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("  quantity"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("arrests   west       2022-01-03"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("vehicles_burned"), std::string::npos) << r.out;

    // --quiet: no table.
    const Result q = unrest({"run", data("two_cities_compare.yaml").string(), "--out",
                             (tmp / "quiet").string(), "--quiet"});
    ASSERT_EQ(q.status, 0) << describe(q);
    EXPECT_EQ(q.out, "");
    EXPECT_EQ(read_file(tmp / "quiet/comparison.csv"), read_file(out / "comparison.csv"));
}

TEST(Compare, ValidateAcceptsAReportedFiguresFile) {
    const Result r = unrest({"validate", data("reported.yaml").string()});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_NE(r.out.find("ok (reported figures: 8, 7 of a simulated quantity)"), std::string::npos)
        << r.out;
    const Result kz = unrest({"validate", scenario_path("kazakhstan2022/reported.yaml").string()});
    EXPECT_EQ(kz.status, 0) << describe(kz);
    EXPECT_NE(kz.out.find("ok (reported figures: 43,"), std::string::npos) << kz.out;
    const Result set =
        unrest({"validate", data("reported.yaml").string(), "--set", "legitimacy=0.5"});
    EXPECT_EQ(set.status, 2) << describe(set);
    const Result help = unrest({"validate", "--help"});
    EXPECT_NE(help.out.find("reported-figures"), std::string::npos) << help.out;
}

} // namespace
} // namespace unrest::cli_test
