// The crowd rules' equations (issue 8): price -> hardship (MECHANISMS.md §2a), the three-way
// decision with violence (§4a, crowd gate), the organised group's size, the arrest quota (§5b),
// the mobilisation signal (§10a) and the gathering attraction (§9b), each against values worked
// by hand.
#include "sim/core/cell_lists.hpp"
#include "sim/core/rng.hpp"
#include "sim/rules/communications.hpp"
#include "sim/rules/forces.hpp"
#include "sim/rules/gathering.hpp"
#include "sim/rules/hardship.hpp"
#include "sim/rules/movement.hpp"
#include "sim/rules/violence.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace unrest;

TEST(Hardship, ExposureIsOwnerTimesOneMinusIncomeWeightTimesIncome) {
    HardshipParams p;
    p.exposed_share = 0.4;
    p.income_weight = 0.5;
    // Owner iff the owner draw < 0.4; e = 1 - 0.5 u.
    EXPECT_DOUBLE_EQ(price_exposure(p, 0.39, 0.2), 0.9);
    EXPECT_DOUBLE_EQ(price_exposure(p, 0.0, 1.0), 0.5);
    EXPECT_EQ(price_exposure(p, 0.4, 0.2), 0.0);
    EXPECT_EQ(price_exposure(p, 0.9, 0.0), 0.0);
    p.income_weight = 0.0;
    EXPECT_EQ(price_exposure(p, 0.1, 0.7), 1.0);
}

TEST(Hardship, LogPriceShiftClampedToTheUnitInterval) {
    HardshipParams p;
    p.price_sensitivity = 0.2;
    p.reference_price = 60.0;
    // 60 -> 120: H = 0.3 + 0.2 x 0.5 x ln 2.
    EXPECT_DOUBLE_EQ(hardship_at_price(p, 0.3, 0.5, 120.0), 0.3 + 0.1 * std::log(2.0));
    // At the reference price H = H0 exactly; a cap below it lowers H (50 < 60).
    EXPECT_EQ(hardship_at_price(p, 0.3, 0.5, 60.0), 0.3);
    EXPECT_DOUBLE_EQ(hardship_at_price(p, 0.3, 1.0, 50.0), 0.3 + 0.2 * std::log(50.0 / 60.0));
    // Clamped: 0.95 + 0.2 x ln 8 > 1; 0.01 + 0.2 x ln(1/8) < 0.
    EXPECT_EQ(hardship_at_price(p, 0.95, 1.0, 480.0), 1.0);
    EXPECT_EQ(hardship_at_price(p, 0.01, 1.0, 7.5), 0.0);
    // Unexposed: H0, even at a price of 0 (ln 0 = -inf).
    EXPECT_EQ(hardship_at_price(p, 0.42, 0.0, 0.0), 0.42);
    EXPECT_EQ(hardship_at_price(p, 0.42, 1.0, 0.0), 0.0);
}

TEST(Violence, ThreeWayChoice) {
    // G = 0.9, R = 0.5, P = 0.4: G - R P = 0.7.
    const double g = 0.9;
    const double r = 0.5;
    const double p = 0.4;
    // T_v = 0.6 < 0.7 and the crowd of 5 >= 5: violent.
    EXPECT_EQ(citizen_choice(g, r, p, 5, 0.1, 0.6, 5), State::violent);
    // Crowd of 4 < 5: the gate shuts; 0.7 > T = 0.1: active.
    EXPECT_EQ(citizen_choice(g, r, p, 4, 0.1, 0.6, 5), State::active);
    // T_v = 0.7: not strictly above; active.
    EXPECT_EQ(citizen_choice(g, r, p, 9, 0.1, 0.7, 0), State::active);
    // T = 0.7 too: quiet.
    EXPECT_EQ(citizen_choice(g, r, p, 9, 0.7, 0.7, 0), State::quiet);
    // T_v = inf (off): never violent.
    EXPECT_EQ(citizen_choice(g, r, p, 100, 0.1, std::numeric_limits<double>::infinity(), 0),
              State::active);
}

TEST(Violence, OrganisedGroupSizeInAgentsIsRounded) {
    OrganisedGroupParams g;
    g.size = 250;
    EXPECT_EQ(organised_agents(g, 1.0), 250);
    EXPECT_EQ(organised_agents(g, 100.0), 3); // 2.5 rounds away from zero
    EXPECT_EQ(organised_agents(g, 1000.0), 0);
    g.size = 0;
    EXPECT_EQ(organised_agents(g, 1.0), 0);
}

