// The crowd rules' blocks (issue 8): hardship, violence, gathering, mobilisation, the arrest
// block's force risk and capacity, citizen.curfew_deterrence, legitimacy.feedback's killing and
// violence sensitivities: read, printed and read back the same, per region, refused when bad;
// present but off, they leave Model I's run unchanged.
#include "scenario_test_util.hpp"
#include "sim/engine/simulation.hpp"

#include <cmath>

namespace unrest {
namespace {

std::string emit(const Scenario& s) {
    YAML::Emitter out;
    out << resolved_yaml(s);
    return out.c_str();
}

constexpr const char* all_on = R"(name: kz
calendar: {start: 2022-01-02T00:00, time_zone: "+06:00", tick: 10min, end: 2022-01-03T00:00}
grid: {width: 30, height: 30}
citizen: {curfew_deterrence: 0.05}
arrest:
  force_risk: {less_lethal: 1.5, lethal: 3}
  capacity_per_day: 3000
legitimacy:
  feedback: {enabled: true, killing_sensitivity: 2/day, violence_sensitivity: -0.5}
hardship: {price_sensitivity: 0.3, reference_price: 60, exposed_share: 0.4, income_weight: 0.5}
violence:
  threshold: 0.4
  crowd: 8
  organised: {size: 200, arrival: 2022-01-02T10:00}
gathering:
  probability: 0.5
  distance_scale: 6
  weights: {square: 2, bank: 0.25}
mobilisation: {perceived_support: 20, grievance: 0.1}
regions:
  - name: Zhanaozen
    time_zone: "+05:00"
    violence: {threshold: .inf, organised: {size: 0}}
    arrest: {capacity_per_day: ~}
  - name: Almaty
)";

TEST(CrowdBlocks, KeysAreReadConvertedAndInheritedByRegions) {
    const Scenario s = test::load(all_on);
    const ModelConfig& m = s.model;
    EXPECT_EQ(m.citizen.curfew_deterrence, 0.05);
    EXPECT_EQ(m.cops.force_risk.less_lethal, 1.5);
    EXPECT_EQ(m.cops.force_risk.lethal, 3.0);
    EXPECT_EQ(m.cops.capacity.persons_per_day, 3000.0);
    // 2 a day in 10-minute ticks: 2 / 144 a tick.
    EXPECT_DOUBLE_EQ(m.legitimacy.feedback.killing_sensitivity, 2.0 / 144.0);
    EXPECT_EQ(m.legitimacy.feedback.violence_sensitivity, -0.5);
    EXPECT_TRUE(m.hardship.enabled);
    EXPECT_EQ(m.hardship.price_sensitivity, 0.3);
    EXPECT_EQ(m.hardship.reference_price, 60.0);
    EXPECT_EQ(m.hardship.exposed_share, 0.4);
    EXPECT_EQ(m.hardship.income_weight, 0.5);
    EXPECT_TRUE(m.violence.enabled);
    EXPECT_EQ(m.violence.threshold, 0.4);
    EXPECT_EQ(m.violence.crowd, 8);
    EXPECT_EQ(m.violence.organised.size, 200);
    EXPECT_EQ(m.violence.organised.arrival, 61); // 10:00 in +06:00 from 00:00: tick 61
    EXPECT_TRUE(m.gathering.enabled);
    EXPECT_EQ(m.gathering.probability, 0.5);
    EXPECT_EQ(m.gathering.distance_scale, 6.0);
    EXPECT_EQ(m.gathering.weight(SiteType::square), 2.0);
    EXPECT_EQ(m.gathering.weight(SiteType::bank), 0.25);
    EXPECT_EQ(m.gathering.weight(SiteType::akimat), 1.0); // default kept
    EXPECT_EQ(m.mobilisation.perceived_support, 20.0);
    EXPECT_EQ(m.mobilisation.grievance, 0.1);
    ASSERT_EQ(s.regions.size(), 2U);
    const ModelConfig& z = s.regions[0].model;
    EXPECT_FALSE(z.violence.enabled); // its own: off
    EXPECT_FALSE(z.cops.capacity.persons_per_day);
    EXPECT_TRUE(z.hardship.enabled); // inherited
    const ModelConfig& a = s.regions[1].model;
    EXPECT_TRUE(a.violence.enabled);
    EXPECT_EQ(a.cops.capacity.persons_per_day, 3000.0);
}

TEST(CrowdBlocks, PrintedValuesReadBackTheSame) {
    const Scenario s = test::load(all_on);
    const std::string once = emit(s);
    const Scenario again = test::load(once);
    EXPECT_EQ(emit(again), once);
    const YAML::Node y = resolved_yaml(s);
    EXPECT_EQ(y["hardship"]["price_sensitivity"].Scalar(), "0.3");
    EXPECT_EQ(y["violence"]["organised"]["arrival"].Scalar(), "61");
    EXPECT_EQ(y["gathering"]["weights"]["bank"].Scalar(), "0.25");
    EXPECT_EQ(y["arrest"]["capacity_per_day"].Scalar(), "3000");
    EXPECT_EQ(y["mobilisation"]["perceived_support"].Scalar(), "20");
    EXPECT_EQ(y["citizen"]["curfew_deterrence"].Scalar(), "0.05");
}

TEST(CrowdBlocks, DefaultsAreOff) {
    const Scenario s = test::load("name: a\nticks: 5\n");
    const ModelConfig& m = s.model;
    EXPECT_FALSE(m.hardship.enabled);
    EXPECT_FALSE(m.violence.enabled);
    EXPECT_TRUE(std::isinf(m.violence.threshold));
    EXPECT_FALSE(m.gathering.enabled);
    EXPECT_FALSE(m.mobilisation.enabled());
    EXPECT_FALSE(m.cops.capacity.persons_per_day);
    EXPECT_EQ(m.cops.force_risk.less_lethal, 1.0);
    EXPECT_EQ(m.cops.force_risk.lethal, 1.0);
    EXPECT_EQ(m.citizen.curfew_deterrence, 0.0);
    EXPECT_EQ(m.legitimacy.feedback.killing_sensitivity, 0.0);
    EXPECT_EQ(m.legitimacy.feedback.violence_sensitivity, 0.0);
    // Printed defaults read back.
    const std::string once = emit(s);
    EXPECT_EQ(emit(test::load(once)), once);
}

TEST(CrowdBlocks, BadValuesAreRefusedAtTheirKey) {
    EXPECT_NE(test::load_error("name: a\nticks: 5\nhardship: {reference_price: 0}\n")
                  .find("hardship.reference_price: expected a finite number > 0"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\nviolence: {crowd: -1}\n").find("violence.crowd"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\nviolence: {threshold: -0.1}\n")
                  .find("violence.threshold: expected a number >= 0 or .inf"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\ngathering: {probability: 2}\n")
                  .find("gathering.probability"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\ngathering: {weights: {mall: -1}}\n")
                  .find("gathering.weights.mall: expected a number >= 0"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\nmobilisation: {grievance: -1}\n")
                  .find("mobilisation.grievance: expected a number >= 0"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\narrest: {capacity_per_day: 10}\n")
                  .find("without a calendar"),
              std::string::npos);
    EXPECT_NE(test::load_error("name: a\nticks: 5\ncitizen: {curfew_deterrence: -0.1}\n")
                  .find("citizen.curfew_deterrence: expected a number >= 0"),
              std::string::npos);
    EXPECT_NE(
        test::load_error("name: a\nticks: 5\nlegitimacy: {feedback: {killing_sensitivity: -1}}\n")
            .find("legitimacy.feedback.killing_sensitivity: expected a rate >= 0"),
        std::string::npos);
}

// Every block given, every rule off: the same model run as a file without them.
TEST(CrowdBlocks, PresentButOffIsModelI) {
    const std::string plain =
        "name: a\nticks: 30\ngrid: {width: 40, height: 40}\nlegitimacy: 0.7\n";
    const Scenario bare = test::load(plain);
    const Scenario off = test::load(plain + R"(citizen: {curfew_deterrence: 0}
arrest: {force_risk: {less_lethal: 1, lethal: 1}, capacity_per_day: ~}
hardship: {price_sensitivity: 0, reference_price: 80, exposed_share: 0.5, income_weight: 0.5}
violence: {threshold: .inf, crowd: 5, organised: {size: 0, arrival: 3}}
gathering: {probability: 0, distance_scale: 3, weights: {square: 3}}
mobilisation: {perceived_support: 0, grievance: 0}
)");
    EXPECT_FALSE(off.model.hardship.enabled);
    EXPECT_FALSE(off.model.violence.enabled);
    EXPECT_FALSE(off.model.gathering.enabled);
    Simulation a(bare.model, 5);
    Simulation b(off.model, 5);
    for (int t = 1; t <= 30; ++t) {
        const TickRecord x = a.step();
        const TickRecord y = b.step();
        ASSERT_EQ(x.active, y.active) << t;
        ASSERT_EQ(x.jailed, y.jailed) << t;
        ASSERT_EQ(x.arrests, y.arrests) << t;
    }
    EXPECT_EQ(a.world().pop.cell, b.world().pop.cell);
}

} // namespace
} // namespace unrest
