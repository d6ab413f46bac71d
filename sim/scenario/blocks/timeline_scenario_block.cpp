// The timeline as a scenario block (its reader, printer and rows live in timeline_block.cpp),
// read last: its events name regions and hold times. The classic schedules of each region's model
// (legitimacy.changes, cops.density_changes) become events first, aimed at that region, so that
// the engine applies one timeline (sim/timeline/classic_schedules.hpp: the same doubles as
// Schedule::at).
#include "../../timeline/classic_schedules.hpp"
#include "block.hpp"
#include "timeline_block.hpp"

namespace unrest::detail {

namespace {

void read(const ReadContext& ctx, Scenario& s) {
    std::vector<std::string> names;
    for (const RegionSpec& region : s.regions) {
        names.push_back(region.name);
    }
    std::vector<EventSpec> events;
    // One region: its schedules act on every region (there is only it). Several: each region's
    // own schedules (inherited from the scenario's unless the region gives its own) act on it.
    const bool one = s.regions.size() <= 1;
    for (const RegionSpec& region : s.regions) {
        for (auto [type, path, changes] : {std::tuple{"legitimacy", "legitimacy.changes",
                                                      &region.model.legitimacy.schedule.changes()},
                                           std::tuple{"cop_density", "cops.density_changes",
                                                      &region.model.cops.density_changes}}) {
            for (EventSpec& e : schedule_events(type, path, *changes)) {
                e.region = one ? std::string() : region.name;
                events.push_back(std::move(e));
            }
        }
    }
    for (EventSpec& e :
         read_timeline_events(ctx.r, ctx.container.get("timeline"), s.calendar, names)) {
        events.push_back(std::move(e));
    }
    s.timeline = std::make_shared<const Timeline>(std::move(events));
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
