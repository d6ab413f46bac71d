// The data dictionary (docs/outputs.md) must show the columns and metrics exactly as the code
// defines them: each generated table sits between markers and is compared with its generator.
// On a mismatch the corrected file is written next to the test program (outputs.md.expected).
#include "sim/output/daily.hpp"
#include "sim/output/events_csv.hpp"
#include "sim/output/metrics.hpp"
#include "sim/output/timeseries.hpp"

#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace unrest {
namespace {

// Marker name -> the generated Markdown that belongs between its begin and end markers.
std::vector<std::pair<std::string, std::string>> generated_sections() {
    return {{"timeseries-columns", timeseries_columns_markdown()},
            {"metrics", metrics_markdown()},
            {"daily-columns", daily_columns_markdown()},
            {"events-columns", events_columns_markdown()}};
}

TEST(Docs, OutputsMdGeneratedTablesMatchTheCode) {
    const std::string path = std::string(UNREST_SOURCE_DIR) + "/docs/outputs.md";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << path;
    const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::string fixed = doc;
    bool same = true;
    for (const auto& [name, table] : generated_sections()) {
        const std::string begin = "<!-- " + name + ":begin -->\n";
        const std::string end = "<!-- " + name + ":end -->";
        const auto b = fixed.find(begin);
        ASSERT_NE(b, std::string::npos) << "docs/outputs.md: missing " << begin;
        const auto e = fixed.find(end, b);
        ASSERT_NE(e, std::string::npos) << "docs/outputs.md: missing " << end;
        const std::size_t from = b + begin.size();
        if (fixed.substr(from, e - from) != table) {
            ADD_FAILURE() << "docs/outputs.md: the " << name << " table is out of date";
            same = false;
            fixed.replace(from, e - from, table);
        }
    }
    if (!same) {
        std::ofstream out("outputs.md.expected", std::ios::binary);
        out << fixed;
        ADD_FAILURE() << "the corrected file is build/tests/outputs.md.expected: copy it onto "
                         "docs/outputs.md";
    }
}

} // namespace
} // namespace unrest
