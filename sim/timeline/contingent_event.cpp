// `contingent`: a military contingent arrives in a region at `at` or `from` and, with `to`,
// withdraws then (MODEL.md §3; the CSTO deployment of January 2022). It adds a
// ContingentPresence to the region's controls and removes it on withdrawal; issue 8 gives it
// effects.
#include "timeline.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace unrest {

namespace {

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        out += out.empty() ? n : ", " + n;
    }
    return out;
}

class Contingent final : public Event {
public:
    explicit Contingent(ContingentPresence presence) : presence_(std::move(presence)) {}
    std::string begin(Tick /*t*/, RegionControls& region) override {
        region.contingents.push_back(presence_);
        return fmt::format(
            "contingent {} arrives: {} persons, sites [{}], {}{}", presence_.id, presence_.size,
            join(presence_.sites), presence_.engage ? "engages" : "deters only",
            presence_.frees_police > 0 ? fmt::format(", frees {} police", presence_.frees_police)
                                       : std::string());
    }
    std::string end(Tick /*t*/, RegionControls& region) override {
        std::erase_if(region.contingents,
                      [this](const ContingentPresence& p) { return p.id == presence_.id; });
        return fmt::format("contingent {} withdraws", presence_.id);
    }

private:
    ContingentPresence presence_;
};

std::optional<SpecProblem> check(const EventSpec& spec) {
    if (!spec.params.has("size")) {
        return SpecProblem{"", "a value for required key 'size'", "none"};
    }
    return std::nullopt;
}

} // namespace

const EventType& contingent_event_type() {
    static const EventType type{
        "contingent",
        "a military contingent present from `at` or `from`, withdrawn at `to`",
        {{"size", ParamKind::count, "persons in the contingent", {}, "persons"},
         {"sites", ParamKind::names, "the sites it guards (names)", {}, ""},
         {"engage",
          ParamKind::flag,
          "rules of engagement: true = engages, false (the default) = deters only",
          {},
          ""},
         {"frees_police",
          ParamKind::count,
          "police it frees for the streets while present (MECHANISMS.md §8b): deployed from the "
          "reserve",
          {},
          "persons"}},
        check,
        [](const EventSpec& spec) -> std::unique_ptr<Event> {
            ContingentPresence p;
            // Its presence is named by the event's id, or by its place in the timeline.
            p.id = spec.id.empty() ? fmt::format("timeline[{}]", spec.index) : spec.id;
            p.size = spec.params.count("size");
            if (spec.params.has("sites")) {
                p.sites = spec.params.names("sites");
            }
            p.engage = spec.params.has("engage") && spec.params.flag("engage");
            if (spec.params.has("frees_police")) {
                p.frees_police = spec.params.count("frees_police");
            }
            return std::make_unique<Contingent>(std::move(p));
        },
    };
    return type;
}

} // namespace unrest
