// YAML -> Scenario: the blocks in order (sim/scenario/blocks/), each reading its keys with their
// types and ranges, then the checks that span blocks (model_checks.hpp). The keys allowed in each
// mapping come from the parameter table.
#include "load.hpp"

#include "blocks/block.hpp"
#include "input_text.hpp"
#include "model_checks.hpp"
#include "overrides.hpp"
#include "parameter_table.hpp"
#include "yaml_input.hpp"
#include "yaml_reader.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <utility>

namespace unrest {

namespace {

using namespace detail;

// The keys of a mapping at `path` as the reader checks them (yaml_prepass.hpp): the sections', and
// those of each schedule change ("legitimacy.changes[0]").
KeyCheck scenario_key_check(const std::string& path) {
    const std::size_t bracket = path.rfind('[');
    if (path.ends_with(']') && bracket != std::string::npos &&
        is_schedule_list(std::string_view(path).substr(0, bracket))) {
        return one_of_keys(schedule_change_keys());
    }
    std::vector<std::string> known = known_keys(path);
    return known.empty() ? KeyCheck() : one_of_keys(std::move(known));
}

// What every model needs to know of the scenario's calendar and scale: the tick's duration and
// the local time of day at which tick 1 starts in its region's zone, and persons per agent.
ClockParams clock_of(const Calendar& c, std::int32_t utc_offset_minutes) {
    ClockParams clock;
    if (c.enabled) {
        clock.tick_seconds = c.tick_seconds;
        const std::int64_t local = c.start + std::int64_t{utc_offset_minutes} * 60;
        clock.start_second_of_day = ((local % 86400) + 86400) % 86400;
    }
    return clock;
}

void give_models_clock_and_scale(Scenario& s) {
    s.model.clock = clock_of(s.calendar, s.calendar.utc_offset_minutes);
    s.model.scale.persons_per_agent = s.scale.persons_per_agent;
    for (RegionSpec& region : s.regions) {
        region.model.clock = clock_of(s.calendar, region.utc_offset_minutes);
        region.model.scale.persons_per_agent = s.scale.persons_per_agent;
    }
}

// The blocks in document order (sim/scenario/blocks/), then the checks that span the model's
// blocks; each region's model is checked by the regions block as it is read.
Scenario read_scenario(const YamlReader& r, const YAML::Node& tree) {
    const Field root_field{tree, YAML::Mark::null_mark(), ""};
    const Mapping root(r, root_field, known_keys(""));
    Scenario s;
    ModelFields fields(root_field);
    const ReadContext ctx{r, root, fields, &s.calendar};
    bool model_checked = false;
    for (const Block& b : scenario_blocks()) {
        if (b.read_model) {
            b.read_model(ctx, s.model);
        } else if (!model_checked && b.key == "regions") {
            // The scenario's model is complete: check it before the regions build on it.
            check_model(r, fields, s.model, s.run.ticks);
            model_checked = true;
        }
        if (b.read) {
            b.read(ctx, s);
        }
    }
    if (!model_checked) {
        check_model(r, fields, s.model, s.run.ticks);
    }
    give_models_clock_and_scale(s);
    return s;
}

// Overrides, then the reader, on a freshly parsed tree.
Scenario read_with_overrides(YAML::Node tree, const std::string& file_name,
                             const std::vector<std::string>& overrides,
                             const std::vector<FlagOverride>& flags) {
    const std::vector<OverrideOrigin> origins = apply_overrides(tree, overrides, flags);
    const YamlReader reader(file_name, origins);
    return read_scenario(reader, tree);
}

} // namespace

Scenario load_scenario_text(const std::string& text, const std::string& file_name,
                            const std::vector<std::string>& overrides,
                            const std::vector<FlagOverride>& flags) {
    return read_with_overrides(parse_yaml_input(text, file_name, scenario_key_check), file_name,
                               overrides, flags);
}

CheckedScenarioText::CheckedScenarioText(std::string text, std::string file_name)
    : text_(std::move(text)), file_(std::move(file_name)) {
    (void)parse_yaml_input(text_, file_, scenario_key_check);
}

Scenario CheckedScenarioText::load(const std::vector<std::string>& overrides,
                                   const std::vector<FlagOverride>& flags) const {
    // The text parsed once already: it parses again, the same.
    return read_with_overrides(YAML::Load(text_), file_, overrides, flags);
}

std::string unreadable_file_problem(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        return "no such file";
    }
    if (std::filesystem::is_directory(status)) {
        return "a directory";
    }
    if (!std::ifstream(path, std::ios::binary)) {
        return "a file that cannot be opened";
    }
    return {};
}

std::string read_input_file(const std::string& path) {
    const std::string problem = unreadable_file_problem(path);
    if (!problem.empty()) {
        throw ScenarioError(path, 0, 0, "",
                            fmt::format("expected a readable file, found {}", problem));
    }
    // The size of a regular file is known before reading it; a pipe's only while reading.
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (!ec) {
            check_input_size(path, size);
        }
    }
    std::ifstream in(path, std::ios::binary);
    return read_input_stream(in, path);
}

Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides,
                            const std::vector<FlagOverride>& flags) {
    return load_scenario_text(read_input_file(path), path, overrides, flags);
}

} // namespace unrest
