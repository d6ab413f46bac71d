// The timeline as a scenario block (its reader, printer and rows live in timeline_block.cpp),
// read last: its events name regions and hold times. The classic schedules of each region's model
// (legitimacy.changes, cops.density_changes) stay in the model and are applied by the engine's
// ScheduleEvents (sim/engine/schedule_events.hpp) through the same TimelineSource interface, in
// each region, before these events.
#include "block.hpp"
#include "timeline_block.hpp"

namespace unrest::detail {

namespace {

void read(const ReadContext& ctx, Scenario& s) {
    std::vector<std::string> names;
    for (const RegionSpec& region : s.regions) {
        names.push_back(region.name);
    }
    s.timeline = std::make_shared<const Timeline>(
        read_timeline_block(ctx.r, ctx.container.get("timeline"), s.calendar, names));
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
