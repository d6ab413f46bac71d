// Behaviour of the crowd rules over whole runs (issue 8), each over several seeds: a fuel price
// shock raises activity in an exposed region more than in an unexposed one; with two regions
// coupled by news, a communications cut in the source region delays the onset in the other; an
// organised group brings violence earlier.
#include "fn_timeline.hpp"
#include "sim/engine/simulation.hpp"

#include <functional>
#include <gtest/gtest.h>

using namespace unrest;
using unrest::test::FnTimeline;

namespace {

ModelConfig calm(double legitimacy) {
    ModelConfig c;
    c.grid = {40, 40};
    c.vision.radius = 3;
    c.legitimacy.schedule = Schedule(legitimacy);
    // One tile: no OpenMP team per colour group on grids this small (fast on a loaded machine).
    c.activation.tiling = TilingMode::single;
    return c;
}

constexpr std::uint64_t seeds[] = {1, 2, 3, 4};

} // namespace

// A price 60 -> 150 from tick 1 (ln 2.5 = 0.92): with beta_H = 0.4, an exposed owner's H rises
// by up to 0.37. Region "exposed" has 80 % owners, "unexposed" none (H = H0: Model I).
TEST(CrowdBehaviour, PriceShockMovesAnExposedRegionMoreThanAnUnexposedOne) {
    double exposed_total = 0.0;
    double unexposed_total = 0.0;
    for (const std::uint64_t seed : seeds) {
        SimulationSpec spec;
        ModelConfig c = calm(0.85);
        c.hardship = {true, 0.4, 60.0, 0.8, 0.3};
        spec.regions.push_back({"exposed", c});
        c.hardship.exposed_share = 0.0;
        spec.regions.push_back({"unexposed", c});
        spec.timeline = std::make_unique<FnTimeline>([](Tick, std::span<RegionControls> r) {
            r[0].fuel_price = 150.0;
            r[1].fuel_price = 150.0;
        });
        Simulation sim(std::move(spec), seed);
        double exposed = 0.0;
        double unexposed = 0.0;
        for (int t = 1; t <= 50; ++t) {
            const std::vector<TickRecord>& r = sim.step_regions();
            exposed += static_cast<double>(r[0].active);
            unexposed += static_cast<double>(r[1].active);
        }
        exposed_total += exposed;
        unexposed_total += unexposed;
        // Per seed as well: the shock's effect is large next to the run-to-run noise.
        EXPECT_GT(exposed, unexposed) << "seed " << seed;
    }
    // Over the seeds: measured 1.8 times the activity (17,388 against 9,644 active-ticks for
    // seeds 1-4; per seed 1.5 to 2.1), so 1.4 leaves room for any reasonable change of streams.
    EXPECT_GT(exposed_total, 1.4 * unexposed_total);
}

namespace {

// Onset in region "b": the first tick at which 5 % of its citizens are active (ticks + 1 when
// never). Region "a" (L = 0.5) rises at once; region "b" (L = 0.9: G <= 0.1 = T, never active
// on its own) hears of "a" through news (eta = 1). A cut in "a" from tick 1 to `cut_until`
// silences it.
Tick onset_in_b(std::uint64_t seed, Tick cut_until, int ticks) {
    SimulationSpec spec;
    ModelConfig a = calm(0.5);
    ModelConfig b = calm(0.9);
    b.news.grievance = 1.0;
    spec.regions.push_back({"a", a});
    spec.regions.push_back({"b", b});
    spec.news_weights = {0.0, 0.0, 1.0, 0.0}; // b hears a
    spec.timeline = std::make_unique<FnTimeline>([cut_until](Tick t, std::span<RegionControls> r) {
        r[0].comms = t <= cut_until ? 0.0 : 1.0;
    });
    Simulation sim(std::move(spec), seed);
    const std::int64_t citizens = sim.region(1).citizens;
    for (int t = 1; t <= ticks; ++t) {
        const std::vector<TickRecord>& r = sim.step_regions();
        if (r[1].active * 20 >= citizens) {
            return t;
        }
    }
    return ticks + 1;
}

} // namespace

