// Scenario -> YAML with every key, in parameter-table order; loading it gives back the scenario.
// Each block prints its own part (sim/scenario/blocks/).
#include "blocks/block.hpp"
#include "load.hpp"

namespace unrest {

YAML::Node resolved_yaml(const Scenario& s) {
    YAML::Node out(YAML::NodeType::Map);
    for (const detail::Block& b : detail::scenario_blocks()) {
        if (b.print_model) {
            b.print_model(s.model, out);
        }
        if (b.print) {
            b.print(s, out);
        }
    }
    return out;
}

} // namespace unrest
