// manifest.json: how a run's outputs were produced (program build, scenario file and its hash,
// seed, threads, timing, the command line) and every resolved parameter. The only output that
// differs between runs with identical results (timing, threads, start time).
#pragma once

#include "../core/schedule.hpp"
#include "../scenario/scenario.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest {

struct Provenance {
    std::string scenario_file;          // as given on the command line
    std::string scenario_sha256;        // of the file's bytes (sha256_file_hex)
    std::uint64_t seed = 0;             // the seed actually used
    Tick ticks = 0;                     // the ticks actually simulated
    int threads = 1;                    // OpenMP threads
    double wall_seconds = 0.0;          // wall-clock time of the run
    std::string started_utc;            // ISO 8601, e.g. 2024-01-06T12:00:00Z
    std::vector<std::string> overrides; // --set key.path=value, in order
    std::string command_line;           // the full command line, for reproduction
    std::vector<std::string> files;     // the output files, manifest.json included
};

// Version, git revision, build type, compiler and flags of this program.
nlohmann::ordered_json build_info_json();

// A YAML tree as JSON, keeping map order. Scalars are typed: an integer if the text is one
// (int64, or uint64 when larger), else a double if it is a finite number, "inf" / "-inf" / "nan"
// for .inf / -.inf / .nan, a bool for true / false, null for ~ / null / a YAML null (a key with
// no value), else a string. A quoted scalar, or an empty string set in code, stays a string.
nlohmann::ordered_json yaml_to_json(const YAML::Node& node);

nlohmann::ordered_json manifest_json(const Scenario& scenario, const Provenance& provenance);

} // namespace unrest
