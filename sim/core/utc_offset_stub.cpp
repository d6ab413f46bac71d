// Temporary, on the scenario-blocks branch only: replaced by calendar.cpp at integration (delete
// this file then). The two calendar.hpp functions the regions block calls.
#include "calendar.hpp"

#include <charconv>
#include <cstdlib>
#include <fmt/format.h>

namespace unrest {

std::optional<std::int32_t> parse_utc_offset(std::string_view text) {
    if (text == "UTC" || text == "Z") {
        return 0;
    }
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) {
        return std::nullopt;
    }
    const auto two_digits = [](std::string_view d) -> std::optional<int> {
        if (d.size() != 2 || d[0] < '0' || d[0] > '9' || d[1] < '0' || d[1] > '9') {
            return std::nullopt;
        }
        return (d[0] - '0') * 10 + (d[1] - '0');
    };
    const std::optional<int> hours = two_digits(text.substr(1, 2));
    std::optional<int> minutes = 0;
    if (text.size() != 3) {
        minutes = text.size() == 6 && text[3] == ':' ? two_digits(text.substr(4, 2)) : std::nullopt;
    }
    if (!hours || !minutes || *hours > 14 || *minutes > 59) {
        return std::nullopt;
    }
    const int total = *hours * 60 + *minutes;
    return text[0] == '-' ? -total : total;
}

std::string format_utc_offset(std::int32_t minutes) {
    const std::int32_t a = std::abs(minutes);
    return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', a / 60, a % 60);
}

} // namespace unrest
