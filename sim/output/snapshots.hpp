// Grid snapshots (`unrest run --snapshot-every`, docs/outputs.md "Snapshots"): every `every`
// ticks from tick 0, the agents standing in each cell of each region by layer (quiet, active,
// violent citizens, police and military on duty) and each site's status, written at the end as
// snapshots.npz (one uint8 array per region, deflated as the frames arrive) and snapshots.json
// (the frames' ticks and times, the regions' grids and sites). Reads the engine through
// Simulation's accessors only; counts by a serial scan, so the bytes do not depend on threads.
#pragma once

#include "../engine/simulation.hpp"
#include "../scenario/scenario.hpp"
#include "npz_writer.hpp"
#include "output_layout.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace unrest {

// The layers of a frame, in order, as snapshots.json names them.
inline constexpr std::array<const char*, 5> snapshot_layers = {"quiet", "active", "violent",
                                                               "police", "military"};
inline constexpr std::array<const char*, 4> snapshot_site_statuses = {"intact", "damaged", "seized",
                                                                      "burned"};

// Frames taken over `ticks` ticks every `every` ticks (every >= 1): tick 0 and each multiple.
constexpr Tick snapshot_frames(Tick ticks, Tick every) noexcept {
    return ticks / every + 1;
}

// Why the snapshots of `scenario` every `every` ticks cannot be written (a region's frames past
// the 4 GiB a zip member holds without ZIP64), naming --snapshot-every; empty when they can.
std::string snapshot_size_problem(const Scenario& scenario, Tick every);

class SnapshotRecorder {
public:
    // For `sim` (at tick 0) run for `ticks` ticks, a frame every `every` ticks (>= 1). The
    // regions are named as in `layout` (one per simulated region, in order: std::invalid_argument
    // otherwise), which also gives their time zones, the calendar and persons per agent.
    SnapshotRecorder(const Simulation& sim, const OutputLayout& layout, Tick every, Tick ticks);

    // Takes the frame of sim.tick() when it is a frame tick (a multiple of `every`); call it at
    // tick 0 and after every step.
    void observe(const Simulation& sim);

    // Writes snapshots.npz and snapshots.json into `dir` (each under a temporary name, then
    // renamed). std::logic_error unless every frame was taken; OutputError when a write fails.
    void write(const std::filesystem::path& dir);

    // The content of snapshots.json.
    nlohmann::ordered_json json() const;

    Tick every() const noexcept { return every_; }
    Tick frames() const noexcept { return frames_; }

private:
    struct RegionFrames {
        std::string name;
        int width = 0;
        int height = 0;
        std::size_t sites = 0;
        NpzMember cells;
        NpzMember site_status;
    };

    OutputLayout layout_;
    Tick every_;
    Tick frames_;
    std::vector<Tick> ticks_; // of the frames taken
    nlohmann::ordered_json regions_json_;
    std::vector<RegionFrames> regions_;
    std::vector<std::uint8_t> frame_; // one region's frame, reused
    bool written_ = false;
};

} // namespace unrest
