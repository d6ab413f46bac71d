#include "manifest.hpp"

#include "../scenario/load.hpp"
#include "unrest/build_info.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace unrest {

namespace detail {
namespace {

using nlohmann::ordered_json;

// Parses all of `text` as a T (no leading '+', no trailing characters).
template <typename T>
bool parse_all(std::string_view text, T& value) {
    const char* const first = text.data();
    const char* const last = first + text.size();
    const auto [end, error] = std::from_chars(first, last, value);
    return error == std::errc() && end == last;
}

ordered_json scalar_to_json(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    if (node.Tag() == "!" || text.empty()) { // quoted, or an empty string set in code
        return text;
    }
    if (text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return nullptr;
    }
    if (text == "true" || text == "True" || text == "TRUE") {
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        return false;
    }
    if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf" || text == "+.Inf" ||
        text == "+.INF") {
        return "inf";
    }
    if (text == "-.inf" || text == "-.Inf" || text == "-.INF") {
        return "-inf";
    }
    if (text == ".nan" || text == ".NaN" || text == ".NAN") {
        return "nan";
    }
    std::string_view number = text;
    if (number.size() > 1 && number.front() == '+') {
        number.remove_prefix(1); // from_chars does not accept a leading '+'
    }
    if (std::int64_t i = 0; parse_all(number, i)) {
        return i;
    }
    if (std::uint64_t u = 0; parse_all(number, u)) {
        return u;
    }
    // from_chars also reads "inf" and "nan"; those stay strings (JSON has no such numbers).
    if (double d = 0.0; parse_all(number, d) && std::isfinite(d)) {
        return d;
    }
    return text;
}

} // namespace
} // namespace detail

nlohmann::ordered_json yaml_to_json(const YAML::Node& node) {
    using nlohmann::ordered_json;
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        ordered_json object = ordered_json::object();
        for (const auto& entry : node) {
            object[entry.first.as<std::string>()] = yaml_to_json(entry.second);
        }
        return object;
    }
    case YAML::NodeType::Sequence: {
        ordered_json array = ordered_json::array();
        for (const auto& element : node) {
            array.push_back(yaml_to_json(element));
        }
        return array;
    }
    case YAML::NodeType::Scalar:
        return detail::scalar_to_json(node);
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return nullptr;
}

nlohmann::ordered_json build_info_json() {
    nlohmann::ordered_json j;
    j["version"] = build_info::version;
    j["git_revision"] = build_info::git_revision;
    j["build_type"] = build_info::build_type;
    j["compiler"] = build_info::compiler;
    j["flags"] = build_info::flags;
    return j;
}

nlohmann::ordered_json manifest_json(const Scenario& scenario, const Provenance& provenance) {
    nlohmann::ordered_json j;
    j["program"] = build_info_json();

    nlohmann::ordered_json run;
    run["scenario_name"] = scenario.name;
    run["scenario_file"] = provenance.scenario_file;
    run["scenario_sha256"] = provenance.scenario_sha256;
    run["seed"] = provenance.seed;
    run["ticks"] = provenance.ticks;
    run["threads"] = provenance.threads;
    run["started_utc"] = provenance.started_utc;
    run["wall_seconds"] = provenance.wall_seconds;
    run["overrides"] = provenance.overrides;
    run["command_line"] = provenance.command_line;
    j["run"] = std::move(run);
    j["files"] = provenance.files;

    j["parameters"] = yaml_to_json(resolved_yaml(scenario));
    return j;
}

} // namespace unrest
