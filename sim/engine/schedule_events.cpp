#include "schedule_events.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace unrest {

namespace {

const char* phase_starting(const ScheduleChange& c) {
    return c.kind == ScheduleChange::Kind::set ? "at" : "start";
}

// One record per change of s that begins or ends at tick t.
void record_changes(const Schedule& s, Tick t, int region, const char* type, double before,
                    double after, std::vector<EventRecord>& applied) {
    for (const ScheduleChange& c : s.changes()) {
        const bool begins = c.from == t;
        const bool ends =
            c.kind != ScheduleChange::Kind::set && c.to != forever && c.to == t && c.to != c.from;
        if (begins || ends) {
            applied.push_back(EventRecord{t, region, type, "", begins ? phase_starting(c) : "end",
                                          fmt::format("{} {} -> {}", type, before, after)});
        }
    }
}

} // namespace

ScheduleEvents::ScheduleEvents(std::vector<RegionSchedules> regions)
    : regions_(std::move(regions)) {}

RegionSchedules ScheduleEvents::schedules_of(const ModelConfig& config, std::int64_t initial_police,
                                             std::int64_t cells) {
    return {config.legitimacy.schedule,
            Schedule(static_cast<double>(initial_police) / static_cast<double>(cells),
                     config.cops.density_changes)};
}

void ScheduleEvents::apply(Tick t, std::span<RegionControls> regions,
                           std::vector<EventRecord>& applied) {
    const std::size_t n = std::min(regions.size(), regions_.size());
    for (std::size_t r = 0; r < n; ++r) {
        const RegionSchedules& s = regions_[r];
        RegionControls& c = regions[r];
        const int region = static_cast<int>(r);
        if (!s.legitimacy.constant()) {
            const double before = c.legitimacy;
            const double now = s.legitimacy.at(t);
            if (now != s.legitimacy.at(t - 1)) {
                c.legitimacy = std::clamp(now, 0.0, 1.0);
            }
            record_changes(s.legitimacy, t, region, "legitimacy", before, c.legitimacy, applied);
        }
        if (!s.cop_density.constant()) {
            const double before = c.cop_density.value_or(s.cop_density.at(t - 1));
            c.cop_density = std::clamp(s.cop_density.at(t), 0.0, 1.0);
            record_changes(s.cop_density, t, region, "cop_density", before, *c.cop_density,
                           applied);
        }
    }
}

} // namespace unrest
