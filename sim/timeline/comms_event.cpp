// `comms`: a cut of internet and mobile communications from `from` until `to` (MODEL.md §3;
// MECHANISMS.md §10: news reach scales with comms). During a cut of severity s, comms = 1 - s;
// after it, comms is restored to 1. Overlapping cuts: comms is 1 - the largest severity among the
// cuts in force (each re-imposes min(comms, 1 - s) every tick; the ends act first, so a cut that
// ends restores 1 and the cuts still in force lower it again within the same tick).
#include "timeline.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace unrest {

namespace {

class CommsCut final : public Event {
public:
    explicit CommsCut(double severity) : available_(1.0 - severity) {}
    std::string begin(Tick /*t*/, RegionControls& region) override {
        return set(region, std::min(region.comms, available_));
    }
    std::string step(Tick t, RegionControls& region) override {
        return region.comms <= available_ ? std::string() : begin(t, region);
    }
    std::string end(Tick /*t*/, RegionControls& region) override { return set(region, 1.0); }

private:
    static std::string set(RegionControls& region, double v) {
        const double before = region.comms;
        region.comms = v;
        return fmt::format("comms {} -> {}", format_value(before), format_value(v));
    }
    double available_;
};

std::optional<SpecProblem> check(const EventSpec& spec) {
    if (!spec.spans()) {
        return SpecProblem{"at", "'from' (and 'to' when comms are restored)", "'at'"};
    }
    if (!spec.params.has("severity")) {
        return SpecProblem{"", "a value for required key 'severity'", "none"};
    }
    return std::nullopt;
}

} // namespace

const EventType& comms_event_type() {
    static const EventType type{
        "comms",
        "a communications cut from `from` until `to`: comms = 1 - severity, then 1",
        {{"severity",
          ParamKind::probability,
          "the share of communications cut: 1 = total shutdown",
          {},
          ""}},
        check,
        [](const EventSpec& spec) -> std::unique_ptr<Event> {
            return std::make_unique<CommsCut>(spec.params.number("severity"));
        },
    };
    return type;
}

} // namespace unrest
