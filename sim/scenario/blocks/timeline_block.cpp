#include "timeline_block.hpp"

#include "../../timeline/registry.hpp"
#include "calendar_block.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace unrest::detail {

namespace {

// Keys every event takes, in print order.
const std::vector<std::string>& common_keys() {
    static const std::vector<std::string> keys{"type", "id",   "enabled", "region",
                                               "at",   "from", "to"};
    return keys;
}

// An id addressable as timeline.<id>.<key> (issue 8): a letter or '_', then letters, digits, '_'
// or '-'.
bool valid_id(std::string_view id) {
    const auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    return !id.empty() && letter(id.front()) &&
           std::all_of(id.begin(), id.end(), [&letter](char c) {
               return letter(c) || (c >= '0' && c <= '9') || c == '-';
           });
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        out += out.empty() ? n : ", " + n;
    }
    return out;
}

// The `type` value of an event mapping, read before its other keys (which depend on it).
Field type_field(const YamlReader& r, const Field& item) {
    for (const auto& entry : item.node) {
        const YAML::Node key = entry.first;
        if (key.IsScalar() && key.Scalar() == "type") {
            return item.child(entry.second, key.Mark(), "type");
        }
    }
    r.fail_message(item.mark(), item.path + ".type",
                   fmt::format("expected a value for required key 'type' (one of {}), found none",
                               join(event_type_names())));
}

ParamValue read_param(const YamlReader& r, const Field& f, const ParamSpec& p,
                      const Calendar& calendar) {
    switch (p.kind) {
    case ParamKind::number:
        return read_finite(r, f);
    case ParamKind::probability:
        return read_probability(r, f);
    case ParamKind::positive:
        return read_positive(r, f);
    case ParamKind::nonnegative: {
        const double v = read_finite(r, f);
        if (v < 0.0) {
            r.fail(f, "a finite number >= 0", f.node.Scalar());
        }
        return v;
    }
    case ParamKind::rate:
        return read_rate(r, f, calendar);
    case ParamKind::count:
        return read_integer(r, f, 1);
    case ParamKind::choice:
        return read_choice_name(r, f, p.choices);
    case ParamKind::flag:
        return read_bool(r, f);
    case ParamKind::names: {
        std::vector<std::string> names;
        if (f.node.IsScalar()) {
            names.push_back(read_string(r, f));
        } else if (f.node.IsSequence()) {
            for (std::size_t i = 0; i < f.node.size(); ++i) {
                names.push_back(read_string(r, f.item(f.node[i], i)));
            }
        } else {
            r.fail(f, "a name or a list of names", describe(f.node));
        }
        for (const std::string& n : names) {
            if (n.empty()) {
                r.fail(f, "non-empty names", "an empty one");
            }
        }
        return names;
    }
    }
    return 0.0;
}

YAML::Node param_yaml(const ParamValue& v) {
    return std::visit(
        [](const auto& x) -> YAML::Node {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, double>) {
                return YAML::Node(fmt::format("{}", x + 0.0));
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return YAML::Node(fmt::format("{}", x));
            } else if constexpr (std::is_same_v<T, bool>) {
                return YAML::Node(x ? "true" : "false");
            } else if constexpr (std::is_same_v<T, std::string>) {
                return YAML::Node(x);
            } else {
                YAML::Node list(YAML::NodeType::Sequence);
                list.SetStyle(YAML::EmitterStyle::Flow);
                for (const std::string& n : x) {
                    list.push_back(n);
                }
                return list;
            }
        },
        v);
}

std::string kind_text(const ParamSpec& p) {
    switch (p.kind) {
    case ParamKind::number:
        return "finite number";
    case ParamKind::probability:
        return "number in [0, 1]";
    case ParamKind::positive:
        return "number > 0";
    case ParamKind::nonnegative:
        return "number >= 0";
    case ParamKind::rate:
        return "rate: number per tick, or X/hour, X/day, {per_hour: X}, {per_day: X}";
    case ParamKind::count:
        return "integer >= 1";
    case ParamKind::choice: {
        std::string out;
        for (const std::string& c : p.choices) {
            out += out.empty() ? c : " | " + c;
        }
        return out;
    }
    case ParamKind::names:
        return "name or list of names";
    case ParamKind::flag:
        return "boolean";
    }
    return "";
}

