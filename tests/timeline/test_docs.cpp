#include "sim/timeline/registry.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>

using namespace unrest;

// docs/timeline.md has a section per event type that names each of its keys.
TEST(TimelineDocs, EveryTypeAndKeyIsDocumented) {
    std::ifstream in(std::string(UNREST_SOURCE_DIR) + "/docs/timeline.md");
    ASSERT_TRUE(in) << "docs/timeline.md";
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    for (const EventType* t : event_types()) {
        const std::string heading = "### `" + t->name + "`";
        const std::size_t start = doc.find(heading);
        ASSERT_NE(start, std::string::npos) << heading;
        const std::size_t end = doc.find("\n## ", start + 1) < doc.find("\n### ", start + 1)
                                    ? doc.find("\n## ", start + 1)
                                    : doc.find("\n### ", start + 1);
        const std::string section = doc.substr(start, end - start);
        for (const ParamSpec& p : t->params) {
            EXPECT_NE(section.find("`" + p.key), std::string::npos) << t->name << "." << p.key;
        }
        EXPECT_NE(section.find("type: " + t->name), std::string::npos) << t->name << ": no example";
    }
}
