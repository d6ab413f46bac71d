#include "calendar_block.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace unrest::detail {

namespace {

constexpr const char* no_section = "nothing (leave the key out to use the defaults)";
constexpr const char* date_time_form = "a date-time like 2022-01-05T17:00 (optionally :SS, and an "
                                       "offset like +06:00 or Z)";

std::vector<std::string> keys_under(const std::vector<ParameterDoc>& rows, std::string_view path) {
    std::vector<std::string> keys;
    for (const ParameterDoc& row : rows) {
        if (row.key.starts_with(path) && row.key.size() > path.size() &&
            row.key[path.size()] == '.') {
            keys.push_back(row.key.substr(path.size() + 1));
        }
    }
    return keys;
}

bool all_digits(std::string_view s) {
    if (s.starts_with('+')) {
        s.remove_prefix(1);
    }
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The UTC seconds of a date-time value, in the calendar's zone unless it gives its own.
std::int64_t read_date_time(const YamlReader& r, const Field& f, std::int32_t utc_offset_minutes) {
    if (!f.node.IsScalar()) {
        r.fail(f, date_time_form, describe(f.node));
    }
    const std::optional<std::int64_t> t = parse_date_time(f.node.Scalar(), utc_offset_minutes);
    if (!t) {
        r.fail(f, date_time_form, describe(f.node));
    }
    return *t;
}

std::string calendar_needed(std::string_view what) {
    return fmt::format("{} (date-times and durations need a `calendar:` block)", what);
}

} // namespace

CalendarBlock read_calendar_block(const YamlReader& r, const std::optional<Field>& field) {
    CalendarBlock out;
    if (!field) {
        return out;
    }
    if (field->node.IsNull()) {
        r.fail(*field, "a mapping {start, time_zone, tick}", no_section);
    }
    const Mapping m(r, *field, keys_under(calendar_parameter_rows(), "calendar"));
    Calendar& c = out.calendar;
    c.enabled = true;
    if (auto f = m.get("time_zone")) {
        const std::string text = f->node.IsScalar() ? f->node.Scalar() : std::string();
        const std::optional<std::int32_t> offset = parse_utc_offset(text);
        if (!f->node.IsScalar() || !offset) {
            r.fail(*f, "a UTC offset like +06:00, -03:30, +05, UTC or Z (at most 14 hours)",
                   describe(f->node));
        }
        c.utc_offset_minutes = *offset;
    }
    const Field start = m.require("start");
    if (!start.node.IsScalar() || !parse_wall_clock(start.node.Scalar())) {
        r.fail(start, "a date-time like 2022-01-02T00:00 (the wall clock in time_zone)",
               describe(start.node));
    }
    c.start = *parse_wall_clock(start.node.Scalar()) -
              static_cast<std::int64_t>(c.utc_offset_minutes) * 60;
    const Field tick = m.require("tick");
    const std::optional<std::int64_t> seconds =
        tick.node.IsScalar() ? parse_duration(tick.node.Scalar()) : std::nullopt;
    // At most a leap year: a run of max_ticks ticks then ends within the 64-bit seconds.
    constexpr std::int64_t longest_tick = 366 * 86400;
    if (!seconds || *seconds > longest_tick) {
        r.fail(tick, "a duration like 10min, 30s, 1h or 1d (at most 366d)", describe(tick.node));
    }
    c.tick_seconds = *seconds;
    if (auto f = m.get("end")) {
        const std::int64_t end = read_date_time(r, *f, c.utc_offset_minutes);
        if (end <= c.start) {
            r.fail(*f, fmt::format("a time after start ({})", start.node.Scalar()),
                   describe(f->node));
        }
        const Tick ticks = ticks_until(c, end);
        if (ticks > max_ticks) {
            r.fail(*f, fmt::format("a time at most {} ticks after start", max_ticks),
                   fmt::format("{} ({} ticks)", describe(f->node), ticks));
        }
        out.ticks = ticks;
        out.end = *f;
    }
    return out;
}

Tick ticks_until(const Calendar& c, std::int64_t end_utc) noexcept {
    const std::int64_t span = end_utc - c.start;
    return span / c.tick_seconds + (span % c.tick_seconds != 0 ? 1 : 0);
}

Tick read_run_ticks(const YamlReader& r, const std::optional<Field>& ticks,
                    const CalendarBlock& calendar, const Field& root) {
    // `--ticks N` (or --set ticks=N) on a scenario that ends at calendar.end: the command line
    // wins, as it does over a `ticks` in the file. Both in the file: refused.
    const bool ticks_from_command_line = ticks && r.overridden("ticks");
    if (ticks && calendar.end && !ticks_from_command_line) {
        r.fail(*ticks, "either ticks or calendar.end", "both");
    }
    if (calendar.ticks && !ticks_from_command_line) {
        return *calendar.ticks;
    }
    if (!ticks) {
        r.fail_message(root.mark(), "ticks",
                       "expected a value for required key 'ticks' (or calendar.end), found none");
    }
    // Ticks are 32 bits in the random-number counter (sim/core/rng.hpp): a longer run would
    // reuse the same random streams.
    const Tick n = read_integer(r, *ticks, 0);
    if (n > max_ticks) {
        r.fail(*ticks, fmt::format("an integer in [0, {}]", max_ticks), ticks->node.Scalar());
    }
    return n;
}

Tick read_time(const YamlReader& r, const Field& f, const Calendar& c, Tick min) {
    const std::string expected =
        c.enabled ? fmt::format("a tick (an integer >= {}) or {}", min, date_time_form)
                  : calendar_needed(fmt::format("a tick (an integer >= {})", min));
    // A quoted "12" is a string, as for every other number.
    if (!f.node.IsScalar() || (f.node.Tag() == "!" && all_digits(f.node.Scalar()))) {
        r.fail(f, expected, describe(f.node));
    }
    const std::string& text = f.node.Scalar();
    Tick t = 0;
    if (all_digits(text)) {
        const auto [end, ec] = std::from_chars(text.data() + (text.front() == '+' ? 1 : 0),
                                               text.data() + text.size(), t);
        if (ec != std::errc() || t > max_ticks) {
            r.fail(f, fmt::format("a tick in [{}, {}]", min, max_ticks), describe(f.node));
        }
        if (t < min) {
            r.fail(f, expected, describe(f.node));
        }
        return t;
    }
    if (!c.enabled) {
        r.fail(f, expected, describe(f.node));
    }
    const std::optional<std::int64_t> utc = parse_date_time(text, c.utc_offset_minutes);
    if (!utc) {
        r.fail(f, expected, describe(f.node));
    }
    t = c.tick_at(*utc);
    if (t < min) {
        r.fail(f,
               fmt::format("a time at or after {} (tick {}; the calendar starts at {})",
                           format_wall_clock(c.tick_start(min), c.utc_offset_minutes), min,
                           format_wall_clock(c.start, c.utc_offset_minutes)),
               fmt::format("{} (tick {})", describe(f.node), t));
    }
    if (t > max_ticks) {
        r.fail(f, fmt::format("a time within {} ticks of the start", max_ticks),
               fmt::format("{} (tick {})", describe(f.node), t));
    }
    return t;
}

namespace {

// The seconds of a rate's unit: "tick" is 0 (per tick as given).
std::optional<std::int64_t> rate_unit(std::string_view unit) {
    if (unit == "tick") {
        return 0;
    }
    if (!unit.empty() && unit.front() >= '0' && unit.front() <= '9') {
        return parse_duration(unit); // "10min"
    }
    return parse_duration(fmt::format("1{}", unit)); // "hour", "day", "h"
}

double per_tick(const YamlReader& r, const Field& f, const Calendar& c, double value,
                std::int64_t unit_seconds) {
    if (unit_seconds == 0) {
        return value;
    }
    if (!c.enabled) {
        r.fail(f, calendar_needed("a rate per tick"), describe(f.node));
    }
    // Linear: a rate of X per unit is X x tick / unit per tick.
    const double v =
        value * static_cast<double>(c.tick_seconds) / static_cast<double>(unit_seconds);
    if (!std::isfinite(v)) {
        r.fail(f, "a finite rate", describe(f.node));
    }
    return v + 0.0;
}

} // namespace

double read_rate(const YamlReader& r, const Field& f, const Calendar& c) {
    constexpr const char* forms =
        "a rate: a number (per tick), 'X/hour', 'X/day', 'X/tick', or {per_hour: X}";
    if (f.node.IsMap()) {
        const Mapping m(r, f, {"per_tick", "per_hour", "per_day"});
        std::optional<Field> given;
        std::int64_t unit = 0;
        for (const auto& [key, seconds] : {std::pair<const char*, std::int64_t>{"per_tick", 0},
                                           {"per_hour", 3600},
                                           {"per_day", 86400}}) {
            if (auto v = m.get(key)) {
                if (given) {
                    r.fail(*v, "one of per_tick, per_hour, per_day",
                           fmt::format("'{}' as well", key));
                }
                given = v;
                unit = seconds;
            }
        }
        if (!given) {
            r.fail(f, "one of per_tick, per_hour, per_day", "none of them");
        }
        return per_tick(r, *given, c, read_finite(r, *given), unit);
    }
    if (!f.node.IsScalar()) {
        r.fail(f, forms, describe(f.node));
    }
    const std::string& text = f.node.Scalar();
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) {
        return read_finite(r, f);
    }
    const std::optional<std::int64_t> unit = rate_unit(text.substr(slash + 1));
    std::string_view number = std::string_view(text).substr(0, slash);
    if (number.starts_with('+')) {
        number.remove_prefix(1);
    }
    double value = 0.0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    // Decimal digits only: from_chars would also take "nan" and "inf".
    const bool decimal = !number.empty() && number.find_first_of("nNiI") == std::string_view::npos;
    if (!unit || !decimal || ec != std::errc() || end != number.data() + number.size() ||
        !std::isfinite(value)) {
        r.fail(f, forms, describe(f.node));
    }
    return per_tick(r, f, c, value + 0.0, *unit);
}

