#include "timeline.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

namespace {

// One event acting on one region.
struct Instance {
    const EventSpec* spec;
    int region;
    std::unique_ptr<Event> event;
};

class TimelineRun final : public TimelineSource {
public:
    // Its own copy of the specs: the run does not depend on the Timeline outliving it.
    TimelineRun(std::vector<EventSpec> specs, std::span<const std::string> region_names)
        : specs_(std::move(specs)), regions_(region_names.size()) {
        for (const EventSpec& s : specs_) {
            if (!s.enabled) {
                continue;
            }
            if (s.region.empty()) {
                for (std::size_t r = 0; r < regions_; ++r) {
                    instances_.push_back({&s, static_cast<int>(r), s.type->make(s)});
                }
                continue;
            }
            const auto it = std::find(region_names.begin(), region_names.end(), s.region);
            if (it == region_names.end()) {
                throw std::invalid_argument(
                    fmt::format("timeline event for unknown region '{}'", s.region));
            }
            instances_.push_back(
                {&s, static_cast<int>(it - region_names.begin()), s.type->make(s)});
        }
    }

    void apply(Tick t, std::span<RegionControls> regions,
               std::vector<EventRecord>& applied) override {
        if (regions.size() != regions_) {
            throw std::invalid_argument(fmt::format(
                "timeline started for {} regions, applied to {}", regions_, regions.size()));
        }
        // Ends first: what an event in force leaves behind is settled before anything else acts.
        for (Instance& i : instances_) {
            if (i.spec->spans() && i.spec->to == t) {
                record(t, i, "end", i.event->end(t, regions[i.region]), applied);
            }
        }
        for (Instance& i : instances_) {
            const EventSpec& s = *i.spec;
            if (t == s.start()) {
                record(t, i, s.spans() ? "start" : "at", i.event->begin(t, regions[i.region]),
                       applied);
            } else if (s.spans() && t > *s.from && (!s.to || t < *s.to)) {
                std::string details = i.event->step(t, regions[i.region]);
                if (!details.empty()) {
                    record(t, i, "step", std::move(details), applied);
                }
            }
        }
    }

private:
    static void record(Tick t, const Instance& i, const char* phase, std::string details,
                       std::vector<EventRecord>& applied) {
        applied.push_back(
            EventRecord{t, i.region, i.spec->type->name, i.spec->id, phase, std::move(details)});
    }

    const std::vector<EventSpec> specs_; // never resized: instances_ point into it
    std::size_t regions_;
    std::vector<Instance> instances_;
};

} // namespace

Timeline::Timeline(std::vector<EventSpec> events) : events_(std::move(events)) {
    for (std::size_t i = 0; i < events_.size(); ++i) {
        const EventSpec& s = events_[i];
        if (s.type == nullptr || s.at.has_value() == s.from.has_value() || (s.to && !s.from) ||
            (s.to && *s.to <= *s.from) || s.start() < 1) {
            throw std::invalid_argument(fmt::format("timeline event {} is malformed", i));
        }
        if (!s.id.empty() && find(s.id) != &s) {
            throw std::invalid_argument(fmt::format("timeline event id '{}' given twice", s.id));
        }
    }
}

const EventSpec* Timeline::find(std::string_view id) const noexcept {
    const auto it = std::find_if(events_.begin(), events_.end(),
                                 [id](const EventSpec& s) { return s.id == id; });
    return it == events_.end() ? nullptr : &*it;
}

std::unique_ptr<TimelineSource> Timeline::start(std::span<const std::string> region_names) const {
    return std::make_unique<TimelineRun>(events_, region_names);
}

} // namespace unrest
