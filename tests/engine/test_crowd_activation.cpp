// The crowd rules inside an activation (issue 8), on hand-built worlds: the three-way decision
// (violence, crowd gate, organised group), force risk, soldiers' deterrence, curfew, the
// mobilisation signal, arrests of violent citizens, the arrest quota, static soldiers. Each
// boundary is checked on both sides of the value worked out by hand.
#include "sim/engine/activation.hpp"
#include "sim/engine/crowd_activation.hpp"
#include "world_builder.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace unrest;
using unrest::testing::make_world;
using unrest::testing::small_config;

namespace {

constexpr double eps = 1e-9;

// G - R P for the citizen of the tests: H = 1, L = 0 (G = 1), R = 0.5, with C and A given.
double margin(double k, double cops, double actives, double g = 1.0) {
    return g - 0.5 * (1.0 - std::exp(-k * cops / actives));
}

// Citizen 0 at (5, 5) with H = 1, R = 0.5; two actives and one violent at distance 1; one cop
// at distance 2 (disc vision of radius 2, own cell included).
std::vector<unrest::testing::Placement> crowd_scene() {
    return {
        {5, 5, State::quiet, 1.0, 0.5}, {5, 6, State::active},  {6, 5, State::active},
        {4, 5, State::violent},         {5, 7, State::on_duty},
    };
}

ModelConfig violence_config(double threshold, std::int64_t crowd) {
    ModelConfig c = small_config();
    c.violence.enabled = true;
    c.violence.threshold = threshold;
    c.violence.crowd = crowd;
    return c;
}

State decide(const World& w, const ModelConfig& c, const RegionControls* controls = nullptr,
             double mobilisation = 0.0) {
    const CounterRng rng(1);
    const detail::TickContext ctx{c, rng, 1, 0.0, controls, mobilisation};
    return detail::citizen_decision(w, ctx, 0);
}

} // namespace

TEST(CrowdDecision, ViolentAboveTheViolentThresholdWithACrowd) {
    // A = 1 + 2 actives + 1 violent = 4, C = 1.
    const double m = margin(2.3, 1, 4);
    {
        const ModelConfig c = violence_config(m - eps, 3);
        EXPECT_EQ(decide(make_world(c, crowd_scene(), 0.0), c), State::violent);
    }
    {
        const ModelConfig c = violence_config(m + eps, 3);
        EXPECT_EQ(decide(make_world(c, crowd_scene(), 0.0), c), State::active);
    }
    {
        // Crowd gate: 3 protesters in vision < 4.
        const ModelConfig c = violence_config(m - eps, 4);
        EXPECT_EQ(decide(make_world(c, crowd_scene(), 0.0), c), State::active);
    }
}

TEST(CrowdDecision, AViolentCitizenIsNotCountedTwice) {
    // The citizen itself violent: A = 1 + 3 others, the gate counts the 3 others only.
    std::vector<unrest::testing::Placement> scene = crowd_scene();
    scene[0].state = State::violent;
    const double m = margin(2.3, 1, 4);
    ModelConfig c = violence_config(m - eps, 3);
    EXPECT_EQ(decide(make_world(c, scene, 0.0), c), State::violent);
    c = violence_config(m - eps, 4);
    EXPECT_EQ(decide(make_world(c, scene, 0.0), c), State::active);
}

TEST(CrowdDecision, WithoutViolenceTheModelIRuleAndItsThreshold) {
    // Violence off: no violent citizens exist, so the scene has two actives: A = 3.
    std::vector<unrest::testing::Placement> scene = crowd_scene();
    scene.erase(scene.begin() + 3);
    ModelConfig c = small_config();
    const double m = margin(2.3, 1, 3);
    c.citizen.threshold = m - eps;
    const World w = make_world(c, scene, 0.0);
    EXPECT_EQ(decide(w, c), State::active);
    EXPECT_TRUE(detail::citizen_decides_active(w, c, 0));
    c.citizen.threshold = m + eps;
    EXPECT_EQ(decide(make_world(c, scene, 0.0), c), State::quiet);
}

TEST(CrowdDecision, HardcoreMembersAreViolentWhateverTheirGrievance) {
    ModelConfig c = violence_config(std::numeric_limits<double>::infinity(), 100);
    std::vector<unrest::testing::Placement> scene = crowd_scene();
    scene[0].hardship = 0.0;
    World w = make_world(c, scene, 0.9);
    w.pop.hardcore.assign(w.pop.size(), 0);
    EXPECT_EQ(decide(w, c), State::quiet);
    w.pop.hardcore[0] = 1;
    EXPECT_EQ(decide(w, c), State::violent);
}

TEST(CrowdDecision, ForceRiskScalesKAtTheForceLevelInUse) {
    ModelConfig c = violence_config(std::numeric_limits<double>::infinity(), 0);
    c.cops.force_risk = {1.5, 3.0};
    RegionControls controls;
    for (const auto& [level, k] :
         {std::pair{ForceLevel::arrests_only, 2.3}, std::pair{ForceLevel::less_lethal, 2.3 * 1.5},
          std::pair{ForceLevel::lethal, 2.3 * 3.0}}) {
        controls.force_level = level;
        const double m = margin(k, 1, 4);
        c.citizen.threshold = m - eps;
        EXPECT_EQ(decide(make_world(c, crowd_scene(), 0.0), c, &controls), State::active);
        c.citizen.threshold = m + eps;
        EXPECT_EQ(decide(make_world(c, crowd_scene(), 0.0), c, &controls), State::quiet);
    }
}

