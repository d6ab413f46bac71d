#include "schedule_reader.hpp"

#include "parameter_table.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <string>

namespace unrest::detail {

namespace {

using Kind = ScheduleChange::Kind;

struct Form {
    const char* value_key;
    Kind kind;
    const char* text; // the form, for errors
};

constexpr std::array<Form, 4> forms{{
    {"set", Kind::set, "{at: T, set: V}"},
    {"ramp_to", Kind::ramp, "{from: T, to: T2, ramp_to: V}"},
    {"add_per_tick", Kind::add_per_tick, "{from: T, to: T2, add_per_tick: D} (to optional)"},
    {"multiply_per_tick", Kind::multiply_per_tick,
     "{from: T, to: T2, multiply_per_tick: F} (to optional)"},
}};

// Rounding in add_per_tick / multiply_per_tick (0.4 + 60 x 0.01) must not count as leaving
// [0, 1]; the engine clamps L(t) to [0, 1].
constexpr double range_tolerance = 1e-9;

// The last tick a change acts on: where the next one may start after.
Tick end_of(const ScheduleChange& c) {
    return c.kind == Kind::set ? c.from : c.to;
}

struct ReadChange {
    ScheduleChange change;
    Field start; // the `at` or `from` field
    Field value;
};

ReadChange read_change(const YamlReader& r, const Field& f) {
    const Mapping m(r, f, schedule_change_keys());
    const Form* form = nullptr;
    Field value;
    for (const Form& candidate : forms) {
        if (auto v = m.get(candidate.value_key)) {
            if (form != nullptr) {
                r.fail(*v, "only one of set, ramp_to, add_per_tick, multiply_per_tick",
                       fmt::format("both '{}' and '{}'", form->value_key, candidate.value_key));
            }
            form = &candidate;
            value = *v;
        }
    }
    if (form == nullptr) {
        r.fail(f, "a change with one of set, ramp_to, add_per_tick, multiply_per_tick",
               "none of them");
    }
    // Keys that do not belong to this form.
    const bool is_set = form->kind == Kind::set;
    for (const char* key : {"at", "from", "to"}) {
        const bool allowed = is_set ? std::string_view(key) == "at" : std::string_view(key) != "at";
        if (auto extra = m.get(key); extra && !allowed) {
            r.fail_message(extra->key_mark, extra->path,
                           fmt::format("expected the form {}, found '{}'", form->text, key));
        }
    }

    ReadChange out{{}, {}, value};
    out.change.kind = form->kind;
    out.start = m.require(is_set ? "at" : "from");
    out.change.from = read_integer(r, out.start, 1);
    if (form->kind == Kind::ramp) {
        const Field to = m.require("to");
        out.change.to = read_integer(r, to, 1);
        if (out.change.to <= out.change.from) {
            r.fail(to, fmt::format("a tick after from = {}", out.change.from), to.node.Scalar());
        }
    } else if (!is_set) {
        if (auto to = m.get("to")) {
            out.change.to = read_integer(r, *to, 1);
            if (out.change.to < out.change.from) {
                r.fail(*to, fmt::format("a tick >= from = {}", out.change.from), to->node.Scalar());
            }
        }
    }
    switch (form->kind) {
    case Kind::set:
    case Kind::ramp:
        out.change.value = read_probability(r, value);
        break;
    case Kind::add_per_tick:
        out.change.value = read_finite(r, value);
        break;
    case Kind::multiply_per_tick:
        out.change.value = read_positive(r, value);
        break;
    }
    return out;
}

} // namespace

ScheduleChanges read_schedule_changes(const YamlReader& r, const Field& list) {
    ScheduleChanges out;
    if (!list.node.IsDefined()) {
        return out;
    }
    if (!list.node.IsSequence()) {
        r.fail(list, "a list of changes",
               list.node.IsNull() ? "nothing (leave the key out for no changes)"
                                  : describe(list.node));
    }
    for (std::size_t i = 0; i < list.node.size(); ++i) {
        const Field item = list.item(list.node[i], i);
        ReadChange c = read_change(r, item);
        if (!out.changes.empty()) {
            const ScheduleChange& previous = out.changes.back();
            const std::string previous_path = fmt::format("{}[{}]", list.path, i - 1);
            if (previous.kind != Kind::set && previous.to == forever) {
                r.fail(item,
                       fmt::format("no change after the open-ended change {} (give it a 'to')",
                                   previous_path),
                       "another change");
            }
            if (c.change.from <= end_of(previous)) {
                r.fail(
                    c.start,
                    fmt::format("a tick after {}, where {} ends", end_of(previous), previous_path),
                    c.start.node.Scalar());
            }
        }
        out.changes.push_back(c.change);
        out.value_fields.push_back(std::move(c.value));
    }
    return out;
}

std::optional<ScheduleBreach> first_breach(const std::vector<ScheduleChange>& changes, Tick ticks,
                                           const std::function<bool(Tick)>& breaks) {
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const ScheduleChange& c = changes[i];
        if (c.from > ticks) {
            break;
        }
        const Tick last = std::min(ticks, end_of(c));
        if (breaks(c.from)) {
            return ScheduleBreach{i, c.from};
        }
        if (!breaks(last)) {
            continue;
        }
        Tick holds = c.from; // invariant: `breaks` is false at holds, true at first
        Tick first = last;
        while (first - holds > 1) {
            const Tick mid = holds + (first - holds) / 2;
            (breaks(mid) ? first : holds) = mid;
        }
        return ScheduleBreach{i, first};
    }
    return std::nullopt;
}

void check_schedule_range(const YamlReader& r, const ScheduleChanges& changes, double initial,
                          Tick ticks, std::string_view quantity) {
    const Schedule schedule(initial, changes.changes);
    const auto outside = [&schedule](Tick t) {
        const double v = schedule.at(t);
        return !(v >= -range_tolerance && v <= 1.0 + range_tolerance);
    };
    if (const auto breach = first_breach(changes.changes, ticks, outside)) {
        r.fail(changes.value_fields[breach->change],
               fmt::format("{} to stay in [0, 1] through tick {}", quantity, ticks),
               fmt::format("{} at tick {}", schedule.at(breach->tick), breach->tick));
    }
}

} // namespace unrest::detail
