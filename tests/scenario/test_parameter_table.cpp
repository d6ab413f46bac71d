// The parameter table: the one schema behind unknown-key checks and docs/parameters.md.
#include "sim/scenario/choices.hpp"
#include "sim/scenario/edit_distance.hpp"
#include "sim/scenario/parameter_table.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace unrest {
namespace {

// The README and docs/parameters.md both embed the table; neither may drift from the schema.
TEST(ParameterTable, DocsEmbedTheRenderedTable) {
    for (const char* file : {"/docs/parameters.md", "/README.md"}) {
        const std::string path = std::string(UNREST_SOURCE_DIR) + file;
        std::ifstream in(path);
        ASSERT_TRUE(in) << path;
        std::stringstream text;
        text << in.rdbuf();
        const std::string doc = text.str();
        const std::string begin = "<!-- parameter-table:begin -->\n";
        const std::string end = "<!-- parameter-table:end -->";
        const std::size_t b = doc.find(begin);
        const std::size_t e = doc.find(end);
        ASSERT_NE(b, std::string::npos) << path;
        ASSERT_NE(e, std::string::npos) << path;
        EXPECT_EQ(doc.substr(b + begin.size(), e - b - begin.size()), parameter_table_markdown())
            << path << " is out of date: paste `unrest params` between the markers";
    }
}

TEST(ParameterTable, DefaultsComeFromTheStructs) {
    auto find = [](const std::string& key) {
        for (const ParameterDoc& row : parameter_table()) {
            if (row.key == key) {
                return row;
            }
        }
        ADD_FAILURE() << key;
        return ParameterDoc{};
    };
    EXPECT_EQ(find("vision.radius").default_value, "7");
    EXPECT_EQ(find("legitimacy.initial").default_value, "0.82");
    EXPECT_EQ(find("jail.max_term").default_value, "30");
    EXPECT_EQ(find("population.cop_density").default_value, "0.04");
    EXPECT_EQ(find("population.citizen_density").default_value, "0.7");
    EXPECT_EQ(find("arrest.k").default_value, "2.3");
    EXPECT_EQ(find("citizen.threshold").default_value, "0.1");
    EXPECT_EQ(find("activation.tiling").default_value, "auto");
    EXPECT_EQ(find("name").default_value, "required");
    EXPECT_TRUE(find("ticks").required);
    EXPECT_EQ(find("vision.shape").type, "disc | von_neumann | moore");
}

TEST(ParameterTable, KnownKeys) {
    EXPECT_EQ(known_keys("grid"),
              (std::vector<std::string>{"width", "height", "cell_size_m", "origin"}));
    EXPECT_EQ(known_keys("legitimacy"),
              (std::vector<std::string>{"initial", "changes", "feedback"}));
    EXPECT_EQ(known_keys("legitimacy.feedback"),
              (std::vector<std::string>{"enabled", "arrest_sensitivity", "recovery",
                                        "killing_sensitivity", "violence_sensitivity"}));
    EXPECT_EQ(known_keys(""),
              (std::vector<std::string>{
                  "name",   "description", "source",   "seed",       "ticks",        "base",
                  "set",    "calendar",    "grid",     "population", "vision",       "citizen",
                  "arrest", "jail",        "movement", "cops",       "legitimacy",   "activation",
                  "news",   "hardship",    "violence", "gathering",  "mobilisation", "casualties",
                  "sites",  "military",    "analysis", "scale",      "regions",      "timeline",
                  "compare"}));
    EXPECT_EQ(known_keys("calendar"),
              (std::vector<std::string>{"start", "time_zone", "tick", "end"}));
    EXPECT_TRUE(known_keys("ticks").empty());
    EXPECT_TRUE(known_keys("regions").empty()); // a list
    EXPECT_EQ(known_keys("news"),
              (std::vector<std::string>{"perceived_support", "grievance", "weights"}));
    EXPECT_TRUE(known_keys("nonsense").empty());
}

// Each choice table is the one place an enum's names live: names and values all distinct.
template <class E, std::size_t N>
void expect_one_name_per_value(const std::array<detail::Choice<E>, N>& choices) {
    for (std::size_t a = 0; a < N; ++a) {
        for (std::size_t b = a + 1; b < N; ++b) {
            EXPECT_NE(choices[a].name, choices[b].name);
            EXPECT_NE(choices[a].value, choices[b].value);
        }
    }
}

TEST(ParameterTable, ChoiceTablesNameEachValueOnce) {
    expect_one_name_per_value(detail::initial_counts_choices);
    expect_one_name_per_value(detail::vision_shape_choices);
    expect_one_name_per_value(detail::self_count_choices);
    expect_one_name_per_value(detail::arrest_ratio_choices);
    expect_one_name_per_value(detail::jail_term_choices);
    expect_one_name_per_value(detail::jail_placement_choices);
    expect_one_name_per_value(detail::jail_countdown_choices);
    expect_one_name_per_value(detail::activation_order_choices);
    expect_one_name_per_value(detail::activation_mode_choices);
    expect_one_name_per_value(detail::tiling_choices);
}

TEST(EditDistance, OptimalStringAlignment) {
    EXPECT_EQ(detail::edit_distance("", ""), 0u);
    EXPECT_EQ(detail::edit_distance("abc", ""), 3u);
    EXPECT_EQ(detail::edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(detail::edit_distance("visoin", "vision"), 1u); // a transposition
    EXPECT_EQ(detail::edit_distance("ab", "ba"), 1u);
}

TEST(EditDistance, ClosestMatch) {
    const std::vector<std::string> keys{"width", "height"};
    EXPECT_EQ(detail::closest_match("widht", keys), "width");
    EXPECT_EQ(detail::closest_match("heigth", keys), "height");
    EXPECT_EQ(detail::closest_match("depth", keys), std::nullopt);
    EXPECT_EQ(detail::closest_match("wid", keys), "width"); // a prefix
}

} // namespace
} // namespace unrest
