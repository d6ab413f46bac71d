// Reading typed values out of a YAML tree, with every problem reported as a ScenarioError at
// the offending node (load.hpp). Internal to the scenario layer.
#pragma once

#include "choices.hpp"
#include "edit_distance.hpp"
#include "load.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest::detail {

// A value set by --set or by a flag (FlagOverride): problems with it, or with anything under it,
// are reported at the override ("--set:INDEX:COLUMN", or the flag: "--ticks") instead of in the
// file.
struct OverrideOrigin {
    std::string path; // the key path it set, e.g. "legitimacy.initial"
    int index = 0;    // 1-based position among the overrides, reported as the line
    int column = 0;   // 1-based column of the value within the override string
    std::string flag; // "--ticks" for a flag's; "" for a --set
    // The file that set it (`set:` of a scenario with `base:`): then `index` is its line there.
    std::string file;
};

// One value of the tree and where to report problems with it.
struct Field {
    YAML::Node node;
    YAML::Mark key_mark = YAML::Mark::null_mark(); // its key's position: used for empty values
    std::string path;                              // dotted key path, e.g. "jail.max_term"

    // The value's position, or its key's where the value is empty or has no position.
    YAML::Mark mark() const;
    Field child(const YAML::Node& value, const YAML::Mark& key, std::string_view name) const;
    Field item(const YAML::Node& value, std::size_t index) const;
};

// For "found ...": 'abc', the quoted string "abc", a mapping, a list, nothing.
std::string describe(const YAML::Node& node);

class YamlReader {
public:
    YamlReader(std::string file, std::vector<OverrideOrigin> overrides)
        : file_(std::move(file)), overrides_(std::move(overrides)) {}

    [[noreturn]] void fail(const Field& at, std::string_view expected,
                           std::string_view found) const;
    [[noreturn]] void fail_message(const Field& at, std::string message) const;
    [[noreturn]] void fail_message(const YAML::Mark& mark, const std::string& path,
                                   std::string message) const;
    // The file being read, as named in messages.
    const std::string& file() const noexcept { return file_; }
    // Whether the value at `path` was set by --set or a flag rather than by the file.
    bool overridden(std::string_view path) const noexcept {
        for (const OverrideOrigin& o : overrides_) {
            if (o.path == path) {
                return true;
            }
        }
        return false;
    }

private:
    std::string file_;
    std::vector<OverrideOrigin> overrides_;
};

// A mapping whose keys are all known (from the parameter table) and each given once; anything
// else is an error with a "did you mean" suggestion. An empty value counts as an empty mapping.
class Mapping {
public:
    Mapping(const YamlReader& reader, Field field, std::vector<std::string> known);

    // The value under `key`, if present. `key` must be one of the known keys.
    std::optional<Field> get(std::string_view key) const;
    // The same, or an error at this mapping when absent.
    Field require(std::string_view key) const;
    const Field& field() const noexcept { return field_; }

private:
    void check_known(std::string_view key) const;

    const YamlReader* reader_;
    Field field_;
    std::vector<std::string> known_;
    std::vector<std::pair<std::string, Field>> entries_;
};

// "unknown key 'visoin', did you mean 'vision'?" (or the list of known keys).
std::string unknown_key_message(std::string_view key, const std::vector<std::string>& known);

std::string read_string(const YamlReader& r, const Field& f);
bool read_bool(const YamlReader& r, const Field& f); // true or false only
std::int64_t read_integer(const YamlReader& r, const Field& f, std::int64_t min);
std::uint64_t read_unsigned(const YamlReader& r, const Field& f); // [0, 2^64)
double read_number(const YamlReader& r, const Field& f); // may be +-infinity (.inf); -0 reads 0
double read_finite(const YamlReader& r, const Field& f);
double read_probability(const YamlReader& r, const Field& f); // [0, 1]
double read_positive(const YamlReader& r, const Field& f);    // finite, > 0

std::string read_choice_name(const YamlReader& r, const Field& f,
                             const std::vector<std::string>& names);

template <class E>
E read_choice(const YamlReader& r, const Field& f, std::span<const Choice<E>> choices) {
    std::vector<std::string> names;
    for (const Choice<E>& c : choices) {
        names.emplace_back(c.name);
    }
    return *choice_value(choices, read_choice_name(r, f, names));
}

} // namespace unrest::detail
