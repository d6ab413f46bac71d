#include "yaml_reader.hpp"

#include "input_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

namespace unrest::detail {

namespace {

// `path` is `prefix` or lies under it ("a.b" under "a", "a[2]" under "a").
bool under(std::string_view path, std::string_view prefix) {
    if (!path.starts_with(prefix)) {
        return false;
    }
    return path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[';
}

[[noreturn]] void fail_at(const OverrideOrigin& origin, const std::string& path,
                          std::string message) {
    if (!origin.flag.empty()) {
        throw ScenarioError(origin.flag, 0, 0, path, std::move(message));
    }
    if (!origin.file.empty()) {
        throw ScenarioError(origin.file, origin.index, origin.column, path, std::move(message));
    }
    throw ScenarioError("--set", origin.index, origin.column, path, std::move(message));
}

bool is_plain_scalar(const YAML::Node& node) {
    return node.IsScalar() && node.Tag() != "!";
}

std::string join(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const std::string& n : names) {
        if (!out.empty()) {
            out += separator;
        }
        out += n;
    }
    return out;
}

} // namespace

YAML::Mark Field::mark() const {
    if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) {
        return key_mark;
    }
    return node.Mark();
}

Field Field::child(const YAML::Node& value, const YAML::Mark& key, std::string_view name) const {
    return {value, key, path.empty() ? std::string(name) : path + "." + std::string(name)};
}

Field Field::item(const YAML::Node& value, std::size_t index) const {
    return {value, value.Mark().is_null() ? mark() : value.Mark(),
            fmt::format("{}[{}]", path, index)};
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return "nothing";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a mapping";
    case YAML::NodeType::Scalar:
        break;
    }
    // Escaped: a value may hold control characters (from --set, or a quoted "\e" in the file).
    if (node.Tag() == "!") {
        return fmt::format("the quoted string \"{}\"", printable(node.Scalar()));
    }
    return fmt::format("'{}'", printable(node.Scalar()));
}

void YamlReader::fail(const Field& at, std::string_view expected, std::string_view found) const {
    fail_message(at, fmt::format("expected {}, found {}", expected, found));
}

void YamlReader::fail_message(const Field& at, std::string message) const {
    fail_message(at.mark(), at.path, std::move(message));
}

void YamlReader::fail_message(const YAML::Mark& mark, const std::string& path,
                              std::string message) const {
    // The latest override that set this value or one above it.
    for (auto it = overrides_.rbegin(); it != overrides_.rend(); ++it) {
        if (under(path, it->path)) {
            fail_at(*it, path, std::move(message));
        }
    }
    if (mark.is_null()) {
        // A mapping created by an override: report the override that created it.
        for (auto it = overrides_.rbegin(); it != overrides_.rend(); ++it) {
            if (under(it->path, path)) {
                fail_at(*it, path, std::move(message));
            }
        }
        throw ScenarioError(file_, 1, 1, path, std::move(message));
    }
    throw ScenarioError(file_, mark.line + 1, mark.column + 1, path, std::move(message));
}

std::string unknown_key_message(std::string_view key, const std::vector<std::string>& known) {
    if (known.empty()) {
        return fmt::format("unknown key '{}': this value takes no keys", key);
    }
    if (const auto match = closest_match(key, known)) {
        return fmt::format("unknown key '{}', did you mean '{}'?", key, *match);
    }
    return fmt::format("unknown key '{}', expected one of: {}", key, join(known, ", "));
}

Mapping::Mapping(const YamlReader& reader, Field field, std::vector<std::string> known)
    : reader_(&reader), field_(std::move(field)), known_(std::move(known)) {
    const YAML::Node& node = field_.node;
    if (!node.IsDefined() || node.IsNull()) {
        return;
    }
    if (!node.IsMap()) {
        reader.fail(field_, "a mapping", describe(node));
    }
    for (const auto& entry : node) {
        const YAML::Node key = entry.first; // a copy: the iterator's value is a temporary
        if (!key.IsScalar()) {
            reader.fail(Field{key, key.Mark(), field_.path}, "a key name", describe(key));
        }
        const std::string name = key.Scalar();
        Field value = field_.child(entry.second, key.Mark(), name);
        if (std::find(known_.begin(), known_.end(), name) == known_.end()) {
            reader.fail_message(key.Mark(), value.path, unknown_key_message(name, known_));
        }
        for (const auto& [seen, first] : entries_) {
            if (seen == name) {
                reader.fail_message(key.Mark(), value.path,
                                    fmt::format("expected each key once, found '{}' again "
                                                "(first on line {})",
                                                name, first.key_mark.line + 1));
            }
        }
        entries_.emplace_back(name, std::move(value));
    }
}

void Mapping::check_known(std::string_view key) const {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        // A reader asked for a key the schema does not declare: a bug, not a user error.
        throw std::logic_error(fmt::format("scenario key '{}' under '{}' is not in the parameter "
                                           "table",
                                           key, field_.path));
    }
}

