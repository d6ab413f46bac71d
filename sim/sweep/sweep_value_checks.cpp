#include "sweep_value_checks.hpp"

#include "../scenario/load.hpp"
#include "../scenario/yaml_input.hpp"

#include <fmt/format.h>
#include <optional>
#include <unordered_set>

namespace unrest::detail {

namespace {

// One override string per check.
std::string override_text(const ValueCheck& c) {
    return fmt::format("{}={}", c.key, c.value);
}

// What a scenario error says, for "found VALUE (...)": overrides by key path and message, the
// scenario file's own problems with their location.
std::string scenario_problem(const ScenarioError& e, const std::string& key) {
    if (e.file() != "--set") {
        return e.what();
    }
    if (e.key_path().empty() || e.key_path() == key) {
        return e.message();
    }
    return fmt::format("{}: {}", e.key_path(), e.message());
}

[[noreturn]] void reject(const YamlReader& r, const ValueCheck& c, const ScenarioError& e) {
    r.fail(c.at, "a value the scenario accepts",
           fmt::format("{} ({})", c.value, scenario_problem(e, c.key)));
}

// The error loading the scenario with `checks` as overrides, if any.
std::optional<ScenarioError> try_load(const CheckedScenarioText& scenario,
                                      const std::vector<const ValueCheck*>& checks) {
    std::vector<std::string> overrides;
    overrides.reserve(checks.size());
    for (const ValueCheck* c : checks) {
        overrides.push_back(override_text(*c));
    }
    try {
        scenario.load(overrides);
    } catch (const ScenarioError& e) {
        return e;
    }
    return std::nullopt;
}

// Every value the sweep sets is one the scenario accepts. The baseline is the scenario with
// the fixed values and each axis's first value; each other axis value is tried in place of its
// axis's first value (once: a value given again gets the same answer). A problem with the
// baseline is blamed on the first override whose addition produces it, or on the scenario file
// itself. The scenario file is read and checked once, not once per value.
} // namespace

void check_values(const YamlReader& r, const SweepSpec& spec, const std::vector<ValueCheck>& fixed,
                  const std::vector<std::vector<ValueCheck>>& varied) {
    const CheckedScenarioText scenario(read_input_file(spec.scenario_file), spec.scenario_file);
    std::vector<const ValueCheck*> baseline;
    for (const ValueCheck& c : fixed) {
        baseline.push_back(&c);
    }
    const std::size_t first_axis = baseline.size();
    for (const std::vector<ValueCheck>& checks : varied) {
        baseline.push_back(&checks.front());
    }
    if (const auto error = try_load(scenario, baseline)) {
        const std::string what = error->what();
        for (std::size_t k = 0; k <= baseline.size(); ++k) {
            const std::vector<const ValueCheck*> prefix(
                baseline.begin(), baseline.begin() + static_cast<std::ptrdiff_t>(k));
            const auto e = try_load(scenario, prefix);
            if (e && (k == baseline.size() || e->what() == what)) {
                if (k == 0) {
                    throw *e; // the scenario file's own problem, located in it
                }
                reject(r, *baseline[k - 1], *e);
            }
        }
        throw *error; // not reached: the whole baseline fails as before
    }
    for (std::size_t a = 0; a < varied.size(); ++a) {
        std::unordered_set<std::string> tried{varied[a].front().value};
        for (std::size_t i = 1; i < varied[a].size(); ++i) {
            if (!tried.insert(varied[a][i].value).second) {
                continue;
            }
            std::vector<const ValueCheck*> overrides = baseline;
            overrides[first_axis + a] = &varied[a][i];
            if (const auto e = try_load(scenario, overrides)) {
                reject(r, varied[a][i], *e);
            }
        }
    }
}

} // namespace unrest::detail
