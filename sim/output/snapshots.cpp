#include "snapshots.hpp"

#include "../rules/agent_states.hpp"
#include "output_dir.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

namespace {

constexpr std::size_t layer_count = snapshot_layers.size();
constexpr std::uint64_t member_max = 0xFFFFFFFFu; // a zip member without ZIP64

static_assert(static_cast<int>(SiteStatus::intact) == 0 &&
                  static_cast<int>(SiteStatus::damaged) == 1 &&
                  static_cast<int>(SiteStatus::seized) == 2 &&
                  static_cast<int>(SiteStatus::burned) == 3,
              "snapshot_site_statuses lists the statuses in SiteStatus's order");

// The layer an agent in `state` counts in, or -1 when it is not standing on the grid as one.
int layer_of(Kind kind, State state) {
    if (kind == Kind::citizen) {
        switch (state) {
        case State::quiet:
            return 0;
        case State::active:
            return 1;
        case State::violent:
            return 2;
        default:
            return -1;
        }
    }
    if (state != State::on_duty) {
        return -1;
    }
    return kind == Kind::police ? 3 : kind == Kind::military ? 4 : -1;
}

std::uint64_t frame_bytes(std::int64_t width, std::int64_t height) {
    return layer_count * static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height);
}

} // namespace

std::string snapshot_size_problem(const Scenario& scenario, Tick every) {
    const Tick frames = snapshot_frames(scenario.run.ticks, every);
    const auto check = [&](const std::string& name, const GridParams& grid) -> std::string {
        const std::uint64_t per_frame = frame_bytes(grid.width, grid.height);
        // The .npy header is under 128 bytes.
        if (static_cast<std::uint64_t>(frames) > (member_max - 128) / per_frame) {
            return fmt::format("--snapshot-every: {} frames of region '{}' ({} x {} cells) would "
                               "take {} bytes, past the 4 GiB a member of snapshots.npz holds; "
                               "expected a longer interval",
                               frames, name, grid.width, grid.height,
                               static_cast<std::uint64_t>(frames) * per_frame);
        }
        return {};
    };
    if (scenario.regions.empty()) {
        return check("main", scenario.model.grid);
    }
    for (const RegionSpec& r : scenario.regions) {
        if (std::string problem = check(r.name, r.model.grid); !problem.empty()) {
            return problem;
        }
    }
    return {};
}

SnapshotRecorder::SnapshotRecorder(const Simulation& sim, const OutputLayout& layout, Tick every,
                                   Tick ticks)
    : layout_(layout), every_(every), frames_(0) {
    if (every < 1 || ticks < 0) {
        throw std::invalid_argument(
            fmt::format("SnapshotRecorder: every {} ticks over {} ticks", every, ticks));
    }
    if (layout.regions.size() != static_cast<std::size_t>(sim.regions())) {
        throw std::invalid_argument(fmt::format("SnapshotRecorder: {} regions in the layout, {} "
                                                "simulated",
                                                layout.regions.size(), sim.regions()));
    }
    frames_ = snapshot_frames(ticks, every);
    const std::int64_t frames64 = frames_;
    regions_json_ = nlohmann::ordered_json::array();
    for (int r = 0; r < sim.regions(); ++r) {
        const Region& region = sim.region(r);
        // The names of every output (a scenario without regions: "main").
        const std::string& name = layout_.regions[static_cast<std::size_t>(r)].name;
        const Torus& torus = sim.world(r).torus;
        const GridParams& grid = region.config.grid;
        const std::vector<SiteSpec>& sites = region.config.sites.sites;
        RegionFrames f{name,
                       torus.width(),
                       torus.height(),
                       sites.size(),
                       NpzMember("frames_" + name + ".npy"),
                       NpzMember("sites_" + name + ".npy")};
        const std::array<std::int64_t, 4> shape = {frames64, std::int64_t{layer_count},
                                                   torus.height(), torus.width()};
        f.cells.write(npy_header("|u1", shape));
        const std::array<std::int64_t, 2> site_shape = {frames64,
                                                        static_cast<std::int64_t>(sites.size())};
        f.site_status.write(npy_header("|u1", site_shape));

        nlohmann::ordered_json j;
        j["name"] = name;
        j["width"] = torus.width();
        j["height"] = torus.height();
        j["cell_size_m"] = grid.cell_size_m > 0 ? nlohmann::ordered_json(grid.cell_size_m)
                                                : nlohmann::ordered_json(nullptr);
        if (grid.origin) {
            j["origin"] = {{"lat", grid.origin->lat}, {"lon", grid.origin->lon}};
        } else {
            j["origin"] = nullptr;
        }
        if (layout_.has_calendar()) {
            j["utc_offset"] = format_utc_offset(
                layout_.regions.at(static_cast<std::size_t>(r)).utc_offset_minutes);
        } else {
            j["utc_offset"] = nullptr;
        }
        j["member"] = "frames_" + name;
        j["sites_member"] = sites.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json("sites_" + name);
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const SiteSpec& s : sites) {
            nlohmann::ordered_json site;
            site["name"] = s.name;
            site["type"] = std::string(defaults_of(s.type).name);
            site["x"] = torus.x_of(s.cell);
            site["y"] = torus.y_of(s.cell);
            list.push_back(std::move(site));
        }
        j["sites"] = std::move(list);
        regions_json_.push_back(std::move(j));
        regions_.push_back(std::move(f));
    }
}

