// sweep_manifest.json: the resolved design, the files and their hashes, the program, the start
// and end times, and the sweep's status. Written when the sweep starts and rewritten at its end.
#pragma once

#include "run_plan.hpp"
#include "sweep_spec.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace unrest {

struct SweepOptions;

struct SweepManifest {
    std::string design_id; // sweep_design_id: what a resumed sweep must match
    std::string sweep_file;
    std::string sweep_sha256;
    std::string scenario_file;
    std::string scenario_sha256;
    std::string design; // grid | lhs | sobol
    std::int64_t points = 0;
    std::int64_t runs = 0;
    std::uint64_t design_seed = 0;
    std::vector<std::uint64_t> seeds;
    std::vector<SweepAxis> axes;
    std::vector<SweepFixed> fixed;
    std::vector<std::string> metrics;
    std::string keep;
    std::string on_error;
    int jobs = 1;
    int ranks = 1;
    std::string command_line;
    std::string started_utc;
    std::string finished_utc;       // empty while running
    std::string status = "running"; // running | complete | stopped | interrupted | failed
};

SweepManifest make_sweep_manifest(const SweepSpec& spec, const std::string& scenario_sha256,
                                  const SweepPlan& plan, const std::string& design_id,
                                  const SweepOptions& options, int jobs);
void write_sweep_manifest(const std::filesystem::path& file, const SweepManifest& manifest);
// The design_id recorded in an existing manifest, if it can be read.
std::optional<std::string> read_sweep_design_id(const std::filesystem::path& file);

} // namespace unrest
