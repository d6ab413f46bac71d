// The data dictionary must show the time-series columns exactly as the code defines them.
#include "sim/output/timeseries.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>

namespace unrest {
namespace {

TEST(Docs, OutputsMdColumnTableMatchesTheSchema) {
    const std::string path = std::string(UNREST_SOURCE_DIR) + "/docs/outputs.md";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << path;
    const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string begin = "<!-- timeseries-columns:begin -->\n";
    const std::string end = "<!-- timeseries-columns:end -->";
    const auto b = doc.find(begin);
    ASSERT_NE(b, std::string::npos) << "missing " << begin;
    const auto e = doc.find(end, b);
    ASSERT_NE(e, std::string::npos) << "missing " << end;
    EXPECT_EQ(doc.substr(b + begin.size(), e - b - begin.size()), timeseries_columns_markdown())
        << "docs/outputs.md is out of date: paste timeseries_columns_markdown() between the "
           "markers";
}

} // namespace
} // namespace unrest
