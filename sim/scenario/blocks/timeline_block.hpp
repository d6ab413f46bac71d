// The `timeline:` block: a list of typed events (docs/timeline.md; sim/timeline/), read into a
// Timeline, printed back for `validate --print`, and documented in the parameter table.
//
//   timeline:
//     - {type: legitimacy, id: fall, region: almaty, from: 2022-01-04T18:00, to: 20, ramp_to: 0.7}
//     - {type: comms, from: 2022-01-05T17:00, to: 2022-01-10T12:00, severity: 0.8}
#pragma once

#include "../../timeline/timeline.hpp"
#include "../parameter_table.hpp"
#include "../yaml_reader.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest::detail {

// The events of the list under `list` (the top-level `timeline` value), in file order; no field:
// none. Times through read_time (calendar_block.hpp), rates through read_rate. Refused: an item
// that is not a mapping, a missing or unknown `type`, a key the type does not take (with a
// suggestion), a malformed or duplicate `id`, a `region` not in `region_names`, both or neither
// of `at` and `from`, `to` without `from` or not after it, and what the type's check refuses.
std::vector<EventSpec> read_timeline_events(const YamlReader& r, const std::optional<Field>& list,
                                            const Calendar& calendar,
                                            std::span<const std::string> region_names);

// The same as a Timeline (events converted from the classic schedules may be put before them by
// the caller: Timeline(concatenation)).
Timeline read_timeline_block(const YamlReader& r, const std::optional<Field>& list,
                             const Calendar& calendar, std::span<const std::string> region_names);

// The list as `validate --print` writes it: one flow mapping per event, times as time_yaml writes
// them; events converted from a classic schedule (origin set) are left out. Reading it back gives
// the same specs. An empty list when there are none.
YAML::Node timeline_yaml(const Timeline& timeline, const Calendar& calendar);

// The keys every event takes, then each type's own ("timeline.legitimacy.ramp_to").
std::vector<ParameterDoc> timeline_parameter_rows();

// The keys an event of `type` takes: the common ones, then the type's.
std::vector<std::string> event_keys(const EventType& type);

} // namespace unrest::detail
