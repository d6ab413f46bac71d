// `police_withdrawal`: police ordered off the streets from `from` until `to` (MODEL.md §3.5;
// MECHANISMS.md §7b: "police withdraw from key buildings", 5 Jan 2022). While it is in force the
// forces phase keeps `share` of the police force off the grid (phases/forces.cpp); when it ends
// they come back. Overlapping orders: the largest share in force (each re-imposes the max of its
// share and the one set every tick; the ends act first).
#include "timeline.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace unrest {

namespace {

class PoliceWithdrawal final : public Event {
public:
    explicit PoliceWithdrawal(double share) : share_(share) {}
    std::string begin(Tick /*t*/, RegionControls& region) override {
        return set(region, std::max(region.police_ordered_off, share_));
    }
    std::string step(Tick t, RegionControls& region) override {
        return region.police_ordered_off >= share_ ? std::string() : begin(t, region);
    }
    std::string end(Tick /*t*/, RegionControls& region) override { return set(region, 0.0); }

private:
    static std::string set(RegionControls& region, double v) {
        const double before = region.police_ordered_off;
        region.police_ordered_off = v;
        return fmt::format("police ordered off {} -> {}", format_value(before), format_value(v));
    }
    double share_;
};

std::optional<SpecProblem> check(const EventSpec& spec) {
    if (!spec.spans()) {
        return SpecProblem{"at", "'from' (and 'to' when the police come back)", "'at'"};
    }
    if (!spec.params.has("share")) {
        return SpecProblem{"", "a value for required key 'share'", "none"};
    }
    return std::nullopt;
}

} // namespace

const EventType& police_withdrawal_event_type() {
    static const EventType type{
        "police_withdrawal",
        "police ordered off the streets from `from` until `to`: that share of the force is kept "
        "off the grid, then comes back",
        {{"share",
          ParamKind::probability,
          "the share of the police force (on duty) ordered off the streets",
          {},
          ""}},
        check,
        [](const EventSpec& spec) -> std::unique_ptr<Event> {
            return std::make_unique<PoliceWithdrawal>(spec.params.number("share"));
        },
    };
    return type;
}

} // namespace unrest
