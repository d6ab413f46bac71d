#include "schedule.hpp"

#include <algorithm>
#include <cmath>

namespace unrest {

double Schedule::at(Tick t) const noexcept {
    double v = initial_;
    for (const ScheduleChange& c : changes_) {
        if (t < c.from) {
            break; // changes are ordered and do not overlap (validated on load)
        }
        switch (c.kind) {
        case ScheduleChange::Kind::set:
            v = c.value;
            break;
        case ScheduleChange::Kind::ramp:
            if (t >= c.to) {
                v = c.value;
            } else {
                const double f =
                    static_cast<double>(t - c.from) / static_cast<double>(c.to - c.from);
                v = v + (c.value - v) * f;
            }
            break;
        case ScheduleChange::Kind::add_per_tick:
            v += c.value * static_cast<double>(std::min(t, c.to) - c.from + 1);
            break;
        case ScheduleChange::Kind::multiply_per_tick:
            v *= std::pow(c.value, static_cast<double>(std::min(t, c.to) - c.from + 1));
            break;
        }
    }
    return v;
}

} // namespace unrest
