// A scenario block: one top-level key of a scenario file (grid, population, ...) with, in one
// file under sim/scenario/blocks/, its reader, its printer (its part of resolved_yaml, for
// `unrest validate --print` and the manifest) and its parameter-table rows. load.cpp,
// resolved.cpp and parameter_table.cpp iterate scenario_blocks() in document order; they keep
// only the sequencing and the checks that span blocks (model_checks.hpp).
//
// A model block (`read_model` set) fills a part of ModelConfig; it is read once over the defaults
// at the top level and once more, over the scenario's model, inside each region of `regions:`
// (a region that gives `grid: {width: 80}` keeps the default height). A scenario block (`read`
// set) fills the rest of Scenario, at the top level only. A block may have both (news: the effect
// per model, the coupling between regions for the scenario).
//
// Adding a parameter: its row, its reading and its printing in the block's file, plus the rule
// that uses it.
#pragma once

#include "../parameter_table.hpp"
#include "../scenario.hpp"
#include "../schedule_reader.hpp"
#include "../yaml_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace unrest::detail {

// Where a model's keys were found (the top level, or one region), for the checks that span
// blocks: a problem is reported at the key that set the value, or at the block or region that
// holds it when the value was not given there.
struct ModelFields {
    Field container; // the root, or a region's mapping ("regions[1]")
    std::vector<std::pair<std::string, Mapping>> sections;          // by block key, as read
    std::vector<std::pair<std::string, ScheduleChanges>> schedules; // "legitimacy.changes", ...

    explicit ModelFields(Field at) : container(std::move(at)) {}
    // The block's mapping as read (empty, at the container, when the file does not give it).
    const Mapping& section(std::string_view key) const;
    // section(block).get(key) for a key the block declares.
    std::optional<Field> get(std::string_view block, std::string_view key) const;
    const ScheduleChanges& schedule(std::string_view key) const;
};

// What a reader is given: the reader, the mapping that holds the block (the root or a region's
// mapping) and where to record what it read.
struct ReadContext {
    const YamlReader& r;
    const Mapping& container;
    ModelFields& fields;
    // The scenario's calendar, read before every model block: rates given per hour or per day
    // (read_rate, calendar_block.hpp) are converted with it, once, at load.
    const Calendar* calendar = nullptr;
};

struct Block {
    // The top-level key; "" for a block of top-level scalars (the run settings).
    std::string_view key;
    // The block's parameter-table rows, in document order; keys are full paths ("grid.width").
    std::vector<ParameterDoc> (*rows)() = nullptr;
    // A model block: reads the block in ctx.container over `model` (keys not given keep their
    // value), and writes it under `parent` (the root, or a region's mapping).
    void (*read_model)(const ReadContext& ctx, ModelConfig& model) = nullptr;
    void (*print_model)(const ModelConfig& model, YAML::Node& parent) = nullptr;
    // A scenario block: reads the block at the top level into `s` (every block before it in
    // scenario_blocks() has been read), and writes it under the root.
    void (*read)(const ReadContext& ctx, Scenario& s) = nullptr;
    void (*print)(const Scenario& s, YAML::Node& root) = nullptr;
    // A key of a model block that is given at the top level only, not in a region (news.weights).
    std::string_view top_level_only = {};
};

// Every block, in document order (the order of the keys in resolved_yaml and in the parameter
// table), which is also the reading order: a block may use what the blocks before it read. The
// scenario's model is checked (model_checks.hpp) after the last model block, just before
// regions_block, which builds each region's model on it. The calendar block goes right after
// run_block (regions take its zone), the timeline block last (its events name regions).
const std::vector<Block>& scenario_blocks();

// The blocks, each defined in its own file.
const Block& run_block();          // name, description, source, seed (ticks: calendar_block)
const Block& calendar_block();     // calendar, and the run's length (ticks or calendar.end)
const Block& grid_block();         // grid
const Block& population_block();   // population
const Block& vision_block();       // vision
const Block& citizen_block();      // citizen
const Block& arrest_block();       // arrest
const Block& jail_block();         // jail
const Block& movement_block();     // movement
const Block& cops_block();         // cops
const Block& legitimacy_block();   // legitimacy (and legitimacy.feedback)
const Block& activation_block();   // activation
const Block& news_effect_block();  // news: kappa and eta per model; rows and printing of weights
const Block& hardship_block();     // hardship (price shock -> hardship)
const Block& violence_block();     // violence (threshold, crowd gate, organised group)
const Block& gathering_block();    // gathering (movement toward focal sites)
const Block& mobilisation_block(); // mobilisation (the signal beyond vision, cut by comms)
const Block& casualties_block();   // casualties (both sides)
const Block& sites_block();        // sites (positions from coordinates, values, defence)
const Block& military_block();     // military (how contingents act)
const Block& analysis_block();     // analysis
const Block& scale_block();        // scale
const Block& regions_block();      // regions
const Block& news_weights_block(); // reads news.weights (names regions: after regions_block)
const Block& timeline_block();     // timeline, with the classic schedules as events first
const Block& compare_block();      // compare: reported figures (names regions: after regions)

// --- Shared by the block files -------------------------------------------------------------

// What "found" says of a block given without a value (`grid:` or `grid: ~`): refused rather than
// read as the defaults, which it may not have been meant as.
inline constexpr const char* no_section = "nothing (leave the key out to use the defaults)";

// The mapping under `key` in ctx.container, recorded in ctx.fields; empty when the key is absent.
// Its known keys are the parameter table's for its path (a region's news has no weights).
Mapping read_section(const ReadContext& ctx, std::string_view key);

// The first of `candidates` present in the file, else `fallback`: where to report a problem
// that involves several keys.
Field first_present(std::initializer_list<std::optional<Field>> candidates, const Field& fallback);

template <class E, std::size_t N>
E choice(const YamlReader& r, const std::optional<Field>& f, const std::array<Choice<E>, N>& table,
         E fallback) {
    return f ? read_choice(r, *f, std::span<const Choice<E>>(table)) : fallback;
}

// Printing: shortest text that reads back as the same double (.inf for infinity; 0 for -0).
YAML::Node print_number(double v);
YAML::Node print_integer(std::int64_t v);
YAML::Node print_boolean(bool b);
YAML::Node print_changes(const std::vector<ScheduleChange>& list);
template <class E, std::size_t N>
YAML::Node print_choice(const std::array<Choice<E>, N>& table, E value) {
    return YAML::Node(choice_name(std::span<const Choice<E>>(table), value));
}

// Concatenates `base` with the text of `more` (row helpers: table2 + ": 40 x 40").
std::string cite(std::string_view base, std::string_view more);
inline constexpr const char* paper = "Epstein 2002, PNAS 99 (suppl. 3)";
inline constexpr const char* table2 = "Epstein 2002, Table 2";
// The type of the keys that hold a list of schedule changes (is_schedule_list).
inline constexpr std::string_view schedule_list_type = "list of changes";

template <class E, std::size_t N>
std::string one_of(const std::array<Choice<E>, N>& choices) {
    return choice_list(std::span<const Choice<E>>(choices));
}

} // namespace unrest::detail
