// SnapshotRecorder on a Simulation run here: the frames taken (tick 0 and every multiple of the
// interval, a non-divisor end included), each cell's counts by layer against the world's cell
// lists (a structure the recorder does not read), the layers' sums against the tick records,
// and snapshots.json.
#include "../cli/cli_test_util.hpp"
#include "npz_reader.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/output/snapshots.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace unrest {
namespace {

namespace fs = std::filesystem;

using cli_test::read_file;
using cli_test::TempDir;

// A frame recounted from the cell lists: [layer][cell].
std::vector<std::uint8_t> recount(const World& w) {
    const std::size_t cells = static_cast<std::size_t>(w.torus.cells());
    std::vector<std::uint8_t> frame(5 * cells, 0);
    for (std::size_t c = 0; c < cells; ++c) {
        w.lists.for_each(static_cast<CellIndex>(c), [&](AgentId a) {
            const State s = w.pop.state[a];
            int layer = -1;
            if (w.pop.kind[a] == Kind::citizen) {
                layer = s == State::quiet     ? 0
                        : s == State::active  ? 1
                        : s == State::violent ? 2
                                              : -1;
            } else if (s == State::on_duty) {
                layer = w.pop.kind[a] == Kind::police ? 3 : 4;
            }
            if (layer >= 0) {
                ++frame[static_cast<std::size_t>(layer) * cells + c];
            }
        });
    }
    return frame;
}

// Epstein's run 2 on a 30 x 20 torus, jailed citizens left on their cells (NetLogo's
// placement): they stand in the cell lists but are in no layer.
ModelConfig small_model() {
    ModelConfig c;
    c.grid.width = 30;
    c.grid.height = 20;
    c.vision.radius = 3;
    c.jail.placement = JailPlacement::in_place_free;
    c.legitimacy.schedule = Schedule{0.6};
    return c;
}

TEST(Snapshots, FramesAtTickZeroAndEveryMultipleMatchTheCellLists) {
    const ModelConfig config = small_model();
    Simulation sim(config, 7);
    OutputLayout layout;
    layout.regions = {{"main", 0, sim.world().pop.count(Kind::citizen)}};
    layout.persons_per_agent = 3;
    const Tick ticks = 11;
    const Tick every = 4; // not a divisor of 11: frames at 0, 4, 8
    SnapshotRecorder rec(sim, layout, every, ticks);
    EXPECT_EQ(rec.frames(), 3);
    std::vector<std::vector<std::uint8_t>> expected;
    std::vector<TickRecord> records;
    rec.observe(sim);
    expected.push_back(recount(sim.world()));
    records.push_back(sim.observe());
    std::int64_t jailed_seen = 0;
    for (Tick t = 1; t <= ticks; ++t) {
        const TickRecord r = sim.step();
        rec.observe(sim);
        if (t % every == 0) {
            expected.push_back(recount(sim.world()));
            records.push_back(r);
            jailed_seen += r.jailed;
        }
    }
    ASSERT_GT(jailed_seen, 0) << "the run must jail someone for the check to mean something";
    const TempDir dir;
    rec.write(dir.path());

    const auto arrays = npz_test::read_npz(read_file(dir.path() / "snapshots.npz"));
    ASSERT_EQ(arrays.size(), 2u); // ticks and frames_main: no sites
    const npz_test::NpyArray& tick_array = arrays.at("ticks");
    ASSERT_EQ(tick_array.shape, (std::vector<std::int64_t>{3}));
    EXPECT_EQ(tick_array.i64(0), 0);
    EXPECT_EQ(tick_array.i64(1), 4);
    EXPECT_EQ(tick_array.i64(2), 8);
    const npz_test::NpyArray& frames = arrays.at("frames_main");
    ASSERT_EQ(frames.descr, "|u1");
    ASSERT_EQ(frames.shape, (std::vector<std::int64_t>{3, 5, 20, 30}));
    const std::size_t frame_size = 5 * 20 * 30;
    for (std::size_t f = 0; f < 3; ++f) {
        const std::string got = frames.data.substr(f * frame_size, frame_size);
        EXPECT_EQ(got, std::string(expected[f].begin(), expected[f].end())) << "frame " << f;
        std::array<std::int64_t, 5> sums{};
        for (std::size_t i = 0; i < frame_size; ++i) {
            sums[i / (20 * 30)] += static_cast<std::uint8_t>(got[i]);
        }
        EXPECT_EQ(sums[0], records[f].quiet) << "frame " << f;
        EXPECT_EQ(sums[1], records[f].active) << "frame " << f;
        EXPECT_EQ(sums[2], 0) << "frame " << f;
        EXPECT_EQ(sums[3], records[f].cops) << "frame " << f;
        EXPECT_EQ(sums[4], 0) << "frame " << f;
    }
    const nlohmann::json j = nlohmann::json::parse(read_file(dir.path() / "snapshots.json"));
    EXPECT_EQ(j["format"], "unrest-snapshots");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["every_ticks"], 4);
    EXPECT_EQ(j["layers"],
              nlohmann::json::parse(R"(["quiet", "active", "violent", "police", "military"])"));
    EXPECT_EQ(j["site_status"],
              nlohmann::json::parse(R"(["intact", "damaged", "seized", "burned"])"));
    EXPECT_EQ(j["persons_per_agent"], 3);
    EXPECT_EQ(j["frames"], nlohmann::json::parse(R"([{"frame": 0, "tick": 0},
        {"frame": 1, "tick": 4}, {"frame": 2, "tick": 8}])"));
    EXPECT_EQ(j["regions"], nlohmann::json::parse(R"([{"name": "main", "width": 30,
        "height": 20, "cell_size_m": null, "origin": null, "utc_offset": null,
        "member": "frames_main", "sites_member": null, "sites": []}])"));
}

