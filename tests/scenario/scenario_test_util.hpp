// Helpers shared by the scenario tests.
#pragma once

#include "sim/scenario/load.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace unrest::test {

inline Scenario load(const std::string& text, const std::vector<std::string>& overrides = {}) {
    return load_scenario_text(text, "s.yaml", overrides);
}

// The what() of the ScenarioError that loading `text` (as "s.yaml") throws, or "no error".
inline std::string load_error(const std::string& text,
                              const std::vector<std::string>& overrides = {}) {
    try {
        load(text, overrides);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "no error";
}

inline void expect_same_changes(const std::vector<ScheduleChange>& a,
                                const std::vector<ScheduleChange>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].kind, b[i].kind) << i;
        EXPECT_EQ(a[i].from, b[i].from) << i;
        EXPECT_EQ(a[i].to, b[i].to) << i;
        EXPECT_EQ(a[i].value, b[i].value) << i;
    }
}

// Field by field, so that a failure names the field.
inline void expect_same_model(const ModelConfig& m, const ModelConfig& n) {
    EXPECT_EQ(m.grid.width, n.grid.width);
    EXPECT_EQ(m.grid.height, n.grid.height);
    EXPECT_EQ(m.population.citizen_density, n.population.citizen_density);
    EXPECT_EQ(m.population.cop_density, n.population.cop_density);
    EXPECT_EQ(m.population.citizens, n.population.citizens);
    EXPECT_EQ(m.population.cops, n.population.cops);
    EXPECT_EQ(m.population.initial, n.population.initial);
    EXPECT_EQ(m.vision.radius, n.vision.radius);
    EXPECT_EQ(m.vision.shape, n.vision.shape);
    EXPECT_EQ(m.vision.include_own_cell, n.vision.include_own_cell);
    EXPECT_EQ(m.citizen.threshold, n.citizen.threshold);
    EXPECT_EQ(m.citizen.self_count, n.citizen.self_count);
    EXPECT_EQ(m.arrest.k, n.arrest.k);
    EXPECT_EQ(m.arrest.ratio, n.arrest.ratio);
    EXPECT_EQ(m.jail.max_term, n.jail.max_term);
    EXPECT_EQ(m.jail.draw, n.jail.draw);
    EXPECT_EQ(m.jail.placement, n.jail.placement);
    EXPECT_EQ(m.jail.countdown, n.jail.countdown);
    EXPECT_EQ(m.movement.enabled, n.movement.enabled);
    EXPECT_EQ(m.movement.order, n.movement.order);
    EXPECT_EQ(m.cops.steps_onto_arrestee, n.cops.steps_onto_arrestee);
    expect_same_changes(m.cops.density_changes, n.cops.density_changes);
    EXPECT_EQ(m.legitimacy.schedule.initial(), n.legitimacy.schedule.initial());
    expect_same_changes(m.legitimacy.schedule.changes(), n.legitimacy.schedule.changes());
    EXPECT_EQ(m.activation.mode, n.activation.mode);
    EXPECT_EQ(m.activation.tiling, n.activation.tiling);
    EXPECT_EQ(m.legitimacy.feedback.enabled, n.legitimacy.feedback.enabled);
    EXPECT_EQ(m.legitimacy.feedback.arrest_sensitivity, n.legitimacy.feedback.arrest_sensitivity);
    EXPECT_EQ(m.legitimacy.feedback.recovery, n.legitimacy.feedback.recovery);
    EXPECT_EQ(m.news.perceived_support, n.news.perceived_support);
    EXPECT_EQ(m.news.grievance, n.news.grievance);
}

inline void expect_same_scenario(const Scenario& a, const Scenario& b) {
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.description, b.description);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.run.seed, b.run.seed);
    EXPECT_EQ(a.run.ticks, b.run.ticks);
    EXPECT_EQ(a.analysis.outburst_threshold, b.analysis.outburst_threshold);
    expect_same_model(a.model, b.model);
    EXPECT_EQ(a.scale.persons_per_agent, b.scale.persons_per_agent);
    EXPECT_EQ(a.news.weights, b.news.weights);
    if (a.regions.empty() || b.regions.empty()) {
        return; // a Scenario made in code, not loaded: no regions yet
    }
    ASSERT_EQ(a.regions.size(), b.regions.size());
    for (std::size_t i = 0; i < a.regions.size(); ++i) {
        SCOPED_TRACE(a.regions[i].name);
        EXPECT_EQ(a.regions[i].name, b.regions[i].name);
        EXPECT_EQ(a.regions[i].utc_offset_minutes, b.regions[i].utc_offset_minutes);
        expect_same_model(a.regions[i].model, b.regions[i].model);
    }
}

} // namespace unrest::test