Tick read_duration(const YamlReader& r, const Field& f, const Calendar& c) {
    const std::string expected =
        c.enabled ? "a number of ticks (an integer >= 1) or a duration like 2h, 90min, 1d"
                  : calendar_needed("a number of ticks (an integer >= 1)");
    if (!f.node.IsScalar()) {
        r.fail(f, expected, describe(f.node));
    }
    if (all_digits(f.node.Scalar())) {
        return read_integer(r, f, 1);
    }
    const std::optional<std::int64_t> seconds = parse_duration(f.node.Scalar());
    if (!c.enabled || !seconds) {
        r.fail(f, expected, describe(f.node));
    }
    if (*seconds % c.tick_seconds != 0) {
        r.fail(f, fmt::format("a whole number of ticks of {}", format_duration(c.tick_seconds)),
               describe(f.node));
    }
    return *seconds / c.tick_seconds;
}

YAML::Node time_yaml(Tick t, const Calendar& c) {
    if (c.enabled) {
        // A tick beyond year 9999 has no date-time that reads back: the integer then.
        const std::string text = format_wall_clock(c.tick_start(t), c.utc_offset_minutes);
        const std::optional<std::int64_t> back = parse_date_time(text, c.utc_offset_minutes);
        if (back && c.tick_at(*back) == t) {
            return YAML::Node(text);
        }
    }
    return YAML::Node(fmt::format("{}", t));
}