TEST(ArrestCapacity, QuotaIsTheShareWithTheFractionDrawn) {
    // 3,000 persons a day, 10 persons per agent, 100 officers: q = 3 exactly.
    EXPECT_EQ(arrest_quota(3000.0, 10.0, 100, 0.0), 3);
    EXPECT_EQ(arrest_quota(3000.0, 10.0, 100, 0.999), 3);
    // q = 2.5: 3 when the draw < 0.5, else 2.
    EXPECT_EQ(arrest_quota(250.0, 1.0, 100, 0.49), 3);
    EXPECT_EQ(arrest_quota(250.0, 1.0, 100, 0.5), 2);
    // No officers: no quota; a huge capacity saturates.
    EXPECT_EQ(arrest_quota(250.0, 1.0, 0, 0.1), 0);
    EXPECT_EQ(arrest_quota(1e12, 1.0, 1, 0.1), 65535);
}

TEST(Mobilisation, SignalIsCommsTimesProtesterShare) {
    EXPECT_DOUBLE_EQ(mobilisation_share(1.0, 30, 200), 0.15);
    EXPECT_DOUBLE_EQ(mobilisation_share(0.5, 30, 200), 0.075);
    EXPECT_EQ(mobilisation_share(0.0, 30, 200), 0.0);
    EXPECT_EQ(mobilisation_share(1.0, 0, 0), 0.0);
    MobilisationParams m;
    EXPECT_FALSE(m.enabled());
    m.grievance = 0.1;
    EXPECT_TRUE(m.enabled());
}

TEST(Gathering, TorusDistanceAndAttraction) {
    const Torus t(10, 8);
    EXPECT_EQ(torus_distance(t, t.index(1, 1), t.index(4, 5)), 5.0);
    // Shortest way round: dx = 10 - 9 = 1, dy = 8 - 7 = 1.
    EXPECT_DOUBLE_EQ(torus_distance(t, t.index(0, 0), t.index(9, 7)), std::sqrt(2.0));
    EXPECT_DOUBLE_EQ(site_attraction(2.0, 5.0, 5.0), 2.0 * std::exp(-1.0));
    GatheringParams p;
    EXPECT_EQ(p.weight(SiteType::square), 1.0);
    EXPECT_EQ(p.weight(SiteType::akimat), 1.0);
    EXPECT_EQ(p.weight(SiteType::residence), 0.5);
    EXPECT_EQ(p.weight(SiteType::bank), 0.0);
}

TEST(Gathering, DestinationIsTheMostAttractiveEmptyCellInVision) {
    const Torus t(9, 9);
    const Neighbourhood v(VisionShape::moore, 1.0, true);
    CellLists lists(static_cast<std::size_t>(t.cells()), 2);
    std::vector<float> attraction(static_cast<std::size_t>(t.cells()), 0.0F);
    const CounterRng rng(7);
    const CellIndex from = t.index(4, 4);
    // Nothing attracts: no destination (the caller falls back to the random move).
    EXPECT_EQ(gathering_destination(t, v, lists, attraction, from, rng, 1, 0), no_cell);
    attraction[t.index(5, 5)] = 0.8F;
    attraction[t.index(3, 4)] = 0.5F;
    attraction[t.index(6, 6)] = 9.0F; // out of sight
    EXPECT_EQ(gathering_destination(t, v, lists, attraction, from, rng, 1, 0), t.index(5, 5));
    // Occupied: the next best empty cell.
    lists.insert(t.index(5, 5), 1);
    EXPECT_EQ(gathering_destination(t, v, lists, attraction, from, rng, 1, 0), t.index(3, 4));
    // A tie is broken by the lowest key, the same for the same (tick, agent), and over many
    // (tick, agent) both cells win some.
    attraction[t.index(4, 3)] = 0.5F;
    int first = 0;
    for (std::uint32_t tick = 1; tick <= 200; ++tick) {
        const CellIndex c = gathering_destination(t, v, lists, attraction, from, rng, tick, 0);
        ASSERT_TRUE(c == t.index(3, 4) || c == t.index(4, 3));
        EXPECT_EQ(c, gathering_destination(t, v, lists, attraction, from, rng, tick, 0));
        first += c == t.index(3, 4) ? 1 : 0;
    }
    // Binomial(200, 1/2): 5 s.d. is about 35.
    EXPECT_GT(first, 65);
    EXPECT_LT(first, 135);
}
