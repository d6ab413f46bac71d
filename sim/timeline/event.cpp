#include "event.hpp"

#include "event_params.hpp"
#include "event_type.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

std::string Event::step(Tick /*t*/, RegionControls& /*region*/) {
    return {};
}

std::string Event::end(Tick /*t*/, RegionControls& /*region*/) {
    return {};
}

std::string format_value(double v) {
    return fmt::format("{:.10g}", v + 0.0);
}

void EventParams::set(std::string key, ParamValue value) {
    for (auto& [k, v] : entries_) {
        if (k == key) {
            v = std::move(value);
            return;
        }
    }
    entries_.emplace_back(std::move(key), std::move(value));
}

bool EventParams::has(std::string_view key) const noexcept {
    return std::any_of(entries_.begin(), entries_.end(),
                       [key](const auto& e) { return e.first == key; });
}

const ParamValue& EventParams::at(std::string_view key) const {
    for (const auto& [k, v] : entries_) {
        if (k == key) {
            return v;
        }
    }
    throw std::logic_error(fmt::format("event parameter '{}' absent", key));
}

namespace {
template <class T>
const T& get(const ParamValue& v, std::string_view key) {
    if (const T* p = std::get_if<T>(&v)) {
        return *p;
    }
    throw std::logic_error(fmt::format("event parameter '{}' of another type", key));
}
} // namespace

double EventParams::number(std::string_view key) const {
    return get<double>(at(key), key);
}

std::int64_t EventParams::count(std::string_view key) const {
    return get<std::int64_t>(at(key), key);
}

bool EventParams::flag(std::string_view key) const {
    return get<bool>(at(key), key);
}

const std::string& EventParams::text(std::string_view key) const {
    return get<std::string>(at(key), key);
}

const std::vector<std::string>& EventParams::names(std::string_view key) const {
    return get<std::vector<std::string>>(at(key), key);
}

const ParamSpec* EventType::param(std::string_view key) const noexcept {
    const auto it = std::find_if(params.begin(), params.end(),
                                 [key](const ParamSpec& p) { return p.key == key; });
    return it == params.end() ? nullptr : &*it;
}

} // namespace unrest
