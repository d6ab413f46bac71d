#include "run_flags.hpp"

#include <charconv>
#include <fmt/format.h>
#include <limits>

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

} // namespace

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
