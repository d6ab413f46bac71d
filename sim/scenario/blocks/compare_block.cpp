// compare: the reported figures a run is compared with (docs/reported_figures.md). The file is
// loaded and validated with the scenario (its problems are reported in it, FILE:LINE:COLUMN); the
// run writes comparison.csv and `unrest run` prints the figures of `show`. Read after the regions
// and the timeline: `regions` names the run's regions.
#include "../reported_figures.hpp"
#include "block.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace unrest::detail {

namespace {

constexpr const char* docs = "docs/reported_figures.md";

std::vector<ParameterDoc> rows() {
    return {
        {"compare.reported", "path (relative to the scenario file)", "", "",
         "a reported-figures file (top-level `reported:`), loaded and checked with the scenario; "
         "the run writes comparison.csv",
         docs, false},
        {"compare.show",
         "list of ids of that file (default: every simulated figure within the "
         "run's dates)",
         "", "", "the figures `unrest run` prints after the run, with the simulated value", docs,
         false},
        {"compare.regions", "mapping: reported region -> a region's name or a list of them", "", "",
         "the run's regions a reported region stands for (default: the region of the same name, "
         "letter case aside; national: every region)",
         docs, false},
    };
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::filesystem::path resolve(const std::string& scenario_file, const std::string& given) {
    const std::filesystem::path p(given);
    if (p.is_absolute()) {
        return p;
    }
    return std::filesystem::path(scenario_file).parent_path() / p;
}

std::string region_name(const YamlReader& r, const Field& f, const Scenario& s) {
    const std::string name = read_string(r, f);
    std::vector<std::string> names;
    for (const RegionSpec& region : s.regions) {
        if (region.name == name) {
            return name;
        }
        names.push_back(region.name);
    }
    if (const auto match = closest_match(name, names)) {
        r.fail(f, "a region of the scenario",
               fmt::format("'{}' (did you mean '{}'?)", name, *match));
    }
    r.fail(f, fmt::format("a region of the scenario ({})", fmt::join(names, ", ")),
           describe(f.node));
}

void read_regions(const YamlReader& r, const Field& f, const Scenario& s, CompareSettings& c) {
    if (!f.node.IsMap()) {
        r.fail(f, "a mapping of reported regions to the run's regions", describe(f.node));
    }
    for (const auto& entry : f.node) {
        const YAML::Node key = entry.first;
        if (!key.IsScalar() || key.Scalar().empty()) {
            r.fail(Field{key, key.Mark(), f.path}, "a reported region's name", describe(key));
        }
        const Field value = f.child(entry.second, key.Mark(), key.Scalar());
        for (const auto& [seen, unused] : c.regions) {
            if (seen == lower(key.Scalar())) {
                r.fail_message(key.Mark(), value.path,
                               fmt::format("expected each reported region once, found '{}' again",
                                           key.Scalar()));
            }
        }
        std::vector<std::string> targets;
        if (value.node.IsSequence()) {
            if (value.node.size() == 0) {
                r.fail(value, "a region's name or a non-empty list of them", "an empty list");
            }
            for (std::size_t i = 0; i < value.node.size(); ++i) {
                targets.push_back(region_name(r, value.item(value.node[i], i), s));
            }
        } else {
            targets.push_back(region_name(r, value, s));
        }
        c.regions.emplace_back(lower(key.Scalar()), std::move(targets));
    }
}

void read(const ReadContext& ctx, Scenario& s) {
    const bool given = ctx.container.get("compare").has_value();
    const Mapping m = read_section(ctx, "compare");
    if (!given) {
        return;
    }
    const YamlReader& r = ctx.r;
    auto c = std::make_shared<CompareSettings>();
    const Field reported = m.require("reported");
    c->reported = read_string(r, reported);
    if (!s.calendar.enabled) {
        r.fail(m.field(), "a scenario with a calendar (reported figures are dated)",
               "compare: without calendar:");
    }
    c->reported_path = resolve(r.file(), c->reported).string();
    if (const std::string problem = unreadable_file_problem(c->reported_path); !problem.empty()) {
        r.fail(reported, fmt::format("a readable reported-figures file ({})", c->reported_path),
               problem);
    }
    c->figures =
        std::make_shared<const ReportedFigures>(load_reported_figures_file(c->reported_path));
    if (auto f = m.get("show")) {
        if (!f->node.IsSequence()) {
            r.fail(*f, "a list of ids of the reported figures", describe(f->node));
        }
        std::vector<std::string> ids;
        for (const ReportedFigure& fig : c->figures->figures) {
            ids.push_back(fig.id);
        }
        for (std::size_t i = 0; i < f->node.size(); ++i) {
            const Field item = f->item(f->node[i], i);
            const std::string id = read_string(r, item);
            if (c->figures->find(id) == nullptr) {
                const auto match = closest_match(id, ids);
                r.fail(item, fmt::format("the id of a figure of {}", c->reported_path),
                       match ? fmt::format("'{}' (did you mean '{}'?)", id, *match)
                             : describe(item.node));
            }
            c->show.push_back(id);
        }
        c->show_given = true;
    }
    if (auto f = m.get("regions")) {
        read_regions(r, *f, s, *c);
    }
    s.compare = std::move(c);
}

void print(const Scenario& s, YAML::Node& root) {
    if (!s.compare) {
        return;
    }
    YAML::Node out(YAML::NodeType::Map);
    // The resolved path (absolute): the printed scenario may be read from anywhere.
    std::error_code ec;
    const std::filesystem::path absolute =
        std::filesystem::absolute(s.compare->reported_path, ec).lexically_normal();
    out["reported"] = ec ? s.compare->reported_path : absolute.string();
    if (s.compare->show_given) {
        YAML::Node show(YAML::NodeType::Sequence);
        for (const std::string& id : s.compare->show) {
            show.push_back(id);
        }
        out["show"] = show;
    }
    if (!s.compare->regions.empty()) {
        YAML::Node regions(YAML::NodeType::Map);
        for (const auto& [reported, targets] : s.compare->regions) {
            YAML::Node list(YAML::NodeType::Sequence);
            list.SetStyle(YAML::EmitterStyle::Flow);
            for (const std::string& t : targets) {
                list.push_back(t);
            }
            regions[reported] = list;
        }
        out["regions"] = regions;
    }
    root["compare"] = out;
}

} // namespace

const Block& compare_block() {
    static const Block block{"compare", rows, nullptr, nullptr, read, print};
    return block;
}

} // namespace unrest::detail
