// A sweep file, validated: which scenario, which parameters vary and how, the design, the
// replicate seeds, the metrics to collect. Built by load_sweep_file; immutable afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace unrest {

// One varied parameter (a scenario key path) and where its values come from.
struct SweepAxis {
    enum class Kind {
        list,        // explicit values (any YAML scalar: numbers, names, booleans)
        linear,      // {from, to, count}: count values evenly spaced, ends included
        log,         // {from, to, count, scale: log}: count values evenly spaced in log
        uniform,     // {distribution: uniform, low, high} (lhs and sobol designs only)
        log_uniform, // {distribution: log_uniform, low, high} (lhs and sobol designs only)
    };
    std::string key; // scenario key path, e.g. "legitimacy.initial"
    Kind kind = Kind::list;
    std::vector<std::string> values; // list: the values as YAML scalar text
    double low = 0.0;                // linear/log: from; uniform/log_uniform: low
    double high = 0.0;               // linear/log: to;   uniform/log_uniform: high
    std::int64_t count = 0;          // linear/log: number of values
    bool integer = false;            // the key takes integers: generated values are rounded
};

// A parameter held fixed over the sweep (a scalar in the sweep file).
struct SweepFixed {
    std::string key;
    std::string value; // YAML scalar text
};

enum class SweepDesign {
    grid,  // Cartesian product of the axes' values (every axis a list or a range with count)
    lhs,   // Latin hypercube of `points` points (seeded by design_seed)
    sobol, // the first `points` points of the Sobol sequence (Joe-Kuo direction numbers)
};

enum class SweepKeep { none, summary, all }; // per-run outputs kept under DIR/runs/
enum class SweepOnError { continue_running, stop };

struct SweepSpec {
    std::string file;          // the sweep file, as given
    std::string scenario_file; // resolved relative to the sweep file's folder
    std::vector<SweepAxis> axes;
    std::vector<SweepFixed> fixed;
    SweepDesign design = SweepDesign::grid;
    std::int64_t points = 0;       // lhs/sobol: number of design points
    std::uint64_t design_seed = 1; // lhs: seed of the strata permutations and jitter
    std::vector<std::uint64_t>
        seeds; // replicate r uses seeds[r] at every point (common random numbers)
    std::vector<std::string> metrics; // dotted paths into summary.json, e.g. "outbursts.count"
    SweepKeep keep = SweepKeep::none;
    SweepOnError on_error = SweepOnError::continue_running;
};

// Loads and validates a sweep file. Problems are ScenarioError (sim/scenario/load.hpp) with
// FILE:LINE:COLUMN: key.path: expected ..., found ...
SweepSpec load_sweep_file(const std::string& path);
// The same from text already in memory; `file_name` is used in error messages and its folder
// resolves a relative `scenario:` path.
SweepSpec load_sweep_text(const std::string& text, const std::string& file_name);

// The metrics a sweep may collect: dotted paths into summary.json, in summary order.
const std::vector<std::string>& sweep_metric_names();

// The scenario key paths a sweep may vary or hold fixed (parameter_table() leaf keys with a
// single value, less name, description, source and seed), in table order.
const std::vector<std::string>& sweep_parameter_keys();

} // namespace unrest