void SnapshotRecorder::observe(const Simulation& sim) {
    const Tick t = sim.tick();
    if (t % every_ != 0) {
        return;
    }
    if (static_cast<Tick>(ticks_.size()) >= frames_ ||
        (!ticks_.empty() && t != ticks_.back() + every_) || (ticks_.empty() && t != 0)) {
        throw std::logic_error(
            fmt::format("SnapshotRecorder: frame at tick {} after {} frames", t, ticks_.size()));
    }
    for (int r = 0; r < sim.regions(); ++r) {
        RegionFrames& f = regions_.at(static_cast<std::size_t>(r));
        const Population& pop = sim.world(r).pop;
        const std::size_t cells = static_cast<std::size_t>(f.width) * f.height;
        frame_.assign(layer_count * cells, 0);
        for (std::size_t a = 0; a < pop.size(); ++a) {
            const CellIndex c = pop.cell[a];
            const int layer = layer_of(pop.kind[a], pop.state[a]);
            if (c == no_cell || layer < 0) {
                continue;
            }
            std::uint8_t& n = frame_[static_cast<std::size_t>(layer) * cells + c];
            n = n == 255 ? n : static_cast<std::uint8_t>(n + 1); // saturates
        }
        f.cells.write(frame_);
        frame_.clear();
        for (const SiteState& s : sim.region(r).sites) {
            frame_.push_back(static_cast<std::uint8_t>(s.status));
        }
        f.site_status.write(frame_);
    }
    ticks_.push_back(t);
}

nlohmann::ordered_json SnapshotRecorder::json() const {
    nlohmann::ordered_json j;
    j["format"] = "unrest-snapshots";
    j["version"] = 1;
    j["every_ticks"] = every_;
    j["layers"] = snapshot_layers;
    j["site_status"] = snapshot_site_statuses;
    j["persons_per_agent"] = layout_.persons_per_agent;
    nlohmann::ordered_json frames = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < ticks_.size(); ++i) {
        nlohmann::ordered_json f;
        f["frame"] = i;
        f["tick"] = ticks_[i];
        if (layout_.has_calendar()) {
            f["time"] = layout_.local_time(ticks_[i], 0);
        }
        frames.push_back(std::move(f));
    }
    j["frames"] = std::move(frames);
    j["regions"] = regions_json_;
    return j;
}

void SnapshotRecorder::write(const std::filesystem::path& dir) {
    if (written_) {
        throw std::logic_error("SnapshotRecorder: written twice");
    }
    if (static_cast<Tick>(ticks_.size()) != frames_) {
        throw std::logic_error(
            fmt::format("SnapshotRecorder: {} frames taken of {}", ticks_.size(), frames_));
    }
    std::vector<NpzMember> members;
    NpzMember ticks("ticks.npy");
    const std::array<std::int64_t, 1> shape = {frames_};
    ticks.write(npy_header("<i8", shape));
    for (const Tick t : ticks_) {
        std::array<std::uint8_t, 8> le{};
        for (int b = 0; b < 8; ++b) {
            le[static_cast<std::size_t>(b)] =
                static_cast<std::uint8_t>((static_cast<std::uint64_t>(t) >> (8 * b)) & 0xFF);
        }
        ticks.write(le);
    }
    members.push_back(std::move(ticks));
    for (RegionFrames& f : regions_) {
        members.push_back(std::move(f.cells));
        if (f.sites > 0) {
            members.push_back(std::move(f.site_status));
        }
    }
    written_ = true; // the members are moved out: write() is once only
    write_npz_file(dir / "snapshots.npz", members);
    write_file_atomically(dir / "snapshots.json", json().dump(2) + "\n");
}

} // namespace unrest
