// A minimal implementation of the few Calendar functions the output writers need, for the outputs
// branch only: replaced by calendar.cpp at integration (delete this file then).
#include "calendar.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> year, month, day.
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = floor_div(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
}

} // namespace

std::int64_t Calendar::tick_start(Tick t) const noexcept {
    return start + (static_cast<std::int64_t>(t) - 1) * tick_seconds;
}

std::int64_t Calendar::local_day(Tick t, std::int32_t offset_minutes) const noexcept {
    return floor_div(tick_start(t) + std::int64_t{offset_minutes} * 60, 86400);
}

std::string format_date(std::int64_t day) {
    std::int64_t y = 0;
    unsigned m = 0;
    unsigned d = 0;
    civil_from_days(day, y, m, d);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string format_wall_clock(std::int64_t utc_seconds, std::int32_t utc_offset_minutes) {
    const std::int64_t local = utc_seconds + std::int64_t{utc_offset_minutes} * 60;
    const std::int64_t day = floor_div(local, 86400);
    const std::int64_t second = local - day * 86400;
    return fmt::format("{}T{:02}:{:02}", format_date(day), second / 3600, second % 3600 / 60);
}

std::string format_utc_offset(std::int32_t minutes) {
    const char sign = minutes < 0 ? '-' : '+';
    const std::int32_t a = minutes < 0 ? -minutes : minutes;
    return fmt::format("{}{:02}:{:02}", sign, a / 60, a % 60);
}

} // namespace unrest
