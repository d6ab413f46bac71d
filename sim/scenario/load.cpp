// YAML -> Scenario: read each section with its types and ranges, then the checks that span
// sections. The keys allowed in each mapping come from the parameter table.
#include "load.hpp"

#include "input_text.hpp"
#include "overrides.hpp"
#include "parameter_table.hpp"
#include "schedule_reader.hpp"
#include "yaml_input.hpp"
#include "yaml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <span>
#include <utility>

namespace unrest {

namespace {

using namespace detail;

template <class E, std::size_t N>
E choice(const YamlReader& r, const std::optional<Field>& f, const std::array<Choice<E>, N>& table,
         E fallback) {
    return f ? read_choice(r, *f, std::span<const Choice<E>>(table)) : fallback;
}

// What "found" says of a section given without a value (`grid:` or `grid: ~`): refused rather
// than read as the defaults, which it may not have been meant as.
constexpr const char* no_section = "nothing (leave the key out to use the defaults)";

// The mapping under a top-level key; empty when the key is absent.
Mapping section(const YamlReader& r, const Mapping& root, std::string_view key) {
    const std::optional<Field> f = root.get(key);
    if (f && f->node.IsNull()) {
        r.fail(*f, "a mapping", no_section);
    }
    return Mapping(r, f ? *f : Field{YAML::Node(), YAML::Mark::null_mark(), std::string(key)},
                   known_keys(key));
}

// The first of `candidates` present in the file, else `fallback`: where to report a problem
// that involves several keys.
Field first_present(std::initializer_list<std::optional<Field>> candidates, const Field& fallback) {
    for (const std::optional<Field>& f : candidates) {
        if (f) {
            return *f;
        }
    }
    return fallback;
}

int read_cells(const YamlReader& r, const std::optional<Field>& f, int fallback) {
    if (!f) {
        return fallback;
    }
    const std::int64_t v = read_integer(r, *f, 1);
    if (v > std::numeric_limits<std::int32_t>::max()) {
        r.fail(*f, "an integer in [1, 2147483647]", f->node.Scalar());
    }
    return static_cast<int>(v);
}

void read_grid(const YamlReader& r, const Mapping& m, GridParams& g) {
    g.width = read_cells(r, m.get("width"), g.width);
    g.height = read_cells(r, m.get("height"), g.height);
    const std::int64_t cells = static_cast<std::int64_t>(g.width) * g.height;
    if (cells > std::numeric_limits<std::int32_t>::max()) { // CellIndex is 32-bit
        r.fail(first_present({m.get("height"), m.get("width")}, m.field()),
               "width x height <= 2147483647 cells",
               fmt::format("{} x {} = {}", g.width, g.height, cells));
    }
}

void read_population(const YamlReader& r, const Mapping& m, PopulationParams& p) {
    if (auto f = m.get("citizen_density")) {
        p.citizen_density = read_probability(r, *f);
    }
    if (auto f = m.get("cop_density")) {
        p.cop_density = read_probability(r, *f);
    }
    if (auto f = m.get("citizens"); f && !f->node.IsNull()) {
        p.citizens = read_integer(r, *f, 0);
    }
    if (auto f = m.get("cops"); f && !f->node.IsNull()) {
        p.cops = read_integer(r, *f, 0);
    }
    p.initial = choice(r, m.get("initial_counts"), initial_counts_choices, p.initial);
}

void read_vision(const YamlReader& r, const Mapping& m, VisionParams& v) {
    if (auto f = m.get("radius")) {
        v.radius = read_positive(r, *f);
    }
    v.shape = choice(r, m.get("shape"), vision_shape_choices, v.shape);
    if (auto f = m.get("include_own_cell")) {
        v.include_own_cell = read_bool(r, *f);
    }
}

void read_rules(const YamlReader& r, const Mapping& root, ModelConfig& model) {
    const Mapping citizen = section(r, root, "citizen");
    if (auto f = citizen.get("threshold")) {
        model.citizen.threshold = read_probability(r, *f);
    }
    model.citizen.self_count =
        choice(r, citizen.get("self_count"), self_count_choices, model.citizen.self_count);

    const Mapping arrest = section(r, root, "arrest");
    if (auto f = arrest.get("k")) {
        model.arrest.k = read_positive(r, *f);
    }
    model.arrest.ratio = choice(r, arrest.get("ratio"), arrest_ratio_choices, model.arrest.ratio);

    const Mapping jail = section(r, root, "jail");
    if (auto f = jail.get("max_term")) {
        model.jail.max_term = read_number(r, *f);
        if (!(model.jail.max_term >= 0.0)) {
            r.fail(*f, "a number >= 0 or .inf", f->node.Scalar());
        }
    }
    model.jail.draw = choice(r, jail.get("term"), jail_term_choices, model.jail.draw);
    model.jail.placement =
        choice(r, jail.get("placement"), jail_placement_choices, model.jail.placement);
    model.jail.countdown =
        choice(r, jail.get("countdown"), jail_countdown_choices, model.jail.countdown);

    const Mapping movement = section(r, root, "movement");
    if (auto f = movement.get("enabled")) {
        model.movement.enabled = read_bool(r, *f);
    }
    model.movement.order =
        choice(r, movement.get("order"), activation_order_choices, model.movement.order);

    const Mapping activation = section(r, root, "activation");
    model.activation.mode =
        choice(r, activation.get("mode"), activation_mode_choices, model.activation.mode);
    model.activation.tiling =
        choice(r, activation.get("tiling"), tiling_choices, model.activation.tiling);
}

// legitimacy: 0.82, or legitimacy: {initial: 0.9, changes: [...]}
ScheduleChanges read_legitimacy(const YamlReader& r, const Mapping& root, double& initial) {
    const std::optional<Field> f = root.get("legitimacy");
    if (!f) {
        return {};
    }
    if (f->node.IsScalar()) {
        initial = read_probability(r, *f);
        return {};
    }
    if (f->node.IsSequence() || f->node.IsNull()) {
        r.fail(*f, "a number in [0, 1] or a mapping {initial, changes}",
               f->node.IsNull() ? no_section : describe(f->node));
    }
    const Mapping m(r, *f, known_keys("legitimacy"));
    if (auto i = m.get("initial")) {
        initial = read_probability(r, *i);
    }
    const std::optional<Field> changes = m.get("changes");
    return changes ? read_schedule_changes(r, *changes) : ScheduleChanges{};
}

// The agents of one kind at tick 0 as the engine lays them out with initial_counts: exact (sim/
// engine/initial_state.cpp): the exact count, else round(density x cells). With random, the
// expected number.
std::int64_t initial_agents(const std::optional<std::int64_t>& exact, double density,
                            std::int64_t cells) {
    return exact ? *exact : std::llround(density * static_cast<double>(cells));
}

// Citizens and cops must fit on the grid, one agent per cell.
void check_population(const YamlReader& r, const Mapping& m, const ModelConfig& model) {
    const PopulationParams& p = model.population;
    const std::int64_t cells = static_cast<std::int64_t>(model.grid.width) * model.grid.height;
    if (p.initial == InitialCounts::random && (p.citizens || p.cops)) {
        const Field f = first_present(
            {p.cops ? m.get("cops") : std::nullopt, p.citizens ? m.get("citizens") : std::nullopt},
            m.field());
        r.fail(f,
               "no exact count with initial_counts: random (one draw per cell uses the "
               "densities)",
               f.node.IsScalar() ? f.node.Scalar() : describe(f.node));
    }
    if (!p.citizens && !p.cops) {
        if (p.citizen_density + p.cop_density > 1.0 + 1e-12) {
            r.fail(first_present({m.get("cop_density"), m.get("citizen_density")}, m.field()),
                   "citizen_density + cop_density <= 1",
                   fmt::format("{} + {} = {}", p.citizen_density, p.cop_density,
                               p.citizen_density + p.cop_density));
        }
        return;
    }
    const std::int64_t citizens = initial_agents(p.citizens, p.citizen_density, cells);
    const std::int64_t cops = initial_agents(p.cops, p.cop_density, cells);
    if (citizens + cops > cells) {
        r.fail(first_present({m.get("cops"), m.get("citizens")}, m.field()),
               fmt::format("at most {} agents on the {} x {} grid", cells, model.grid.width,
                           model.grid.height),
               fmt::format("{} citizens + {} cops = {}", citizens, cops, citizens + cops));
    }
}

// The cop density schedule must leave room for the citizens at every tick through `ticks`: the
// engine deploys round(density x cells) cops (sim/engine/simulation.cpp) on cells no citizen
// holds, and deploys fewer, silently, when they do not fit (cop_capacity in
// sim/engine/cop_deployment.cpp). Checked after the schedule's range.
void check_cop_room(const YamlReader& r, const ScheduleChanges& changes, const ModelConfig& model,
                    Tick ticks) {
    const PopulationParams& p = model.population;
    const std::int64_t cells = static_cast<std::int64_t>(model.grid.width) * model.grid.height;
    const std::int64_t citizens = initial_agents(p.citizens, p.citizen_density, cells);
    const std::int64_t room = cells - citizens;
    // The engine's schedule starts from the cops laid out (cop_density_schedule).
    const Schedule schedule(static_cast<double>(initial_agents(p.cops, p.cop_density, cells)) /
                                static_cast<double>(cells),
                            changes.changes);
    const auto cops_at = [&schedule, cells](Tick t) {
        return std::llround(std::clamp(schedule.at(t), 0.0, 1.0) * static_cast<double>(cells));
    };
    const auto breach =
        first_breach(changes.changes, ticks, [&](Tick t) { return cops_at(t) > room; });
    if (breach) {
        r.fail(changes.value_fields[breach->change],
               fmt::format("the cop density to leave room for the {} citizens through tick {} (at "
                           "most {} cops on {} cells)",
                           citizens, ticks, room, cells),
               fmt::format("{} at tick {} ({} cops)", schedule.at(breach->tick), breach->tick,
                           cops_at(breach->tick)));
    }
}

// Vision must not wrap around the torus onto itself: 2 reach + 1 <= min(width, height).
void check_vision(const YamlReader& r, const Field& at, const ModelConfig& model) {
    const VisionParams& v = model.vision;
    const int span = std::min(model.grid.width, model.grid.height);
    const std::string expected =
        fmt::format("a vision reach of at most {} on the {} x {} grid (2 reach + 1 <= {})",
                    (span - 1) / 2, model.grid.width, model.grid.height, span);
    // Both before building the neighbourhood, which has up to (2 reach + 1)^2 cells: a radius
    // the grid cannot hold may be billions of cells (radius 20000 on a 40000 x 40000 grid).
    // First a radius too large for an int reach, then the reach itself.
    if (std::floor(v.radius) > static_cast<double>(span)) {
        r.fail(at, expected, fmt::format("radius {}", v.radius));
    }
    const int reach = Neighbourhood::reach_of(v.radius);
    if (2 * reach + 1 > span) {
        r.fail(at, expected, fmt::format("radius {} (reach {})", v.radius, reach));
    }
    const Neighbourhood n(v.shape, v.radius, v.include_own_cell);
    if (n.size() == 0) {
        r.fail(at, "a vision of at least one cell",
               fmt::format("radius {} without the own cell", v.radius));
    }
}

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

Scenario read_scenario(const YamlReader& r, const YAML::Node& tree) {
    const Field root_field{tree, YAML::Mark::null_mark(), ""};
    const Mapping root(r, root_field, known_keys(""));
    Scenario s;

    const Field name = root.require("name");
    s.name = read_string(r, name);
    if (s.name.empty()) {
        r.fail(name, "a non-empty string", "an empty string");
    }
    if (auto f = root.get("description")) {
        s.description = read_string(r, *f);
    }
    if (auto f = root.get("source")) {
        s.source = read_string(r, *f);
    }
    if (auto f = root.get("seed")) {
        s.run.seed = read_unsigned(r, *f);
    }
    {
        // Ticks are 32 bits in the random-number counter (sim/core/rng.hpp): a longer run would
        // reuse the same random streams.
        const Field ticks = root.require("ticks");
        s.run.ticks = read_integer(r, ticks, 0);
        if (s.run.ticks > max_ticks) {
            r.fail(ticks, fmt::format("an integer in [0, {}]", max_ticks), ticks.node.Scalar());
        }
    }

    ModelConfig& model = s.model;
    const Mapping grid = section(r, root, "grid");
    read_grid(r, grid, model.grid);
    const Mapping population = section(r, root, "population");
    read_population(r, population, model.population);
    const Mapping vision = section(r, root, "vision");
    read_vision(r, vision, model.vision);
    read_rules(r, root, model);

    double legitimacy = model.legitimacy.schedule.initial();
    const ScheduleChanges legitimacy_changes = read_legitimacy(r, root, legitimacy);
    model.legitimacy.schedule = Schedule(legitimacy, legitimacy_changes.changes);

    const Mapping cops = section(r, root, "cops");
    const std::optional<Field> steps_onto = cops.get("steps_onto_arrestee");
    if (steps_onto) {
        model.cops.steps_onto_arrestee = read_bool(r, *steps_onto);
    }
    const std::optional<Field> density_list = cops.get("density_changes");
    const ScheduleChanges density_changes =
        density_list ? read_schedule_changes(r, *density_list) : ScheduleChanges{};
    model.cops.density_changes = density_changes.changes;

    const Mapping analysis = section(r, root, "analysis");
    if (auto f = analysis.get("outburst_threshold")) {
        s.analysis.outburst_threshold = read_integer(r, *f, 1);
    }

    // Checks across sections.
    check_population(r, population, model);
    check_vision(
        r, first_present({vision.get("radius"), grid.get("width"), grid.get("height")}, root_field),
        model);
    if (model.cops.steps_onto_arrestee &&
        model.jail.placement == JailPlacement::in_place_blocking) {
        r.fail(*steps_onto,
               "false with jail.placement: in_place_blocking (the arrestee's cell stays occupied)",
               "true");
    }
    check_schedule_range(r, legitimacy_changes, legitimacy, s.run.ticks, "legitimacy");
    const double cells = static_cast<double>(model.grid.width) * model.grid.height;
    const double initial_cop_density = model.population.cops
                                           ? static_cast<double>(*model.population.cops) / cells
                                           : model.population.cop_density;
    check_schedule_range(r, density_changes, initial_cop_density, s.run.ticks, "the cop density");
    check_cop_room(r, density_changes, model, s.run.ticks);
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
