#include "run_flags.hpp"

#include <charconv>
#include <fmt/format.h>
#include <limits>
#include <optional>
#include <string_view>

namespace unrest::cli {

namespace {

// A decimal integer in [0, max], digits only.
bool is_count(const std::string& text, std::uint64_t max) {
    std::uint64_t v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    return !text.empty() && ec == std::errc() && ptr == end && v <= max;
}

FlagOverride count_flag(const char* flag, const char* key, const std::string& value,
                        std::uint64_t max, const char* range) {
    if (!is_count(value, max)) {
        throw ScenarioError(flag, 0, 0, key,
                            fmt::format("expected an integer in {}, found '{}'", range, value));
    }
    return {flag, key, value};
}

// A tick length as the scenario would write it: "10min", "1h", "1d", "90s".
std::string duration_text(std::int64_t seconds) {
    if (seconds % 86400 == 0) {
        return fmt::format("{}d", seconds / 86400);
    }
    if (seconds % 3600 == 0) {
        return fmt::format("{}h", seconds / 3600);
    }
    if (seconds % 60 == 0) {
        return fmt::format("{}min", seconds / 60);
    }
    return fmt::format("{}s", seconds);
}

// "10", "10ticks", "10 ticks", "1tick": the count; empty otherwise.
std::optional<std::uint64_t> tick_count(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    std::string_view unit = text.substr(digits);
    while (!unit.empty() && unit.front() == ' ') {
        unit.remove_prefix(1);
    }
    if (digits == 0 || (!unit.empty() && unit != "ticks" && unit != "tick") ||
        (unit.empty() && digits != text.size())) {
        return std::nullopt;
    }
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + digits, v);
    if (ec != std::errc() || ptr != text.data() + digits) {
        return std::numeric_limits<std::uint64_t>::max(); // overflow: past every limit
    }
    return v;
}

} // namespace

Tick snapshot_interval(const std::string& text, const Calendar& calendar) {
    const char* flag = "--snapshot-every";
    const std::string expected =
        calendar.enabled
            ? fmt::format("expected a duration that is a whole multiple of the tick ({}), such as "
                          "1h, or a number of ticks >= 1 (10 or 10ticks)",
                          duration_text(calendar.tick_seconds))
            : std::string("expected a number of ticks >= 1 (10 or 10ticks; a duration such as "
                          "1h needs the scenario's calendar, and it has none)");
    const auto fail = [&](const std::string& why) {
        return ScenarioError(flag, 0, 0, "", fmt::format("{}, found '{}'{}", expected, text, why));
    };
    std::uint64_t ticks = 0;
    if (const std::optional<std::uint64_t> count = tick_count(text)) {
        ticks = *count;
    } else if (const std::optional<std::int64_t> seconds = parse_duration(text);
               seconds && calendar.enabled) {
        if (*seconds % calendar.tick_seconds != 0) {
            throw fail(fmt::format(" ({} s: not a whole number of ticks of {} s)", *seconds,
                                   calendar.tick_seconds));
        }
        ticks = static_cast<std::uint64_t>(*seconds / calendar.tick_seconds);
    } else {
        throw fail("");
    }
    if (ticks == 0) {
        throw fail("");
    }
    if (ticks > static_cast<std::uint64_t>(max_ticks)) {
        throw fail(fmt::format(" (more than {} ticks)", max_ticks));
    }
    return static_cast<Tick>(ticks);
}

std::vector<FlagOverride> run_flag_overrides(const RunOptions& options) {
    std::vector<FlagOverride> flags;
    if (options.seed) {
        flags.push_back(count_flag("--seed", "seed", *options.seed,
                                   std::numeric_limits<std::uint64_t>::max(), "[0, 2^64)"));
    }
    if (options.ticks) {
        const std::string range = fmt::format("[0, {}]", max_ticks);
        flags.push_back(count_flag("--ticks", "ticks", *options.ticks,
                                   static_cast<std::uint64_t>(max_ticks), range.c_str()));
    }
    return flags;
}

} // namespace unrest::cli