TEST(Snapshots, CellIndexIsRowTimesWidthPlusColumn) {
    // One cop alone on a 5 x 4 torus at x = 3, y = 2 (cell 13), no citizens, no movement.
    ModelConfig c;
    c.grid.width = 5;
    c.grid.height = 4;
    c.vision.radius = 1;
    c.population.citizens = 0;
    c.population.cops = 1;
    c.movement.enabled = false;
    Simulation sim(c, 1);
    const CellIndex cell = sim.world().pop.cell.at(0);
    ASSERT_NE(cell, no_cell);
    OutputLayout layout;
    layout.regions = {{"main", 0, 0}};
    SnapshotRecorder rec(sim, layout, 1, 0);
    rec.observe(sim);
    const TempDir dir;
    rec.write(dir.path());
    const auto arrays = npz_test::read_npz(read_file(dir.path() / "snapshots.npz"));
    const npz_test::NpyArray& frames = arrays.at("frames_main");
    ASSERT_EQ(frames.shape, (std::vector<std::int64_t>{1, 5, 4, 5}));
    const int x = cell % 5;
    const int y = cell / 5;
    for (int layer = 0; layer < 5; ++layer) {
        for (int yy = 0; yy < 4; ++yy) {
            for (int xx = 0; xx < 5; ++xx) {
                const std::size_t i = static_cast<std::size_t>((layer * 4 + yy) * 5 + xx);
                EXPECT_EQ(frames.u8(i), layer == 3 && xx == x && yy == y ? 1 : 0)
                    << layer << " " << xx << " " << yy;
            }
        }
    }
}

TEST(Snapshots, TheRecorderRefusesFramesOutOfOrderAndAnIncompleteWrite) {
    Simulation sim(small_model(), 3);
    OutputLayout layout;
    layout.regions = {{"main", 0, 0}};
    SnapshotRecorder rec(sim, layout, 2, 5);
    const TempDir dir;
    EXPECT_THROW(rec.write(dir.path()), std::logic_error); // no frame yet
    rec.observe(sim);
    sim.step();
    rec.observe(sim); // tick 1: not a frame tick, ignored
    sim.step();
    sim.step();
    sim.step();
    EXPECT_THROW(rec.observe(sim), std::logic_error); // tick 4: the frame of tick 2 is missing
    EXPECT_FALSE(fs::exists(dir.path() / "snapshots.npz"));
}

TEST(Snapshots, FramesAreTicksOverEveryPlusOne) {
    EXPECT_EQ(snapshot_frames(0, 1), 1);
    EXPECT_EQ(snapshot_frames(10, 1), 11);
    EXPECT_EQ(snapshot_frames(10, 3), 4);
    EXPECT_EQ(snapshot_frames(9, 3), 4);
    EXPECT_EQ(snapshot_frames(5, 6), 1);
}

} // namespace
} // namespace unrest
