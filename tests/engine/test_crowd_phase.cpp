// The crowd phase (phases/crowd.cpp) and the mobilisation phase on whole regions: hardship from
// the fuel price, the organised group's arrival, the gathering attraction, the daily arrest
// quotas; each checked against the equation applied by hand to the same draws.
#include "sim/engine/initial_state.hpp"
#include "sim/engine/phases/crowd.hpp"
#include "sim/engine/phases/mobilisation.hpp"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <utility>

using namespace unrest;

namespace {

ModelConfig base_config() {
    ModelConfig c;
    c.grid = {20, 20};
    c.vision.radius = 2;
    return c;
}

Region make_region(const ModelConfig& c, std::uint64_t seed) {
    const CounterRng rng = CounterRng(seed).for_region(0);
    World w = detail::build_world(c, rng);
    const std::int64_t citizens = w.pop.count(Kind::citizen);
    return Region{.name = "r",
                  .config = c,
                  .rng = rng,
                  .world = std::move(w),
                  .citizens = citizens,
                  .sites = std::vector<SiteState>(c.sites.sites.size())};
}

void prepare(Region& g, std::uint32_t tick, const RegionControls& controls) {
    phases::prepare_crowd(g, detail::TickContext{g.config, g.rng, tick, 0.0, &controls, 0.0});
}

} // namespace

TEST(CrowdPhase, HardshipFollowsThePriceThroughEachCitizensExposure) {
    ModelConfig c = base_config();
    c.hardship = {true, 0.3, 60.0, 0.5, 0.4};
    Region g = make_region(c, 9);
    const Population& pop = g.world.pop;
    ASSERT_EQ(pop.exposure.size(), pop.size());
    int owners = 0;
    for (AgentId a = 0; a < static_cast<AgentId>(pop.size()); ++a) {
        if (pop.kind[a] != Kind::citizen) {
            continue;
        }
        const auto id = static_cast<std::uint32_t>(a);
        // H0 is Model I's H; e from the citizen's own draws.
        EXPECT_EQ(pop.base_hardship[a], g.rng.uniform(0, id, Purpose::hardship));
        EXPECT_EQ(pop.exposure[a],
                  static_cast<float>(price_exposure(
                      c.hardship, g.rng.uniform(0, id, Purpose::hardship_exposure, 0),
                      g.rng.uniform(0, id, Purpose::hardship_exposure, 1))));
        owners += pop.exposure[a] > 0.0F ? 1 : 0;
    }
    EXPECT_GT(owners, 0);
    RegionControls controls;
    prepare(g, 1, controls); // no price yet: H = H0
    EXPECT_EQ(pop.hardship, pop.base_hardship);
    controls.fuel_price = 120.0;
    prepare(g, 2, controls);
    for (AgentId a = 0; a < static_cast<AgentId>(pop.size()); ++a) {
        if (pop.kind[a] == Kind::citizen) {
            EXPECT_EQ(
                pop.hardship[a],
                std::clamp(pop.base_hardship[a] + 0.3 * pop.exposure[a] * std::log(2.0), 0.0, 1.0));
        }
    }
    controls.fuel_price = 60.0; // back to the reference: H0 again
    prepare(g, 3, controls);
    EXPECT_EQ(pop.hardship, pop.base_hardship);
}

TEST(CrowdPhase, OrganisedGroupIsMarkedAtItsArrivalByLowestKeys) {
    ModelConfig c = base_config();
    c.violence.enabled = true;
    c.violence.organised = {95, 3}; // 95 persons at 10 per agent: 10 agents (9.5 rounds up)
    c.scale.persons_per_agent = 10.0;
    Region g = make_region(c, 4);
    const Population& pop = g.world.pop;
    RegionControls controls;
    prepare(g, 2, controls);
    EXPECT_EQ(std::count(pop.hardcore.begin(), pop.hardcore.end(), 1), 0);
    prepare(g, 3, controls);
    EXPECT_EQ(std::count(pop.hardcore.begin(), pop.hardcore.end(), 1), 10);
    std::vector<std::pair<std::uint64_t, AgentId>> keys;
    for (AgentId a = 0; a < static_cast<AgentId>(pop.size()); ++a) {
        if (pop.kind[a] == Kind::citizen) {
            keys.emplace_back(
                g.rng.key64(0, static_cast<std::uint32_t>(a), Purpose::organised_group), a);
        }
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        EXPECT_EQ(pop.hardcore[keys[i].second], i < 10 ? 1 : 0) << i;
    }
    prepare(g, 4, controls); // marked once
    EXPECT_EQ(std::count(pop.hardcore.begin(), pop.hardcore.end(), 1), 10);
}

