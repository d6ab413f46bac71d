// `force_level`: the force the police may use from `at` on (MODEL.md §3.5).
#include "timeline.hpp"

#include <array>
#include <fmt/format.h>

namespace unrest {

namespace {

constexpr std::array<const char*, 4> level_names{"arrests_only", "less_lethal", "lethal",
                                                 "without_warning"};

const char* name_of(ForceLevel level) {
    return level_names[static_cast<std::size_t>(level)];
}

class ForceLevelSet final : public Event {
public:
    explicit ForceLevelSet(ForceLevel level) : level_(level) {}
    std::string begin(Tick /*t*/, RegionControls& region) override {
        const ForceLevel before = region.force_level;
        region.force_level = level_;
        return fmt::format("force_level {} -> {}", name_of(before), name_of(level_));
    }

private:
    ForceLevel level_;
};

std::optional<SpecProblem> check(const EventSpec& spec) {
    if (spec.spans()) {
        return SpecProblem{"from", "'at' (the level holds until another force_level event)",
                           "'from'"};
    }
    if (!spec.params.has("level")) {
        return SpecProblem{"", "a value for required key 'level'", "none"};
    }
    return std::nullopt;
}

} // namespace

const EventType& force_level_event_type() {
    static const EventType type{
        "force_level",
        "the force the police may use, from `at` on",
        {{"level",
          ParamKind::choice,
          "arrests_only; less_lethal (batons, tear gas, rubber bullets); lethal (firearms against "
          "armed attackers); without_warning (lethal force without warning)",
          {level_names.begin(), level_names.end()},
          ""}},
        check,
        [](const EventSpec& spec) -> std::unique_ptr<Event> {
            const std::string& name = spec.params.text("level");
            std::size_t i = 0;
            while (i + 1 < level_names.size() && name != level_names[i]) {
                ++i;
            }
            return std::make_unique<ForceLevelSet>(static_cast<ForceLevel>(i));
        },
    };
    return type;
}

} // namespace unrest
