// `curfew`: a curfew in force from `from` until `to` (MODEL.md §3). Overlapping curfews: the
// curfew is on while any is in force (each re-imposes it every tick; the ends act first).
#include "timeline.hpp"

namespace unrest {

namespace {

const char* on_off(bool on) {
    return on ? "on" : "off";
}

class Curfew final : public Event {
public:
    std::string begin(Tick /*t*/, RegionControls& region) override {
        const bool before = region.curfew;
        region.curfew = true;
        return std::string("curfew ") + on_off(before) + " -> on";
    }
    std::string step(Tick t, RegionControls& region) override {
        return region.curfew ? std::string() : begin(t, region);
    }
    std::string end(Tick /*t*/, RegionControls& region) override {
        const bool before = region.curfew;
        region.curfew = false;
        return std::string("curfew ") + on_off(before) + " -> off";
    }
};

std::optional<SpecProblem> check(const EventSpec& spec) {
    if (!spec.spans()) {
        return SpecProblem{"at", "'from' (and 'to' when it is lifted)", "'at'"};
    }
    return std::nullopt;
}

} // namespace

const EventType& curfew_event_type() {
    static const EventType type{
        "curfew",
        "a curfew from `from` until `to` (open-ended without `to`)",
        {},
        check,
        [](const EventSpec&) -> std::unique_ptr<Event> { return std::make_unique<Curfew>(); },
    };
    return type;
}

} // namespace unrest
