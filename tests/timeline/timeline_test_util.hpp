// Reading calendar and timeline blocks out of YAML text as the loader does, and running a
// timeline over ticks.
#pragma once

#include "sim/scenario/blocks/calendar_block.hpp"
#include "sim/scenario/blocks/timeline_block.hpp"
#include "sim/scenario/load.hpp"

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest::test {

inline const std::vector<std::string> one_region{"main"};

// The top-level `calendar` and `timeline` of `text`, read from file "t.yaml".
struct Blocks {
    detail::CalendarBlock calendar;
    Timeline timeline;
};

inline Blocks read_blocks(const std::string& text,
                          const std::vector<std::string>& regions = one_region) {
    const YAML::Node tree = YAML::Load(text);
    const detail::YamlReader r("t.yaml", {});
    const detail::Field root{tree, YAML::Mark::null_mark(), ""};
    const detail::Mapping m(r, root, {"calendar", "timeline", "ticks"});
    Blocks b;
    b.calendar = detail::read_calendar_block(r, m.get("calendar"));
    b.timeline = detail::read_timeline_block(r, m.get("timeline"), b.calendar.calendar, regions);
    return b;
}

// The what() of the ScenarioError that reading `text` throws, or "no error".
inline std::string read_error(const std::string& text,
                              const std::vector<std::string>& regions = one_region) {
    try {
        (void)read_blocks(text, regions);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

// The controls after each tick 1..ticks (index t), from `initial` in every region; the records
// applied go to `records`.
inline std::vector<std::vector<RegionControls>>
run_timeline(const Timeline& timeline, Tick ticks, const std::vector<std::string>& regions,
             RegionControls initial, std::vector<EventRecord>* records = nullptr) {
    std::vector<RegionControls> now(regions.size(), initial);
    std::vector<std::vector<RegionControls>> history{now};
    const auto source = timeline.start(regions);
    std::vector<EventRecord> applied;
    for (Tick t = 1; t <= ticks; ++t) {
        source->apply(t, now, applied);
        history.push_back(now);
    }
    if (records != nullptr) {
        *records = applied;
    }
    return history;
}

} // namespace unrest::test
