// The timeline as a scenario block (its reader, printer and rows live in timeline_block.cpp),
// read last: its events name regions and hold times. The classic schedules of each region's model
// (legitimacy.changes, cops.density_changes) stay in the model and are applied by the engine's
// ScheduleEvents (sim/engine/schedule_events.hpp) through the same TimelineSource interface, in
// each region, before these events.
#include "../../timeline/timeline.hpp"
#include "block.hpp"
#include "timeline_block.hpp"

#include <algorithm>

namespace unrest::detail {

namespace {

// The most persons of `key` ("size", "frees_police") that the timeline's contingents in
// `region` have present at once: the agents to reserve for them (rules/forces.hpp).
std::int64_t most_at_once(const Timeline& timeline, const std::string& region,
                          std::string_view key) {
    struct Span {
        Tick from;
        Tick to;
        std::int64_t persons;
    };
    std::vector<Span> spans;
    for (const EventSpec& e : timeline.events()) {
        if (e.enabled && e.type != nullptr && e.type->name == "contingent" &&
            (e.region.empty() || e.region == region) && e.params.has(key)) {
            spans.push_back({e.start(), e.to.value_or(forever), e.params.count(key)});
        }
    }
    std::int64_t most = 0;
    for (const Span& at : spans) {
        std::int64_t present = 0;
        for (const Span& other : spans) {
            present += other.from <= at.from && at.from < other.to ? other.persons : 0;
        }
        most = std::max(most, present);
    }
    return most;
}

void read(const ReadContext& ctx, Scenario& s) {
    std::vector<std::string> names;
    for (const RegionSpec& region : s.regions) {
        names.push_back(region.name);
    }
    s.timeline = std::make_shared<const Timeline>(
        read_timeline_block(ctx.r, ctx.container.get("timeline"), s.calendar, names));
    // Agents for the contingents and the police they free, reserved in each region's model.
    for (RegionSpec& region : s.regions) {
        region.model.military.reserve = most_at_once(*s.timeline, region.name, "size");
        region.model.military.police_reserve =
            most_at_once(*s.timeline, region.name, "frees_police");
        s.model.military.reserve =
            std::max(s.model.military.reserve, region.model.military.reserve);
        s.model.military.police_reserve =
            std::max(s.model.military.police_reserve, region.model.military.police_reserve);
    }
}

void print(const Scenario& s, YAML::Node& root) {
    if (s.timeline) {
        const YAML::Node list = timeline_yaml(*s.timeline, s.calendar);
        if (list.size() > 0) {
            root["timeline"] = list;
        }
    }
}

} // namespace

const Block& timeline_block() {
    static const Block block{"timeline", timeline_parameter_rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
