// The equations of the forces' rules (rules/sites.hpp, casualties.hpp, forces.hpp), exactly.
#include "sim/rules/casualties.hpp"
#include "sim/rules/forces.hpp"
#include "sim/rules/sites.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace unrest;

TEST(SitesRule, DamageIsDeltaValueAttackersCappedAtWhatIsLeft) {
    EXPECT_DOUBLE_EQ(site_damage(1000.0, 0.0, 0.01, 5), 50.0); // 0.01 x 1000 x 5
    EXPECT_DOUBLE_EQ(site_damage(1000.0, 980.0, 0.01, 5), 20.0);
    EXPECT_EQ(site_damage(1000.0, 1000.0, 0.01, 5), 0.0);
    EXPECT_EQ(site_damage(1000.0, 0.0, 0.01, 0), 0.0);
    EXPECT_EQ(site_damage(0.0, 0.0, 0.5, 9), 0.0); // a square
}

TEST(SitesRule, FallsWhenAttackersOutnumberTheWeightedDefence) {
    // n_viol > rho D defenders, and at least n_min attackers.
    EXPECT_TRUE(site_falls(5, 3, 1.0, 2.0, 2.0));  // 5 > 4
    EXPECT_FALSE(site_falls(4, 3, 1.0, 2.0, 2.0)); // 4 > 4 fails
    EXPECT_FALSE(site_falls(2, 3, 1.0, 0.0, 0.0)); // too few
    EXPECT_TRUE(site_falls(3, 3, 1.0, 5.0, 0.0));  // undefended
}

TEST(SitesRule, TypeDefaultsCoverEveryType) {
    ASSERT_EQ(site_type_defaults.size(), site_type_count);
    EXPECT_EQ(defaults_of(SiteType::square).value_usd, 0.0);
    EXPECT_EQ(defaults_of(SiteType::weapons_shop).name, "weapons_shop");
}

TEST(SitesRule, EquirectangularProjection) {
    // One degree of latitude: R pi / 180 = 111,195.08 m; of longitude at 60 degrees: half that.
    const MetresEastNorth north = metres_from_origin({43.0, 76.0}, {44.0, 76.0});
    EXPECT_NEAR(north.north, 111195.08, 0.01);
    EXPECT_NEAR(north.east, 0.0, 1e-9);
    const MetresEastNorth east = metres_from_origin({60.0, 10.0}, {60.0, 11.0});
    EXPECT_NEAR(east.east, 111195.08 * 0.5, 0.01);
}

TEST(SitesRule, PerTickProbabilityAndPersonsToAgents) {
    EXPECT_EQ(per_tick_probability(0.0), 0.0);
    EXPECT_DOUBLE_EQ(per_tick_probability(std::log(2.0)), 0.5);
    EXPECT_EQ(agents_of(3800, 10.0), 380);
    EXPECT_EQ(agents_of(25, 10.0), 3); // round half away from zero
}

TEST(CasualtyRule, LanchesterHazard) {
    EXPECT_EQ(hit_probability(0.1, 0.0), 0.0);
    EXPECT_DOUBLE_EQ(hit_probability(0.1, 3.0), 1.0 - std::exp(-0.3));
    // V_vis (1 + b s_armed): 4 violent, 1 armed, b = 2 -> 4 x 1.5 = 6.
    EXPECT_DOUBLE_EQ(force_exposure(4, 1, 2.0), 6.0);
    EXPECT_EQ(force_exposure(0, 0, 2.0), 0.0);
    EXPECT_DOUBLE_EQ(force_exposure(3, 0, 2.0), 3.0);
}

TEST(CasualtyRule, DefaultsFromTheSources) {
    const CasualtyParams p;
    EXPECT_FALSE(p.enabled);
    EXPECT_EQ(p.death_share_less_lethal, 0.03); // KIPs [HA17]
}

TEST(WithdrawalRule, OverwhelmedWhenTheCrowdExceedsRatioTimesThePolice) {
    // (V + A) > ratio (1 + other police)
    EXPECT_TRUE(overwhelmed(4, 3, 1, 3.0));  // 7 > 6
    EXPECT_FALSE(overwhelmed(3, 3, 1, 3.0)); // 6 > 6 fails
    EXPECT_FALSE(overwhelmed(0, 0, 0, 0.0));
    EXPECT_TRUE(overwhelmed(1, 0, 0, 0.5));
}
