// The pre-pass over the parse events refuses, before the tree is built: deep nesting, a second
// document, alias bombs, and unknown or repeated keys before their values are parsed.
#include "scenario_test_util.hpp"

#include <string>

namespace unrest {
namespace {

using test::load_error;

const std::string root_keys =
    "name, description, source, seed, ticks, base, set, calendar, grid, population, vision, "
    "citizen, arrest, "
    "jail, movement, cops, legitimacy, activation, news, hardship, violence, gathering, "
    "mobilisation, casualties, sites, military, analysis, scale, regions, timeline, compare";

std::string repeated(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

TEST(YamlPrepass, NestingDeeperThan64Levels) {
    // The top-level mapping is level 1, the k-th '[' level k + 1: the 64th is one too many.
    const std::string deep = "name: a\nticks: 3\ndescription: " + std::string(10000, '[') +
                             std::string(10000, ']') + "\n";
    EXPECT_EQ(load_error(deep), "s.yaml:3:77: expected at most 64 levels of nesting, found deeper");
    const std::string deepest_allowed =
        "name: a\nticks: 3\ndescription: " + std::string(63, '[') + std::string(63, ']') + "\n";
    EXPECT_EQ(load_error(deepest_allowed),
              "s.yaml:3:14: description: expected a string, found a list");
    // Block style: one more level per line.
    std::string block = "name: a\nticks: 3\ndescription:\n";
    for (int i = 1; i <= 70; ++i) {
        block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    }
    EXPECT_EQ(load_error(block), "s.yaml:67:65: expected at most 64 levels of nesting, found "
                                 "deeper");
}

TEST(YamlPrepass, OneDocumentOnly) {
    EXPECT_EQ(load_error("name: a\nticks: 3\n---\nname: b\nticks: 4\n"),
              "s.yaml:3:1: expected one YAML document, found a second");
    EXPECT_EQ(load_error("name: a\nticks: 3\n--- \n"),
              "s.yaml:3:1: expected one YAML document, found a second");
    // A marker starting or ending the only document is fine.
    EXPECT_EQ(load_error("---\nname: a\nticks: 3\n...\n"), "no error");
}

TEST(YamlPrepass, UnknownKeyBeforeItsValueIsParsed) {
    // The value is never parsed: neither its own problem nor one after it is reported.
    EXPECT_EQ(load_error("name: a\nticks: 3\nbogus: [1, 2\n"),
              "s.yaml:3:1: bogus: unknown key 'bogus', expected one of: " + root_keys);
    EXPECT_EQ(load_error("name: a\nticks: 3\ngrid: {width: 10, widht: {[}\n"),
              "s.yaml:3:19: grid.widht: unknown key 'widht', did you mean 'width'?");
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy:\n  changes:\n    - {at: 3, set: 0.5}\n"
                         "    - at: 5\n      sett: [\n"),
              "s.yaml:7:7: legitimacy.changes[1].sett: unknown key 'sett', did you mean 'set'?");
    // Before the problems of the keys before it, which the reader finds later.
    EXPECT_EQ(load_error("name: [a]\nticks: 3\nvisoin: 3\n"),
              "s.yaml:3:1: visoin: unknown key 'visoin', did you mean 'vision'?");
}

TEST(YamlPrepass, RepeatedKeyBeforeItsValueIsParsed) {
    EXPECT_EQ(load_error("name: a\nticks: 3\nticks: [\n"),
              "s.yaml:3:1: ticks: expected each key once, found 'ticks' again (first on line 2)");
}

TEST(YamlPrepass, KeysWhereTheSchemaHasNoneAreLeftToTheReader) {
    EXPECT_EQ(load_error("name: a\nticks: {bogus: 1}\n"),
              "s.yaml:2:8: ticks: expected an integer >= 0, found a mapping");
    EXPECT_EQ(load_error("name: a\nticks: 3\nvision: [{bogus: 1}]\n"),
              "s.yaml:3:9: vision: expected a mapping, found a list");
    EXPECT_EQ(load_error("name: a\nticks: 3\nlegitimacy: {changes: {bogus: 1}}\n"),
              "s.yaml:3:23: legitimacy.changes: expected a list of changes, found a mapping");
}

// The 15 MB of values under the unknown key are scanned for binary data, never parsed (what
// that saves in time and memory is measured by BM_LoadRefusesAHugeValueUnderAnUnknownKey).
TEST(YamlPrepass, AHugeValueUnderAnUnknownKeyIsRefusedAtTheKey) {
    const std::string text = "name: x\nticks: 5\nbogus:\n" + repeated("- 1234567\n", 1'500'000);
    EXPECT_EQ(load_error(text),
              "s.yaml:3:1: bogus: unknown key 'bogus', expected one of: " + root_keys);
}

// Nine levels of ten aliases each would be a billion nodes to any code that follows them.
TEST(YamlPrepass, AliasBombs) {
    std::string text = "name: a\nticks: 3\ndescription:\n  - &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (const char* level : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
        const std::string previous(1, static_cast<char>(level[0] - 1));
        text += "  - &" + std::string(level) + " [*" + previous;
        for (int i = 1; i < 10; ++i) {
            text += ", *" + previous;
        }
        text += "]\n";
    }
    // Aliases have repeated 123440 values by the end of &e; each *e in &f repeats 111111 more.
    EXPECT_EQ(load_error(text),
              "s.yaml:9:37: expected at most 1000000 values repeated through aliases, found more");
    EXPECT_EQ(load_error("name: a\nticks: 3\ndescription: &a [*a]\n"),
              "s.yaml:3:18: expected an alias to a complete value, found one inside the value it "
              "names");
    // A few aliases are fine.
    const Scenario s = test::load("name: &n a\nticks: &t 3\ndescription: *n\n"
                                  "legitimacy: {initial: 0.9, changes: [{at: *t, set: 0.5}]}\n");
    EXPECT_EQ(s.description, "a");
    EXPECT_EQ(s.model.legitimacy.schedule.changes().at(0).from, 3);
}

} // namespace
} // namespace unrest
