// Where the time of a run goes, phase by phase: one steady_clock reading at the start and end of
// each phase of each tick (never per agent), summed over the run. `unrest run --profile` prints
// it.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace unrest {

// The phases of a tick, in the order they run (MODEL.md §2, Schedule; sim/engine/phases/).
enum class Phase : std::uint8_t {
    timeline,
    crowd,
    deployment,
    forces,
    jail_countdown,
    activation,
    confrontation,
    sites,
    legitimacy,
    news,
    observe,
    count_
};
inline constexpr std::size_t phase_count = static_cast<std::size_t>(Phase::count_);
inline constexpr std::array<const char*, phase_count> phase_names = {
    "timeline",      "crowd", "deployment", "forces", "jail_countdown", "activation",
    "confrontation", "sites", "legitimacy", "news",   "observe"};

class PhaseProfile {
public:
    double seconds(Phase p) const noexcept { return seconds_[static_cast<std::size_t>(p)]; }
    void add(Phase p, double s) noexcept { seconds_[static_cast<std::size_t>(p)] += s; }
    std::int64_t ticks() const noexcept { return ticks_; }
    void count_tick() noexcept { ++ticks_; }
    double total() const noexcept {
        double t = 0.0;
        for (const double s : seconds_) {
            t += s;
        }
        return t;
    }

private:
    std::array<double, phase_count> seconds_{};
    std::int64_t ticks_ = 0;
};

// Adds the time from its construction to its destruction to one phase of a profile.
class ScopedPhaseTimer {
public:
    ScopedPhaseTimer(PhaseProfile& profile, Phase phase) noexcept
        : profile_(profile), phase_(phase), start_(std::chrono::steady_clock::now()) {}
    ~ScopedPhaseTimer() {
        profile_.add(
            phase_,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
    }
    ScopedPhaseTimer(const ScopedPhaseTimer&) = delete;
    ScopedPhaseTimer& operator=(const ScopedPhaseTimer&) = delete;

private:
    PhaseProfile& profile_;
    Phase phase_;
    std::chrono::steady_clock::time_point start_;
};

// The profile as a table for people: one line per phase in order (phase, total seconds, share of
// the phases' total, mean time per tick), then the total.
std::string profile_table(const PhaseProfile& profile);

} // namespace unrest
