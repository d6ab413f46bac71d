// The values of an event's own keys (set, severity, sites, ...), already typed and converted by
// the scenario reader (rates to per tick), and the declaration of those keys that the reader,
// the printer and the parameter table work from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace unrest {

enum class ParamKind {
    number,      // finite
    probability, // in [0, 1]
    positive,    // finite, > 0
    nonnegative, // finite, >= 0
    rate,        // finite; given per tick, per hour or per day, stored per tick
    count,       // integer >= 1
    choice,      // one of ParamSpec::choices
    names,       // a list of names (a single name is a list of one)
    flag,        // true or false
};

// One key an event type takes.
struct ParamSpec {
    std::string key;
    ParamKind kind = ParamKind::number;
    std::string meaning;              // for the parameter table and docs/timeline.md
    std::vector<std::string> choices; // kind choice
    std::string unit;                 // "" when dimensionless
};

// number, probability, positive, nonnegative, rate: double; count: int64; choice: string;
// names: vector<string>; flag: bool.
using ParamValue = std::variant<double, std::int64_t, bool, std::string, std::vector<std::string>>;

class EventParams {
public:
    // Replaces the value under `key` if there is one.
    void set(std::string key, ParamValue value);
    bool has(std::string_view key) const noexcept;
    // The value under `key`; std::logic_error when absent or of another type (a bug: the reader
    // checked the keys and their kinds).
    double number(std::string_view key) const;
    std::int64_t count(std::string_view key) const;
    bool flag(std::string_view key) const;
    const std::string& text(std::string_view key) const;
    const std::vector<std::string>& names(std::string_view key) const;
    // In the order set.
    const std::vector<std::pair<std::string, ParamValue>>& entries() const noexcept {
        return entries_;
    }
    bool operator==(const EventParams&) const = default;

private:
    const ParamValue& at(std::string_view key) const;
    std::vector<std::pair<std::string, ParamValue>> entries_;
};

} // namespace unrest
