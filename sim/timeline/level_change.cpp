#include "level_change.hpp"

#include "timeline.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace unrest {

namespace {

enum class Form { set, shift, ramp, add_per_tick, multiply_per_tick };

struct FormKey {
    const char* key;
    Form form;
    bool spans; // from/to (else at)
};

constexpr std::array<FormKey, 5> forms{{
    {"set", Form::set, false},
    {"shift", Form::shift, false},
    {"ramp_to", Form::ramp, true},
    {"add_per_tick", Form::add_per_tick, true},
    {"multiply_per_tick", Form::multiply_per_tick, true},
}};

constexpr const char* form_list = "one of set, shift (with at), ramp_to, add_per_tick, "
                                  "multiply_per_tick (with from)";

class LevelChange final : public Event {
public:
    LevelChange(LevelAccess access, Form form, double value, Tick from, Tick to)
        : access_(access), form_(form), value_(value), from_(from), to_(to) {}

    std::string begin(Tick t, RegionControls& region) override {
        start_ = access_.get(region);
        const std::string details = change(t, region);
        if (form_ == Form::ramp) {
            return fmt::format("{} (ramp to {} at tick {})", details, format_value(value_), to_);
        }
        return details;
    }
    std::string step(Tick t, RegionControls& region) override { return change(t, region); }
    std::string end(Tick /*t*/, RegionControls& region) override {
        if (form_ != Form::ramp) {
            return {}; // per-tick changes have acted for the last time during to - 1
        }
        return put(region, value_);
    }

private:
    // The value during tick t >= from, as Schedule::at computes it (sim/core/schedule.cpp) with
    // v = start_, the value when the change began. Per-tick changes count ticks from..t; the
    // schedule's `to` is inclusive where the event's is not, and t < to here.
    double value_at(Tick t) const noexcept {
        switch (form_) {
        case Form::set:
            return value_;
        case Form::shift:
            return start_ + value_;
        case Form::ramp: {
            if (t >= to_) {
                return value_;
            }
            const double f = static_cast<double>(t - from_) / static_cast<double>(to_ - from_);
            return start_ + (value_ - start_) * f;
        }
        case Form::add_per_tick:
            return start_ + value_ * static_cast<double>(t - from_ + 1);
        case Form::multiply_per_tick:
            return start_ * std::pow(value_, static_cast<double>(t - from_ + 1));
        }
        return start_;
    }

    std::string change(Tick t, RegionControls& region) { return put(region, value_at(t)); }

    std::string put(RegionControls& region, double v) {
        const double before = access_.get(region);
        access_.put(region, v);
        return fmt::format("{} {} -> {}", access_.name, format_value(before), format_value(v));
    }

    LevelAccess access_;
    Form form_;
    double value_;
    Tick from_;
    Tick to_;
    double start_ = 0.0;
};

} // namespace

std::vector<ParamSpec> level_change_params(const std::string& what, const std::string& unit) {
    return {
        {"set", ParamKind::probability, fmt::format("{} from `at` on", what), {}, unit},
        {"shift", ParamKind::number, fmt::format("added to {} at `at`", what), {}, unit},
        {"ramp_to",
         ParamKind::probability,
         fmt::format("{} reached at `to`, linearly from its value at `from`", what),
         {},
         unit},
        {"add_per_tick",
         ParamKind::rate,
         fmt::format("added to {} at every tick from `from` to `to` - 1 (per tick, per hour or "
                     "per day)",
                     what),
         {},
         unit},
        {"multiply_per_tick",
         ParamKind::positive,
         fmt::format("{} multiplied by it at every tick from `from` to `to` - 1", what),
         {},
         ""},
    };
}

std::optional<SpecProblem> check_level_change(const EventSpec& spec) {
    const FormKey* form = nullptr;
    for (const FormKey& f : forms) {
        if (spec.params.has(f.key)) {
            if (form != nullptr) {
                return SpecProblem{f.key, form_list,
                                   fmt::format("both '{}' and '{}'", form->key, f.key)};
            }
            form = &f;
        }
    }
    if (form == nullptr) {
        return SpecProblem{"", form_list, "none of them"};
    }
    if (!form->spans && spec.spans()) {
        return SpecProblem{"from", fmt::format("'at' with '{}'", form->key), "'from'"};
    }
    if (form->spans && !spec.spans()) {
        return SpecProblem{"at", fmt::format("'from' with '{}'", form->key), "'at'"};
    }
    if (form->form == Form::ramp && !spec.to) {
        return SpecProblem{"ramp_to", "a 'to' with 'ramp_to'", "none"};
    }
    return std::nullopt;
}

std::unique_ptr<Event> make_level_change(const EventSpec& spec, LevelAccess access) {
    for (const FormKey& f : forms) {
        if (spec.params.has(f.key)) {
            return std::make_unique<LevelChange>(access, f.form, spec.params.number(f.key),
                                                 spec.start(), spec.to.value_or(forever));
        }
    }
    return nullptr; // check_level_change refuses a spec without a form
}

} // namespace unrest
