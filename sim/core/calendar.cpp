// Calendar arithmetic on whole seconds since 1970-01-01T00:00 UTC. Civil dates use the proleptic
// Gregorian calendar (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil,
// civil_from_days); no locale, no time-zone database: a zone is a fixed offset from UTC.
#include "calendar.hpp"

#include <charconv>
#include <fmt/format.h>
#include <limits>

namespace unrest {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

// Floor division: -1 / 86400 is day -1, not day 0.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Days since 1970-01-01 of the Gregorian date y-m-d (m in 1..12, d in 1..31).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);                // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

// The inverse of days_from_civil.
constexpr Civil civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);                   // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                      // [0, 11]
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;              // [1, 31]
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;                 // [1, 12]
    return {m <= 2 ? y + 1 : y, m, d};
}

constexpr bool is_leap(std::int64_t y) noexcept {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
    constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(11017).month == 3);

// Exactly `digits` decimal digits at the front of `s`, consumed; empty otherwise.
std::optional<unsigned> take_digits(std::string_view& s, std::size_t digits) {
    if (s.size() < digits) {
        return std::nullopt;
    }
    unsigned v = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return std::nullopt;
        }
        v = v * 10 + static_cast<unsigned>(s[i] - '0');
    }
    s.remove_prefix(digits);
    return v;
}

bool take(std::string_view& s, char c) {
    if (s.empty() || s.front() != c) {
        return false;
    }
    s.remove_prefix(1);
    return true;
}

} // namespace

std::int64_t Calendar::tick_start(Tick t) const noexcept {
    // Tick 0 is the initial state, an instant at `start`.
    return t <= 0 ? start : start + (t - 1) * tick_seconds;
}

Tick Calendar::tick_at(std::int64_t utc_seconds) const noexcept {
    if (utc_seconds < start || tick_seconds <= 0) {
        return 0;
    }
    return (utc_seconds - start) / tick_seconds + 1;
}

std::int64_t Calendar::local_day(Tick t, std::int32_t offset_minutes) const noexcept {
    return floor_div(tick_start(t) + static_cast<std::int64_t>(offset_minutes) * 60,
                     seconds_per_day);
}

std::optional<std::int64_t> parse_wall_clock(std::string_view text) {
    std::string_view s = text;
    const auto year = take_digits(s, 4);
    if (!year || !take(s, '-')) {
        return std::nullopt;
    }
    const auto month = take_digits(s, 2);
    if (!month || !take(s, '-')) {
        return std::nullopt;
    }
    const auto day = take_digits(s, 2);
    if (!day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) {
        return std::nullopt;
    }
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (!s.empty()) {
        if (!take(s, 'T')) {
            return std::nullopt;
        }
        const auto h = take_digits(s, 2);
        if (!h || !take(s, ':')) {
            return std::nullopt;
        }
        const auto m = take_digits(s, 2);
        if (!m) {
            return std::nullopt;
        }
        hour = *h;
        minute = *m;
        if (take(s, ':')) {
            const auto sec = take_digits(s, 2);
            if (!sec) {
                return std::nullopt;
            }
            second = *sec;
        }
        if (!s.empty() || hour > 23 || minute > 59 || second > 59) {
            return std::nullopt;
        }
    }
    return days_from_civil(*year, *month, *day) * seconds_per_day +
           static_cast<std::int64_t>(hour) * 3600 + minute * 60 + second;
}

std::optional<std::int64_t> parse_date_time(std::string_view text,
                                            std::int32_t utc_offset_minutes) {
    // The zone suffix, if any, follows the time of day: after the 'T', a '+', '-' or 'Z'.
    const std::size_t t = text.find('T');
    std::string_view wall = text;
    std::optional<std::int32_t> offset = utc_offset_minutes;
    if (t != std::string_view::npos) {
        const std::size_t zone = text.find_first_of("+-Z", t);
        if (zone != std::string_view::npos) {
            wall = text.substr(0, zone);
            offset = parse_utc_offset(text.substr(zone));
        }
    }
    const std::optional<std::int64_t> local = parse_wall_clock(wall);
    if (!local || !offset) {
        return std::nullopt;
    }
    return *local - static_cast<std::int64_t>(*offset) * 60;
}

std::optional<std::int32_t> parse_utc_offset(std::string_view text) {
    if (text == "UTC" || text == "Z") {
        return 0;
    }
    std::string_view s = text;
    int sign = 0;
    if (take(s, '+')) {
        sign = 1;
    } else if (take(s, '-')) {
        sign = -1;
    } else {
        return std::nullopt;
    }
    const auto hours = take_digits(s, 2);
    if (!hours) {
        return std::nullopt;
    }
    unsigned minutes = 0;
    if (!s.empty()) {
        take(s, ':'); // +06:00 or +0600
        const auto m = take_digits(s, 2);
        if (!m || !s.empty()) {
            return std::nullopt;
        }
        minutes = *m;
    }
    // Zones in use lie in [-12:00, +14:00]; 14 hours either way is accepted.
    if (minutes > 59 || *hours * 60 + minutes > 14 * 60) {
        return std::nullopt;
    }
    return sign * static_cast<std::int32_t>(*hours * 60 + minutes);
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
    std::string_view s = text;
    std::int64_t count = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), count);
    if (ec != std::errc() || end == s.data() || count <= 0) {
        return std::nullopt;
    }
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    while (take(s, ' ')) {
    }
    struct Unit {
        std::string_view name;
        std::int64_t seconds;
    };
    constexpr Unit units[] = {
        {"s", 1},       {"sec", 1},       {"secs", 1},       {"second", 1},   {"seconds", 1},
        {"min", 60},    {"mins", 60},     {"minute", 60},    {"minutes", 60}, {"h", 3600},
        {"hour", 3600}, {"hours", 3600},  {"d", 86400},      {"day", 86400},  {"days", 86400},
        {"w", 604800},  {"week", 604800}, {"weeks", 604800},
    };
    for (const Unit& u : units) {
        if (s == u.name) {
            if (count > std::numeric_limits<std::int64_t>::max() / u.seconds) {
                return std::nullopt;
            }
            return count * u.seconds;
        }
    }
    return std::nullopt;
}

std::string format_date(std::int64_t day) {
    const Civil c = civil_from_days(day);
    return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string format_wall_clock(std::int64_t utc_seconds, std::int32_t utc_offset_minutes) {
    const std::int64_t local = utc_seconds + static_cast<std::int64_t>(utc_offset_minutes) * 60;
    const std::int64_t day = floor_div(local, seconds_per_day);
    const std::int64_t second_of_day = local - day * seconds_per_day;
    const std::int64_t seconds = second_of_day % 60;
    const std::string hhmm = fmt::format("{}T{:02}:{:02}", format_date(day), second_of_day / 3600,
                                         second_of_day / 60 % 60);
    // Seconds only where there are some: "2022-01-02T00:00" reads back as the same instant.
    return seconds == 0 ? hhmm : fmt::format("{}:{:02}", hhmm, seconds);
}

std::string format_utc_offset(std::int32_t minutes) {
    const std::int32_t a = minutes < 0 ? -minutes : minutes;
    return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', a / 60, a % 60);
}

} // namespace unrest
