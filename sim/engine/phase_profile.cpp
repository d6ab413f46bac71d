#include "phase_profile.hpp"

#include <fmt/format.h>

namespace unrest {

std::string profile_table(const PhaseProfile& profile) {
    const double total = profile.total();
    const double ticks = static_cast<double>(profile.ticks());
    std::string out =
        fmt::format("{:<16}{:>14}{:>9}{:>16}\n", "phase", "seconds", "share", "per tick (ms)");
    for (std::size_t i = 0; i < phase_count; ++i) {
        const double s = profile.seconds(static_cast<Phase>(i));
        out +=
            fmt::format("{:<16}{:>14.6f}{:>8.1f}%{:>16.6f}\n", phase_names[i], s,
                        total > 0.0 ? 100.0 * s / total : 0.0, ticks > 0.0 ? 1e3 * s / ticks : 0.0);
    }
    out += fmt::format("{:<16}{:>14.6f}{:>8.1f}%{:>16.6f}\n", "total", total,
                       total > 0.0 ? 100.0 : 0.0, ticks > 0.0 ? 1e3 * total / ticks : 0.0);
    return out;
}

} // namespace unrest
