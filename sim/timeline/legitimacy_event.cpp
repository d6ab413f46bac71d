// `legitimacy`: set, shift or ramp the region's legitimacy L (MODEL.md §3.3; level_change.hpp).
#include "level_change.hpp"
#include "timeline.hpp"

namespace unrest {

const EventType& legitimacy_event_type() {
    static const EventType type{
        "legitimacy",
        "the region's legitimacy L: set, shift, ramp, or change it at every tick",
        level_change_params("L", ""),
        check_level_change,
        [](const EventSpec& spec) {
            return make_level_change(spec, {"legitimacy",
                                            [](const RegionControls& c) { return c.legitimacy; },
                                            [](RegionControls& c, double v) { c.legitimacy = v; }});
        },
    };
    return type;
}

} // namespace unrest