TEST(CrowdPhase, AttractionIsTheWeightedSumOverSitesAndBurnedSitesStop) {
    ModelConfig c = base_config();
    c.gathering.enabled = true;
    c.gathering.probability = 0.5;
    c.gathering.distance_scale = 4.0;
    const Torus t(20, 20);
    c.sites.sites = {{"square", SiteType::square, t.index(2, 2), 0.0, 1.0},
                     {"akimat", SiteType::akimat, t.index(12, 2), 1e6, 1.0},
                     {"bank", SiteType::bank, t.index(5, 5), 1e6, 1.0}};
    Region g = make_region(c, 1);
    RegionControls controls;
    prepare(g, 1, controls);
    const std::vector<float>& a = g.world.attraction;
    ASSERT_EQ(a.size(), 400U);
    // At (7, 2): 5 cells from each; the bank weighs 0.
    EXPECT_EQ(a[t.index(7, 2)], static_cast<float>(std::exp(-5.0 / 4.0) + std::exp(-5.0 / 4.0)));
    // At (19, 2): the square is 3 cells away round the torus, the akimat 7.
    EXPECT_EQ(a[t.index(19, 2)], static_cast<float>(std::exp(-3.0 / 4.0) + std::exp(-7.0 / 4.0)));
    g.sites[1].status = SiteStatus::damaged; // still attracts
    prepare(g, 2, controls);
    EXPECT_EQ(a[t.index(7, 2)], static_cast<float>(2.0 * std::exp(-5.0 / 4.0)));
    g.sites[1].status = SiteStatus::burned;
    prepare(g, 3, controls);
    EXPECT_EQ(a[t.index(7, 2)], static_cast<float>(std::exp(-5.0 / 4.0)));
}

TEST(CrowdPhase, QuotasAreGivenAtTickOneAndAtEachLocalMidnight) {
    ModelConfig c = base_config();
    c.population.cop_density = 0.05; // 20 officers
    c.cops.capacity.persons_per_day = 50.0;
    c.clock = {3600, 22 * 3600}; // hourly ticks from 22:00: tick 3 starts at midnight
    Region g = make_region(c, 2);
    Population& pop = g.world.pop;
    RegionControls controls;
    const auto total_quota = [&] {
        std::int64_t q = 0;
        for (AgentId a = 0; a < static_cast<AgentId>(pop.size()); ++a) {
            q += pop.arrest_quota[a];
            if (pop.kind[a] == Kind::police) {
                // 50 / 20 = 2.5 each: 2 or 3.
                EXPECT_TRUE(pop.arrest_quota[a] == 2 || pop.arrest_quota[a] == 3);
            }
        }
        return q;
    };
    prepare(g, 1, controls);
    const std::int64_t first = total_quota();
    EXPECT_GE(first, 40);
    EXPECT_LE(first, 60);
    pop.arrests_today[pop.size() - 1] = 2;
    prepare(g, 2, controls); // 23:00: nothing changes
    EXPECT_EQ(pop.arrests_today[pop.size() - 1], 2);
    prepare(g, 3, controls); // 00:00: counts restart, new quotas drawn
    EXPECT_EQ(pop.arrests_today[pop.size() - 1], 0);
    EXPECT_GE(total_quota(), 40);
}

TEST(MobilisationPhase, SignalIsCommsTimesTheProtesterShare) {
    ModelConfig c = base_config();
    Region g = make_region(c, 3);
    RegionControls controls;
    controls.comms = 0.5;
    Population& pop = g.world.pop;
    pop.state[0] = State::active;
    pop.state[1] = State::violent;
    pop.state[2] = State::active;
    EXPECT_EQ(phases::mobilisation_signal(g, controls), 0.0); // off
    g.config.mobilisation.grievance = 0.1;
    EXPECT_DOUBLE_EQ(phases::mobilisation_signal(g, controls),
                     0.5 * 3.0 / static_cast<double>(g.citizens));
}