TEST(CrowdDecision, SoldiersInVisionCountAsDeterrencePoliceEach) {
    ModelConfig c = violence_config(std::numeric_limits<double>::infinity(), 0);
    c.military.deterrence = 2.0;
    std::vector<unrest::testing::Placement> scene = crowd_scene();
    scene.push_back({3, 5, State::on_duty}); // becomes a soldier below
    World w = make_world(c, scene, 0.0);
    const AgentId soldier = static_cast<AgentId>(w.pop.size()) - 1;
    w.pop.kind[soldier] = Kind::military;
    w.seen.rebuild(w.torus, w.vision, w.pop, w.lists);
    // C = 1 cop + 2 x 1 soldier = 3.
    const double m = margin(2.3, 3, 4);
    c.citizen.threshold = m - eps;
    EXPECT_EQ(decide(w, c), State::active);
    c.citizen.threshold = m + eps;
    EXPECT_EQ(decide(w, c), State::quiet);
}

TEST(CrowdDecision, CurfewRaisesTheThresholds) {
    ModelConfig c = violence_config(0.0, 0);
    c.citizen.curfew_deterrence = 0.25;
    const double m = margin(2.3, 1, 4);
    c.violence.threshold = m - 0.1; // violent without a curfew (G - R P = m)...
    c.citizen.threshold = m - 0.1;
    RegionControls controls;
    const World w = make_world(c, crowd_scene(), 0.0);
    EXPECT_EQ(decide(w, c, &controls), State::violent);
    controls.curfew = true; // ...quiet under it: both thresholds rise to m + 0.15
    EXPECT_EQ(decide(w, c, &controls), State::quiet);
    c.citizen.threshold = m - 0.3; // T = m - 0.05 under the curfew, T_v = m + 0.15: active
    EXPECT_EQ(decide(w, c, &controls), State::active);
}

TEST(CrowdDecision, MobilisationEntersAAndG) {
    ModelConfig c = violence_config(std::numeric_limits<double>::infinity(), 0);
    c.mobilisation.perceived_support = 5.0;
    c.mobilisation.grievance = 0.5;
    // M = 0.2: A = 4 + 5 x 0.2 = 5, G = 1 + 0.5 x 0.2 = 1.1.
    const double m = margin(2.3, 1, 5, 1.1);
    const World w = make_world(c, crowd_scene(), 0.0);
    c.citizen.threshold = m - eps;
    EXPECT_EQ(decide(w, c, nullptr, 0.2), State::active);
    c.citizen.threshold = m + eps;
    EXPECT_EQ(decide(w, c, nullptr, 0.2), State::quiet);
}

TEST(CrowdArrest, PoliceArrestViolentCitizens) {
    const ModelConfig c = violence_config(0.5, 0);
    // Only a violent citizen within the cop's vision.
    World w =
        make_world(c, {{1, 1, State::quiet}, {5, 5, State::violent}, {5, 6, State::on_duty}}, 0.9);
    const CounterRng rng(3);
    const detail::TickContext ctx{c, rng, 1};
    EXPECT_EQ(detail::choose_arrestee(w, ctx, 2), 1);
    detail::TickTally tally;
    detail::make_arrest(w, ctx, 2, 1, tally);
    EXPECT_EQ(tally.arrests, 1);
    EXPECT_EQ(w.pop.state[1], State::jailed);
    EXPECT_EQ(w.seen.at(channel_index(Channel::violent), w.pop.cell[2]), 0);
}

TEST(CrowdArrest, AnOfficerAtItsQuotaArrestsNoMore) {
    ModelConfig c = small_config();
    c.cops.capacity.persons_per_day = 1.0;
    World w =
        make_world(c, {{5, 4, State::active}, {5, 6, State::active}, {5, 5, State::on_duty}}, 0.9);
    w.pop.arrests_today.assign(w.pop.size(), 0);
    w.pop.arrest_quota.assign(w.pop.size(), 0);
    w.pop.arrest_quota[2] = 1;
    const CounterRng rng(3);
    detail::TickTally tally;
    for (std::uint32_t t = 1; t <= 3; ++t) {
        const detail::TickContext ctx{c, rng, t};
        EXPECT_EQ(detail::may_arrest(w, 2), t == 1);
        detail::activate_agent(w, ctx, 2, tally);
    }
    EXPECT_EQ(tally.arrests, 1);
    EXPECT_EQ(w.pop.arrests_today[2], 1);
}

TEST(CrowdActivation, SoldiersNeitherMoveNorArrest) {
    ModelConfig c = small_config();
    c.movement.enabled = true;
    World w = make_world(c, {{5, 4, State::active}, {5, 5, State::on_duty}}, 0.9);
    w.pop.kind[1] = Kind::military;
    w.seen.rebuild(w.torus, w.vision, w.pop, w.lists);
    const CounterRng rng(3);
    detail::TickTally tally;
    for (std::uint32_t t = 1; t <= 5; ++t) {
        detail::activate_agent(w, detail::TickContext{c, rng, t}, 1, tally);
    }
    EXPECT_EQ(w.pop.cell[1], w.torus.index(5, 5));
    EXPECT_EQ(tally.arrests, 0);
    EXPECT_EQ(w.pop.state[0], State::active);
}