TEST(CrowdBehaviour, CommsCutInTheSourceRegionDelaysOnsetElsewhere) {
    for (const std::uint64_t seed : seeds) {
        const Tick open = onset_in_b(seed, 0, 40);
        const Tick cut = onset_in_b(seed, 20, 40);
        EXPECT_LE(open, 10) << "seed " << seed;
        // Nothing reaches b before the cut ends (tick 20); news of tick 20 is read at tick 21.
        EXPECT_GT(cut, 20) << "seed " << seed;
        EXPECT_GT(cut, open) << "seed " << seed;
    }
}

namespace {

// The first tick with a violent citizen (ticks + 1 when none), violence on with a high
// threshold and a crowd gate, with or without an organised group arriving at tick 10.
Tick first_violence(std::uint64_t seed, std::int64_t group, int ticks) {
    ModelConfig c = calm(0.8);
    c.violence = {true, 0.45, 6, {group, 10}};
    Simulation sim(c, seed);
    for (int t = 1; t <= ticks; ++t) {
        if (sim.step().violent > 0) {
            return t;
        }
    }
    return ticks + 1;
}

} // namespace

TEST(CrowdBehaviour, AnOrganisedGroupBringsViolenceEarlier) {
    double with_total = 0.0;
    double without_total = 0.0;
    for (const std::uint64_t seed : seeds) {
        const Tick with = first_violence(seed, 12, 60);
        const Tick without = first_violence(seed, 0, 60);
        // The group is violent from its arrival (some of its 12 members are free then).
        EXPECT_LE(with, 10) << "seed " << seed;
        EXPECT_LE(with, without) << "seed " << seed;
        with_total += static_cast<double>(with);
        without_total += static_cast<double>(without);
    }
    EXPECT_LT(with_total, without_total);
}

namespace {

// The first tick a site is seized (ticks + 1 when none): the same crowd as first_violence, with
// few police, gathering toward an akimat in the middle of the grid and seizure by 2 violent
// agents outnumbering its defenders.
Tick first_seizure(std::uint64_t seed, std::int64_t group, int ticks) {
    ModelConfig c = calm(0.8);
    c.violence = {true, 0.45, 6, {group, 10}};
    c.population.cop_density = 0.005; // 8 officers: the group is not all arrested on the way
    c.gathering.enabled = true;
    c.gathering.probability = 0.8;
    c.gathering.distance_scale = 20.0;
    SiteSpec akimat;
    akimat.name = "akimat";
    akimat.type = SiteType::akimat;
    akimat.cell = 20 * 40 + 20;
    akimat.value_usd = 1e6;
    akimat.defence = 1.0;
    c.sites.sites = {akimat};
    c.sites.attack_radius = 3.0;
    c.sites.min_attackers = 2;
    c.sites.damage_rate = 0.01;
    Simulation sim(c, seed);
    for (int t = 1; t <= ticks; ++t) {
        if (sim.step().sites_seized > 0) {
            return t;
        }
    }
    return ticks + 1;
}

} // namespace

// Issue 8's behaviour test: an organised violent group brings seizures earlier. Four seeds; the
// group (12 agents, violent from tick 10, drawn to the akimat by gathering) may seize it, while
// without it the crowd's own violent (threshold 0.45 with a crowd gate) are rare: the first seizure
// is never later with the group, and earlier on average.
TEST(CrowdBehaviour, AnOrganisedGroupBringsSeizuresEarlier) {
    double with_total = 0.0;
    double without_total = 0.0;
    int seized_with = 0;
    for (const std::uint64_t seed : seeds) {
        const Tick with = first_seizure(seed, 12, 80);
        const Tick without = first_seizure(seed, 0, 80);
        seized_with += with <= 80 ? 1 : 0;
        EXPECT_LE(with, without) << "seed " << seed;
        with_total += static_cast<double>(with);
        without_total += static_cast<double>(without);
    }
    // Seeds 1-4 (measured): the group takes the akimat in two of them within 80 ticks (at ticks
    // ~35 and 52), the crowd alone in none; arrests on the way stop it in the others.
    EXPECT_GE(seized_with, 2);
    EXPECT_LT(with_total, without_total);
}