std::optional<Field> Mapping::get(std::string_view key) const {
    check_known(key);
    for (const auto& [name, value] : entries_) {
        if (name == key) {
            return value;
        }
    }
    return std::nullopt;
}

Field Mapping::require(std::string_view key) const {
    if (auto value = get(key)) {
        return *value;
    }
    const std::string path =
        field_.path.empty() ? std::string(key) : field_.path + "." + std::string(key);
    reader_->fail_message(field_.mark(), path,
                          fmt::format("expected a value for required key '{}', found none", key));
}

std::string read_string(const YamlReader& r, const Field& f) {
    if (!f.node.IsScalar()) {
        r.fail(f, "a string", describe(f.node));
    }
    return f.node.Scalar();
}

bool read_bool(const YamlReader& r, const Field& f) {
    if (is_plain_scalar(f.node)) {
        if (f.node.Scalar() == "true") {
            return true;
        }
        if (f.node.Scalar() == "false") {
            return false;
        }
    }
    r.fail(f, "true or false", describe(f.node));
}

namespace {

// What "found" says of a value that is not a number of the kind expected: a value that is one
// but does not fit the type says so, as otherwise it would look valid.
std::string not_a_number(const YAML::Node& node, std::errc ec) {
    return ec == std::errc::result_out_of_range ? describe(node) + " (out of range)"
                                                : describe(node);
}

// An integer of type T written in decimal (with an optional '+'), or the error from_chars gave
// (invalid_argument when the text is not all digits).
template <class T>
std::pair<T, std::errc> parse_integer(const YAML::Node& node) {
    if (!is_plain_scalar(node)) {
        return {T{}, std::errc::invalid_argument};
    }
    std::string_view s = node.Scalar();
    if (s.starts_with('+')) {
        s.remove_prefix(1);
    }
    T value{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || end != s.data() + s.size()) {
        return {T{}, std::errc::invalid_argument};
    }
    return {value, ec};
}

} // namespace

std::int64_t read_integer(const YamlReader& r, const Field& f, std::int64_t min) {
    const auto [value, ec] = parse_integer<std::int64_t>(f.node);
    const std::string expected = fmt::format("an integer >= {}", min);
    if (ec != std::errc()) {
        r.fail(f, expected, not_a_number(f.node, ec));
    }
    if (value < min) {
        r.fail(f, expected, f.node.Scalar());
    }
    return value;
}

std::uint64_t read_unsigned(const YamlReader& r, const Field& f) {
    const auto [value, ec] = parse_integer<std::uint64_t>(f.node);
    if (ec != std::errc()) {
        r.fail(f, "an integer in [0, 2^64)", not_a_number(f.node, ec));
    }
    return value;
}

double read_number(const YamlReader& r, const Field& f) {
    if (is_plain_scalar(f.node)) {
        std::string_view s = f.node.Scalar();
        double sign = 1.0;
        if (s.starts_with('+') || s.starts_with('-')) {
            sign = s.front() == '-' ? -1.0 : 1.0;
            s.remove_prefix(1);
        }
        if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "inf") {
            return sign * std::numeric_limits<double>::infinity();
        }
        // Decimal digits only: from_chars would also take "nan" and "infinity".
        const bool decimal = !s.empty() && (std::isdigit(static_cast<unsigned char>(s.front())) ||
                                            (s.front() == '.' && s.size() > 1));
        double value = 0.0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (decimal && end == s.data() + s.size()) {
            if (ec == std::errc()) {
                return sign * value + 0.0; // -0 is 0: no output may say -0
            }
            r.fail(f, "a number", not_a_number(f.node, ec)); // 1e309, 1e-400
        }
    }
    r.fail(f, "a number", describe(f.node));
}

double read_finite(const YamlReader& r, const Field& f) {
    const double v = read_number(r, f);
    if (!std::isfinite(v)) {
        r.fail(f, "a finite number", f.node.Scalar());
    }
    return v;
}

double read_probability(const YamlReader& r, const Field& f) {
    const double v = read_number(r, f);
    if (!(v >= 0.0 && v <= 1.0)) {
        r.fail(f, "a probability in [0, 1]", f.node.Scalar());
    }
    return v;
}

double read_positive(const YamlReader& r, const Field& f) {
    const double v = read_number(r, f);
    if (!(v > 0.0) || !std::isfinite(v)) {
        r.fail(f, "a finite number > 0", f.node.Scalar());
    }
    return v;
}

std::string read_choice_name(const YamlReader& r, const Field& f,
                             const std::vector<std::string>& names) {
    const std::string expected = "one of " + join(names, ", ");
    if (!f.node.IsScalar()) {
        r.fail(f, expected, describe(f.node));
    }
    const std::string& name = f.node.Scalar();
    if (std::find(names.begin(), names.end(), name) != names.end()) {
        return name;
    }
    if (const auto match = closest_match(name, names)) {
        r.fail(f, expected, fmt::format("'{}' (did you mean '{}'?)", name, *match));
    }
    r.fail(f, expected, describe(f.node));
}

} // namespace unrest::detail
