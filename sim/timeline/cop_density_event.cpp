// `cop_density`: the police on duty wanted in a region, as a fraction of its cells (MODEL.md §2,
// Table 2 run 5; level_change.hpp). A change that begins while the region's cop_density is unset
// starts from the density laid out at tick 0 (RegionControls.initial_cop_density).
#include "level_change.hpp"
#include "timeline.hpp"

namespace unrest {

const EventType& cop_density_event_type() {
    static const EventType type{
        "cop_density",
        "the density of police on duty wanted: set, shift, ramp, or change it at every tick",
        level_change_params("the cop density", "fraction of cells"),
        check_level_change,
        [](const EventSpec& spec) {
            return make_level_change(spec,
                                     {"cop_density",
                                      [](const RegionControls& c) {
                                          return c.cop_density.value_or(c.initial_cop_density);
                                      },
                                      [](RegionControls& c, double v) { c.cop_density = v; }});
        },
    };
    return type;
}

} // namespace unrest
