// regions: several cities, each with its own grid, population and parameters (MODEL.md §3.9).
//   regions:
//     - name: Zhanaozen
//       time_zone: "+05:00"            # optional: the calendar's zone
//       grid: {width: 80}              # any model block: applied over the scenario's model
//     - {name: Almaty, population: {citizen_density: 0.8}}
// Each region's model is the scenario's (the top-level blocks) with the region's keys applied on
// top by the same block readers: a key not given keeps the scenario's value. The model checks are
// made for each region; their problems point at the region's keys ("regions[1].grid.width").
// Without `regions:`, one region named "main" with the scenario's model and zone.
#include "../model_checks.hpp"
#include "block.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace unrest::detail {

namespace {

constexpr const char* main_region = "main";
// Far above any study (Kazakhstan has 17 regions), and low enough that news.weights, regions x
// regions, stays small (8 MB).
constexpr std::size_t max_regions = 1000;

std::vector<ParameterDoc> rows() {
    return {
        {"regions", "list of regions {name, time_zone, model blocks}", "", "",
         "the regions (cities), each with its own grid and agents; without it one region named "
         "main with the scenario's model",
         "MODEL.md §3.9", false},
        {"regions[].name", "string of letters, digits, _ and -; unique; required in each region",
         "", "",
         "the region's name: in outputs, in news.weights and in --set regions.NAME.KEY=VALUE", "",
         false},
        {"regions[].time_zone", "UTC offset: +06:00, -03:30, +05, UTC or Z", "", "",
         "the region's zone for its local days; default: the calendar's", "", false},
        {"regions[].BLOCK",
         "grid, population, vision, citizen, arrest, jail, movement, cops, legitimacy, "
         "activation or news (without weights)",
         "", "",
         "the scenario's block with the keys given here applied over it (a key left out keeps the "
         "scenario's value; a list such as legitimacy.changes is replaced whole)",
         "", false},
    };
}

bool valid_name(const std::string& name) {
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

void read_model_blocks(const ReadContext& ctx, ModelConfig& model) {
    for (const Block& b : scenario_blocks()) {
        if (b.read_model) {
            b.read_model(ctx, model);
        }
    }
}

// The names read so far, with the line each was given on.
using NamesSeen = std::unordered_map<std::string, int>;

RegionSpec read_region(const YamlReader& r, const Field& item, const Scenario& s,
                       NamesSeen& before) {
    const Mapping m(r, item, known_keys(item.path));
    RegionSpec region;
    const Field name = m.require("name");
    region.name = read_string(r, name);
    if (region.name.empty()) {
        r.fail(name, "a non-empty name of letters, digits, '_' and '-'", "an empty string");
    }
    if (!valid_name(region.name)) {
        r.fail(name, "a name of letters, digits, '_' and '-'", describe(name.node));
    }
    if (const auto seen = before.find(region.name); seen != before.end()) {
        r.fail(name, "a name no other region has",
               fmt::format("'{}' again (first on line {})", region.name, seen->second));
    }
    before.emplace(region.name, name.mark().line + 1);
    region.utc_offset_minutes = s.calendar.utc_offset_minutes;
    if (auto f = m.get("time_zone")) {
        const std::optional<std::int32_t> zone = parse_utc_offset(read_string(r, *f));
        if (!zone) {
            r.fail(*f, "a UTC offset such as +06:00, -03:30, +05 or UTC", describe(f->node));
        }
        region.utc_offset_minutes = *zone;
    }
    region.model = s.model;
    ModelFields fields(item);
    read_model_blocks(ReadContext{r, m, fields, &s.calendar}, region.model);
    check_model(r, fields, region.model, s.run.ticks);
    return region;
}

void read(const ReadContext& ctx, Scenario& s) {
    const YamlReader& r = ctx.r;
    const std::optional<Field> f = ctx.container.get("regions");
    s.regions.clear();
    if (!f) {
        s.regions.push_back({main_region, s.calendar.utc_offset_minutes, s.model});
        return;
    }
    if (!f->node.IsSequence()) {
        r.fail(*f, "a list of regions",
               f->node.IsNull() ? "nothing (leave the key out for one region)" : describe(f->node));
    }
    if (f->node.size() == 0) {
        r.fail(*f, "a list of at least one region", "an empty list");
    }
    if (f->node.size() > max_regions) {
        r.fail(*f, fmt::format("at most {} regions", max_regions),
               fmt::format("{}", f->node.size()));
    }
    NamesSeen names;
    for (std::size_t i = 0; i < f->node.size(); ++i) {
        const YAML::Node& list = f->node;
        s.regions.push_back(read_region(r, f->item(list[i], i), s, names));
    }
}

std::string emitted(const YAML::Node& node) {
    YAML::Emitter e;
    e << node;
    return e.c_str();
}

// The model's blocks as printed, top-level key -> block.
YAML::Node printed_model(const ModelConfig& model) {
    YAML::Node out(YAML::NodeType::Map);
    for (const Block& b : scenario_blocks()) {
        if (b.print_model) {
            b.print_model(model, out);
        }
    }
    return out;
}

// The keys of `model`'s blocks that print differently from `defaults`'s, under `region`.
void print_differences(const YAML::Node& defaults, const YAML::Node& mine, YAML::Node& region) {
    for (const auto& block : mine) {
        const std::string key = block.first.Scalar();
        const YAML::Node base = defaults[key];
        for (const auto& entry : block.second) {
            const std::string sub = entry.first.Scalar();
            if (emitted(entry.second) != emitted(base[sub])) {
                region[key][sub] = entry.second;
            }
        }
    }
}

void print(const Scenario& s, YAML::Node& out) {
    const YAML::Node defaults = printed_model(s.model);
    YAML::Node list(YAML::NodeType::Sequence);
    bool only_main = s.regions.size() <= 1;
    for (const RegionSpec& region : s.regions) {
        YAML::Node node(YAML::NodeType::Map);
        node["name"] = region.name;
        if (region.utc_offset_minutes != s.calendar.utc_offset_minutes) {
            node["time_zone"] = format_utc_offset(region.utc_offset_minutes);
        }
        print_differences(defaults, printed_model(region.model), node);
        only_main = only_main && region.name == main_region && node.size() == 1;
        list.push_back(node);
    }
    // The one region a scenario without `regions:` has is left implicit.
    if (!only_main) {
        out["regions"] = list;
    }
}

} // namespace

const Block& regions_block() {
    static const Block block{"regions", rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
