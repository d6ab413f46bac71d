// A quantity that changes over ticks: legitimacy L(t) for runs 3 and 4, the cop count for run 5
// (MODEL.md §2, Table 2). A schedule is an initial value and an ordered list of changes, each
// starting where the previous one ended; evaluation is a pure function of the tick.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace unrest {

using Tick = std::int64_t;
inline constexpr Tick forever = std::numeric_limits<Tick>::max();

struct ScheduleChange {
    enum class Kind {
        set,               // from tick `from` on, the value is `value` (a step)
        ramp,              // linear from the value at `from` to `value` at `to`, then held
        add_per_tick,      // `value` added at every tick from `from` to `to` inclusive
        multiply_per_tick, // multiplied by `value` at every tick from `from` to `to` inclusive
    };
    Kind kind = Kind::set;
    Tick from = 0;
    Tick to = forever; // last tick of the change (set: unused)
    double value = 0.0;
};

class Schedule {
public:
    Schedule() = default;
    explicit Schedule(double initial, std::vector<ScheduleChange> changes = {})
        : initial_(initial), changes_(std::move(changes)) {}

    double initial() const noexcept { return initial_; }
    const std::vector<ScheduleChange>& changes() const noexcept { return changes_; }
    bool constant() const noexcept { return changes_.empty(); }

    // The value in force during tick t (t = 0 is the initial state).
    double at(Tick t) const noexcept;

private:
    double initial_ = 0.0;
    std::vector<ScheduleChange> changes_;
};

} // namespace unrest