// One event of the list.
EventSpec read_event(const YamlReader& r, const Field& item, std::size_t index,
                     const Calendar& calendar, std::span<const std::string> region_names) {
    if (!item.node.IsMap()) {
        r.fail(item, "an event (a mapping with a type)", describe(item.node));
    }
    const Field type = type_field(r, item);
    const EventType* event_type = find_event_type(read_choice_name(r, type, event_type_names()));
    const Mapping m(r, item, event_keys(*event_type));

    EventSpec s;
    s.type = event_type;
    s.index = index;
    if (auto f = m.get("id")) {
        s.id = read_string(r, *f);
        if (!valid_id(s.id)) {
            r.fail(*f, "an id of letters, digits, '_' and '-', starting with a letter or '_'",
                   describe(f->node));
        }
    }
    if (auto f = m.get("enabled")) {
        s.enabled = read_bool(r, *f);
    }
    if (auto f = m.get("region")) {
        const std::vector<std::string> names(region_names.begin(), region_names.end());
        s.region = read_choice_name(r, *f, names);
    }
    const std::optional<Field> at = m.get("at");
    const std::optional<Field> from = m.get("from");
    const std::optional<Field> to = m.get("to");
    if (at && from) {
        r.fail_message(from->key_mark, from->path, "expected either 'at' or 'from', found both");
    }
    if (!at && !from) {
        r.fail(item, "a time: 'at', or 'from' (and 'to')", "none");
    }
    if (at) {
        s.at = read_time(r, *at, calendar);
        if (to) {
            r.fail_message(to->key_mark, to->path, "expected 'to' with 'from', found it with 'at'");
        }
    } else {
        s.from = read_time(r, *from, calendar);
        if (to) {
            s.to = read_time(r, *to, calendar);
            if (*s.to <= *s.from) {
                r.fail(*to, fmt::format("a time after from (tick {})", *s.from),
                       fmt::format("{} (tick {})", describe(to->node), *s.to));
            }
        }
    }
    for (const ParamSpec& p : event_type->params) {
        if (auto f = m.get(p.key)) {
            s.params.set(p.key, read_param(r, *f, p, calendar));
        }
    }
    if (const std::optional<SpecProblem> problem = event_type->check(s)) {
        const std::optional<Field> at_key =
            problem->key.empty() ? std::nullopt : m.get(problem->key);
        r.fail(at_key ? *at_key : item, problem->expected, problem->found);
    }
    return s;
}

} // namespace

std::vector<std::string> event_keys(const EventType& type) {
    std::vector<std::string> keys = common_keys();
    for (const ParamSpec& p : type.params) {
        keys.push_back(p.key);
    }
    return keys;
}

std::vector<EventSpec> read_timeline_events(const YamlReader& r, const std::optional<Field>& list,
                                            const Calendar& calendar,
                                            std::span<const std::string> region_names) {
    std::vector<EventSpec> out;
    if (!list) {
        return out;
    }
    if (!list->node.IsSequence()) {
        r.fail(*list, "a list of events",
               list->node.IsNull() ? "nothing (leave the key out for no events)"
                                   : describe(list->node));
    }
    std::vector<Field> id_fields;
    for (std::size_t i = 0; i < list->node.size(); ++i) {
        const Field item = list->item(list->node[i], i);
        EventSpec s = read_event(r, item, i, calendar, region_names);
        if (!s.id.empty()) {
            for (std::size_t j = 0; j < out.size(); ++j) {
                if (out[j].id == s.id) {
                    const Mapping m(r, item, event_keys(*s.type));
                    r.fail(*m.get("id"),
                           fmt::format("an id not used before (timeline[{}] has it)", j),
                           describe(m.get("id")->node));
                }
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

Timeline read_timeline_block(const YamlReader& r, const std::optional<Field>& list,
                             const Calendar& calendar, std::span<const std::string> region_names) {
    return Timeline(read_timeline_events(r, list, calendar, region_names));
}

YAML::Node timeline_yaml(const Timeline& timeline, const Calendar& calendar) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const EventSpec& s : timeline.events()) {
        if (!s.origin.empty()) {
            continue;
        }
        YAML::Node m(YAML::NodeType::Map);
        m.SetStyle(YAML::EmitterStyle::Flow);
        m["type"] = s.type->name;
        if (!s.id.empty()) {
            m["id"] = s.id;
        }
        if (!s.enabled) {
            m["enabled"] = "false";
        }
        if (!s.region.empty()) {
            m["region"] = s.region;
        }
        if (s.at) {
            m["at"] = time_yaml(*s.at, calendar);
        } else {
            m["from"] = time_yaml(*s.from, calendar);
            if (s.to) {
                m["to"] = time_yaml(*s.to, calendar);
            }
        }
        for (const ParamSpec& p : s.type->params) {
            for (const auto& [key, value] : s.params.entries()) {
                if (key == p.key) {
                    m[key] = param_yaml(value);
                }
            }
        }
        out.push_back(m);
    }
    return out;
}

std::vector<ParameterDoc> timeline_parameter_rows() {
    constexpr const char* docs = "docs/timeline.md";
    std::vector<ParameterDoc> rows{
        {"timeline", "list of events", "", "", "typed events applied at the start of ticks", docs,
         false},
        {"timeline.type", "one of " + join(event_type_names()) + "; required", "", "",
         "the event's type: which keys it takes and what it changes", docs, false},
        {"timeline.id", "letters, digits, _ and -; unique", "", "",
         "names the event (sweeps address timeline.<id>.<key>; events.csv)", docs, false},
        {"timeline.enabled", "boolean (default true)", "", "",
         "false: read and checked, never applied", docs, false},
        {"timeline.region", "a region's name (default: every region)", "", "",
         "the region the event acts on", docs, false},
        {"timeline.at", "time: tick >= 1, or a date-time (with a calendar)", "", "",
         "the tick during which an instant event acts", docs, false},
        {"timeline.from", "time: tick >= 1, or a date-time (with a calendar)", "", "",
         "the tick during which an event with a duration begins", docs, false},
        {"timeline.to", "time after from (default: until the run ends)", "", "",
         "the tick during which it ends (it is in force from..to - 1)", docs, false},
    };
    for (const EventType* t : event_types()) {
        for (const ParamSpec& p : t->params) {
            rows.push_back({fmt::format("timeline.{}.{}", t->name, p.key), kind_text(p), "", p.unit,
                            p.meaning, docs, false});
        }
    }
    return rows;
}

} // namespace unrest::detail
