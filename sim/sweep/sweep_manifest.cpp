#include "sweep_manifest.hpp"

#include "../output/manifest.hpp"
#include "../output/output_dir.hpp"
#include "../output/sha256.hpp"
#include "../run/single_run.hpp"
#include "sweep_runner.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace unrest {

namespace {

const char* design_name(SweepDesign d) {
    return d == SweepDesign::grid ? "grid" : (d == SweepDesign::lhs ? "lhs" : "sobol");
}

const char* axis_kind_name(SweepAxis::Kind k) {
    switch (k) {
    case SweepAxis::Kind::list:
        return "list";
    case SweepAxis::Kind::linear:
        return "linear";
    case SweepAxis::Kind::log:
        return "log";
    case SweepAxis::Kind::uniform:
        return "uniform";
    case SweepAxis::Kind::log_uniform:
        return "log_uniform";
    }
    return "?";
}

} // namespace

SweepManifest make_sweep_manifest(const SweepSpec& spec, const std::string& scenario_sha256,
                                  const SweepPlan& plan, const std::string& design_id,
                                  const SweepOptions& options, int jobs) {
    SweepManifest m;
    m.design_id = design_id;
    m.sweep_file = spec.file;
    m.sweep_sha256 = sha256_file_hex(spec.file);
    m.scenario_file = spec.scenario_file;
    m.scenario_sha256 = scenario_sha256;
    m.design = design_name(spec.design);
    m.points = plan.points();
    m.runs = plan.runs();
    m.design_seed = spec.design_seed;
    m.seeds = spec.seeds;
    m.axes = spec.axes;
    m.fixed = spec.fixed;
    m.metrics = spec.metrics;
    m.keep = spec.keep == SweepKeep::none ? "none"
                                          : (spec.keep == SweepKeep::summary ? "summary" : "all");
    m.on_error = spec.on_error == SweepOnError::stop ? "stop" : "continue";
    m.jobs = jobs;
    m.command_line = options.command_line;
    m.started_utc = utc_now();
    return m;
}

void write_sweep_manifest(const std::filesystem::path& file, const SweepManifest& m) {
    nlohmann::ordered_json j;
    j["program"] = build_info_json();
    j["status"] = m.status;
    j["design_id"] = m.design_id;
    j["sweep_file"] = m.sweep_file;
    j["sweep_sha256"] = m.sweep_sha256;
    j["scenario_file"] = m.scenario_file;
    j["scenario_sha256"] = m.scenario_sha256;
    nlohmann::ordered_json design;
    design["kind"] = m.design;
    design["points"] = m.points;
    design["runs"] = m.runs;
    design["design_seed"] = m.design_seed;
    design["replicate_seeds"] = m.seeds;
    nlohmann::ordered_json axes = nlohmann::ordered_json::array();
    for (const SweepAxis& a : m.axes) {
        nlohmann::ordered_json x;
        x["key"] = a.key;
        x["kind"] = axis_kind_name(a.kind);
        if (a.kind == SweepAxis::Kind::list) {
            x["values"] = a.values;
        } else {
            x["low"] = a.low;
            x["high"] = a.high;
            if (a.count > 0) {
                x["count"] = a.count;
            }
        }
        x["integer"] = a.integer;
        axes.push_back(std::move(x));
    }
    design["parameters"] = std::move(axes);
    nlohmann::ordered_json fixed = nlohmann::ordered_json::object();
    for (const SweepFixed& f : m.fixed) {
        fixed[f.key] = f.value;
    }
    design["fixed"] = std::move(fixed);
    design["metrics"] = m.metrics;
    j["design"] = std::move(design);
    j["keep"] = m.keep;
    j["on_error"] = m.on_error;
    j["jobs"] = m.jobs;
    j["ranks"] = m.ranks;
    j["command_line"] = m.command_line;
    j["started_utc"] = m.started_utc;
    j["finished_utc"] = m.finished_utc.empty() ? nlohmann::ordered_json(nullptr)
                                               : nlohmann::ordered_json(m.finished_utc);
    write_file_atomically(file, j.dump(2) + "\n");
}

std::optional<std::string> read_sweep_design_id(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        return std::nullopt;
    }
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        return j.at("design_id").get<std::string>();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace unrest
