#include "output_layout.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

std::string OutputLayout::local_time(Tick t, int region) const {
    const std::int64_t utc = calendar.tick_start(std::max<Tick>(t, 1));
    return format_wall_clock(utc, regions.at(static_cast<std::size_t>(region)).utc_offset_minutes);
}

std::vector<std::int64_t> OutputLayout::citizens() const {
    std::vector<std::int64_t> c;
    c.reserve(regions.size());
    for (const OutputRegion& r : regions) {
        c.push_back(r.citizens);
    }
    return c;
}

OutputLayout output_layout(const Scenario& scenario, std::span<const std::int64_t> citizens) {
    OutputLayout layout;
    if (scenario.regions.empty()) {
        layout.regions.push_back({"main", scenario.calendar.utc_offset_minutes, 0});
    } else {
        for (const RegionSpec& spec : scenario.regions) {
            layout.regions.push_back({spec.name, spec.utc_offset_minutes, 0});
        }
    }
    if (citizens.size() != layout.regions.size()) {
        throw std::invalid_argument(fmt::format("output_layout: {} regions but {} citizen counts",
                                                layout.regions.size(), citizens.size()));
    }
    for (std::size_t i = 0; i < citizens.size(); ++i) {
        layout.regions[i].citizens = citizens[i];
    }
    layout.calendar = scenario.calendar;
    layout.persons_per_agent =
        std::max<std::int64_t>(1, std::llround(scenario.scale.persons_per_agent));
    layout.analysis = scenario.analysis;
    return layout;
}

} // namespace unrest
