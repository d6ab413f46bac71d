// `price`: set the region's fuel price (MODEL.md §3; the January 2022 LPG price rise).
#include "timeline.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {

class PriceSet final : public Event {
public:
    explicit PriceSet(double price) : price_(price) {}
    std::string begin(Tick /*t*/, RegionControls& region) override {
        const std::string before =
            region.fuel_price ? format_value(*region.fuel_price) : std::string("unset");
        region.fuel_price = price_;
        return fmt::format("fuel_price {} -> {}", before, format_value(price_));
    }

private:
    double price_;
};

std::optional<SpecProblem> check(const EventSpec& spec) {
    if (spec.spans()) {
        return SpecProblem{"from", "'at' (a price is set at a time)", "'from'"};
    }
    if (!spec.params.has("set")) {
        return SpecProblem{"", "a value for required key 'set'", "none"};
    }
    return std::nullopt;
}

} // namespace

const EventType& price_event_type() {
    static const EventType type{
        "price",
        "the region's fuel price, from `at` on",
        {{"set", ParamKind::nonnegative, "the fuel price from `at` on", {}, "currency per litre"}},
        check,
        [](const EventSpec& spec) -> std::unique_ptr<Event> {
            return std::make_unique<PriceSet>(spec.params.number("set"));
        },
    };
    return type;
}

} // namespace unrest