std::string format_duration(std::int64_t seconds) {
    for (const auto& [unit, size] :
         {std::pair<const char*, std::int64_t>{"d", 86400}, {"h", 3600}, {"min", 60}}) {
        if (seconds % size == 0) {
            return fmt::format("{}{}", seconds / size, unit);
        }
    }
    return fmt::format("{}s", seconds);
}

YAML::Node calendar_yaml(const Calendar& c) {
    if (!c.enabled) {
        return YAML::Node(YAML::NodeType::Null);
    }
    YAML::Node out(YAML::NodeType::Map);
    out["start"] = format_wall_clock(c.start, c.utc_offset_minutes);
    out["time_zone"] = format_utc_offset(c.utc_offset_minutes);
    out["tick"] = format_duration(c.tick_seconds);
    return out;
}

std::vector<ParameterDoc> calendar_parameter_rows() {
    constexpr const char* why = "MODEL.md §3.1";
    return {
        {"calendar.start", "date-time YYYY-MM-DDTHH:MM[:SS]; required in the block", "", "",
         "the wall clock in time_zone at the start of tick 1 (tick 0 is the initial state then)",
         why, false},
        {"calendar.time_zone", "UTC offset: +HH:MM, -HH:MM, +HH, UTC or Z", "", "",
         "the scenario's zone: date-times without an offset and local days are read in it", why,
         false},
        {"calendar.tick",
         "duration: whole count and unit (s, min, h, d, w), e.g. 10min; "
         "required in the block",
         "", "", "the time one tick stands for", why, false},
        {"calendar.end", "date-time after start; instead of ticks", "", "",
         "the run lasts ceil((end - start) / tick) ticks", why, false},
    };
}

} // namespace unrest::detail
