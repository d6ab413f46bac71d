// A timeline for engine tests: a function of (tick, controls of each region).
#pragma once

#include "sim/engine/timeline_source.hpp"

#include <functional>
#include <span>
#include <vector>

namespace unrest::test {

class FnTimeline final : public TimelineSource {
public:
    explicit FnTimeline(std::function<void(Tick, std::span<RegionControls>)> f)
        : f_(std::move(f)) {}
    void apply(Tick t, std::span<RegionControls> regions,
               std::vector<EventRecord>& /*applied*/) override {
        f_(t, regions);
    }

private:
    std::function<void(Tick, std::span<RegionControls>)> f_;
};

} // namespace unrest::test
