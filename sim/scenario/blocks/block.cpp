// The list of blocks and what the block files share.
#include "block.hpp"

#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

namespace unrest::detail {

const std::vector<Block>& scenario_blocks() {
    static const std::vector<Block> blocks{
        run_block(),          calendar_block(),   grid_block(),       population_block(),
        vision_block(),       citizen_block(),    arrest_block(),     jail_block(),
        movement_block(),     cops_block(),       legitimacy_block(), activation_block(),
        news_effect_block(),  hardship_block(),   violence_block(),   gathering_block(),
        mobilisation_block(), casualties_block(), sites_block(),      military_block(),
        analysis_block(),     scale_block(),      regions_block(),    news_weights_block(),
        timeline_block(),     compare_block(),
    };
    return blocks;
}

const Mapping& ModelFields::section(std::string_view key) const {
    for (const auto& [name, mapping] : sections) {
        if (name == key) {
            return mapping;
        }
    }
    throw std::logic_error(fmt::format("scenario block '{}' was not read", key));
}

std::optional<Field> ModelFields::get(std::string_view block, std::string_view key) const {
    return section(block).get(key);
}

const ScheduleChanges& ModelFields::schedule(std::string_view key) const {
    for (const auto& [name, changes] : schedules) {
        if (name == key) {
            return changes;
        }
    }
    throw std::logic_error(fmt::format("schedule '{}' was not read", key));
}

Mapping read_section(const ReadContext& ctx, std::string_view key) {
    const std::optional<Field> f = ctx.container.get(key);
    if (f && f->node.IsNull()) {
        ctx.r.fail(*f, "a mapping", no_section);
    }
    // An absent block is reported at its container: the file's start for the top level (or the
    // override that created it), the region's mapping in a region.
    const Field& container = ctx.container.field();
    const YAML::Mark at = container.path.empty() ? YAML::Mark::null_mark() : container.mark();
    Field field = f ? *f : container.child(YAML::Node(), at, key);
    Mapping m(ctx.r, field, known_keys(field.path));
    ctx.fields.sections.emplace_back(std::string(key), m);
    return m;
}

Field first_present(std::initializer_list<std::optional<Field>> candidates, const Field& fallback) {
    for (const std::optional<Field>& f : candidates) {
        if (f) {
            return *f;
        }
    }
    return fallback;
}

YAML::Node print_number(double v) {
    if (std::isinf(v)) {
        return YAML::Node(v > 0 ? ".inf" : "-.inf");
    }
    return YAML::Node(fmt::format("{}", v + 0.0));
}

YAML::Node print_integer(std::int64_t v) {
    return YAML::Node(fmt::format("{}", v));
}

YAML::Node print_boolean(bool b) {
    return YAML::Node(b ? "true" : "false");
}

YAML::Node print_changes(const std::vector<ScheduleChange>& list) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const ScheduleChange& c : list) {
        YAML::Node m(YAML::NodeType::Map);
        m.SetStyle(YAML::EmitterStyle::Flow);
        switch (c.kind) {
        case ScheduleChange::Kind::set:
            m["at"] = print_integer(c.from);
            m["set"] = print_number(c.value);
            break;
        case ScheduleChange::Kind::ramp:
            m["from"] = print_integer(c.from);
            m["to"] = print_integer(c.to);
            m["ramp_to"] = print_number(c.value);
            break;
        case ScheduleChange::Kind::add_per_tick:
        case ScheduleChange::Kind::multiply_per_tick:
            m["from"] = print_integer(c.from);
            if (c.to != forever) {
                m["to"] = print_integer(c.to);
            }
            m[c.kind == ScheduleChange::Kind::add_per_tick ? "add_per_tick" : "multiply_per_tick"] =
                print_number(c.value);
            break;
        }
        out.push_back(m);
    }
    return out;
}

std::string cite(std::string_view base, std::string_view more) {
    return fmt::format("{}{}", base, more);
}

} // namespace unrest::detail
