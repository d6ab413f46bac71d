#include "sweep_ranges.hpp"

#include "sweep_parameters.hpp"

#include <cmath>
#include <fmt/format.h>
#include <optional>
#include <string_view>
#include <utility>

namespace unrest::detail {

namespace {

// The check of a range or distribution end: rounded as the design will round it.
ValueCheck end_check(const std::string& key, const Field& f, double v, bool integer) {
    std::string text = f.node.Scalar();
    if (integer && std::fabs(v) < 9e18) {
        text = fmt::format("{}", std::llround(v));
    }
    return ValueCheck{key, std::move(text), f};
}

} // namespace

const std::vector<std::string>& range_keys() {
    static const std::vector<std::string> keys{"from",         "to",  "count", "scale",
                                               "distribution", "low", "high"};
    return keys;
}

SweepAxis read_range(const YamlReader& r, const Field& value, const std::string& parameter,
                     const ParameterDoc& row, SweepDesign design, std::vector<ValueCheck>& checks) {
    const Mapping m(r, value, range_keys());
    SweepAxis axis;
    axis.key = parameter;
    axis.integer = row.type.starts_with("integer");
    const std::optional<Field> distribution = m.get("distribution");
    if (distribution) {
        for (const char* key : {"from", "to", "count", "scale"}) {
            if (const auto f = m.get(key)) {
                r.fail_message(f->key_mark, f->path,
                               fmt::format("expected low and high with a distribution, found "
                                           "'{}'",
                                           key));
            }
        }
    } else {
        for (const char* key : {"low", "high"}) {
            if (const auto f = m.get(key)) {
                r.fail_message(f->key_mark, f->path,
                               fmt::format("expected '{}' only with a distribution (or from, to "
                                           "and count for a range), found it without one",
                                           key));
            }
        }
    }
    const std::string_view what = distribution ? "a distribution" : "a range";
    if (!is_numeric_type(row.type)) {
        r.fail(value,
               fmt::format("a list of values or a single value ({} takes {}, not a number)",
                           row.key, row.type),
               what);
    }
    if (distribution && design == SweepDesign::grid) {
        r.fail(value, "a list or a range with count for a grid design", what);
    }

    if (distribution) {
        const std::string name = read_choice_name(r, *distribution, {"uniform", "log_uniform"});
        axis.kind = name == "uniform" ? SweepAxis::Kind::uniform : SweepAxis::Kind::log_uniform;
        const Field low = m.require("low");
        const Field high = m.require("high");
        axis.low = read_finite(r, low);
        axis.high = read_finite(r, high);
        if (axis.kind == SweepAxis::Kind::log_uniform && !(axis.low > 0.0)) {
            r.fail(low, "a number > 0 with distribution: log_uniform", low.node.Scalar());
        }
        if (!(axis.high > axis.low)) {
            r.fail(high, fmt::format("a number > low ({})", low.node.Scalar()), high.node.Scalar());
        }
        checks.push_back(end_check(axis.key, low, axis.low, axis.integer));
        checks.push_back(end_check(axis.key, high, axis.high, axis.integer));
        return axis;
    }

    const Field from = m.require("from");
    const Field to = m.require("to");
    const Field count = m.require("count");
    axis.low = read_finite(r, from);
    axis.high = read_finite(r, to);
    axis.count = read_integer(r, count, 1);
    if (axis.count > max_points) {
        r.fail(count, fmt::format("an integer in [1, {}]", max_points), count.node.Scalar());
    }
    axis.kind = SweepAxis::Kind::linear;
    if (const auto scale = m.get("scale")) {
        if (read_choice_name(r, *scale, {"linear", "log"}) == "log") {
            axis.kind = SweepAxis::Kind::log;
        }
    }
    if (axis.kind == SweepAxis::Kind::log) {
        for (const auto& [f, v] : {std::pair{&from, axis.low}, std::pair{&to, axis.high}}) {
            if (!(v > 0.0)) {
                r.fail(*f, "a number > 0 with scale: log", f->node.Scalar());
            }
        }
    }
    checks.push_back(end_check(axis.key, from, axis.low, axis.integer));
    if (axis.count > 1) {
        checks.push_back(end_check(axis.key, to, axis.high, axis.integer));
    }
    return axis;
}

} // namespace unrest::detail
