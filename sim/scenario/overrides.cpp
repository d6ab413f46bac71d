#include "overrides.hpp"

#include "parameter_table.hpp"
#include "yaml_prepass.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <optional>

namespace unrest::detail {

namespace {

constexpr const char* origin_file = "--set";

// Where an override comes from, for its errors: the INDEX-th --set ("--set:INDEX:COLUMN"), or a
// flag of its own ("--ticks").
struct Site {
    int index = 0;
    std::string flag;
    // A line of a file (`set:` under `base:`): errors point into it. Columns of the override text
    // before `value_offset` map to the key's column, the rest to the value's.
    std::string file;
    int key_column = 0;
    int value_column = 0;
    int value_offset = 0;
};

struct Segment {
    std::string name;
    std::optional<std::size_t> index; // name[index]
    bool region = false; // a list item named after its list: a region's name after "regions"
                         // (regions.NAME.key) or an event's id after "timeline" (timeline.ID.key)
    std::string path;    // the key path up to and including this segment
    int column = 1;      // 1-based, in the override string
};

[[noreturn]] void fail(const Site& site, int column, const std::string& path, std::string message) {
    if (!site.flag.empty()) {
        throw ScenarioError(site.flag, 0, 0, path, std::move(message));
    }
    if (!site.file.empty()) {
        const int at = column < site.value_offset ? site.key_column + column - 1
                                                  : site.value_column + column - site.value_offset;
        throw ScenarioError(site.file, site.index, at, path, std::move(message));
    }
    throw ScenarioError(origin_file, site.index, column, path, std::move(message));
}

// The keys an item of `timeline:` may have: the common ones (type, id, at, ...) and every event
// type's own (the parameter table's timeline.TYPE.KEY rows).
std::vector<std::string> timeline_item_keys() {
    std::vector<std::string> keys;
    const std::vector<std::string> common = known_keys("timeline");
    for (const std::string& k : common) {
        if (known_keys("timeline." + k).empty()) {
            keys.push_back(k); // type, id, enabled, region, at, from, to
        } else {
            for (const std::string& own : known_keys("timeline." + k)) {
                if (std::find(keys.begin(), keys.end(), own) == keys.end()) {
                    keys.push_back(own);
                }
            }
        }
    }
    return keys;
}

// Splits "a.b[2].c" into segments, checking each name against the parameter table.
std::vector<Segment> parse_path(const std::string& key, const Site& site) {
    std::vector<Segment> segments;
    std::vector<std::string> known = known_keys(""); // the keys allowed at this depth
    std::string table_path;                          // the path without indices
    std::string path;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        const std::string text =
            key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        Segment seg;
        seg.column = static_cast<int>(start) + 1;
        const std::size_t bracket = text.find('[');
        seg.name = text.substr(0, bracket);
        path += (path.empty() ? "" : ".") + seg.name;
        if (seg.name.empty()) {
            fail(site, seg.column, path, fmt::format("expected a key name, found '{}'", key));
        }
        if ((table_path == "regions" || table_path == "timeline") && segments.size() == 1) {
            // regions.NAME, timeline.ID: a region of the file by its name, an event by its id;
            // its keys next. The path is made "regions[INDEX]" ("timeline[INDEX]") by
            // resolve_named_items, as the reader writes it.
            const bool regions = table_path == "regions";
            if (bracket != std::string::npos) {
                fail(site, seg.column + static_cast<int>(bracket), path,
                     regions ? fmt::format("expected a region by its name (regions.NAME.key), "
                                           "found '{}'",
                                           text.substr(bracket))
                             : fmt::format("expected an event by its id (timeline.ID.key), "
                                           "found '{}'",
                                           text.substr(bracket)));
            }
            seg.region = true;
            seg.path = path;
            table_path = regions ? "regions[]" : "timeline[]";
            known = regions ? known_keys(table_path) : timeline_item_keys();
            segments.push_back(seg);
            if (dot == std::string::npos) {
                return segments;
            }
            start = dot + 1;
            continue;
        }
        if (std::find(known.begin(), known.end(), seg.name) == known.end()) {
            fail(site, seg.column, path, unknown_key_message(seg.name, known));
        }
        const bool in_change = table_path.empty() && !segments.empty();
        table_path =
            in_change ? std::string() : (table_path.empty() ? "" : table_path + ".") + seg.name;
        known = in_change ? std::vector<std::string>{} : known_keys(table_path);
        if (bracket != std::string::npos) {
            const int column = seg.column + static_cast<int>(bracket);
            const std::string digits = text.substr(bracket + 1, text.size() - bracket - 2);
            std::size_t index = 0;
            const auto [end, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (text.back() != ']' || digits.empty() || ec != std::errc() ||
                end != digits.data() + digits.size()) {
                fail(site, column, path,
                     fmt::format("expected an index like [0], found '{}'", text.substr(bracket)));
            }
            if (table_path == "regions") {
                fail(site, column, path,
                     fmt::format("expected a region by its name (regions.NAME.key), found '{}'",
                                 text.substr(bracket)));
            }
            if (!is_schedule_list(table_path)) {
                fail(site, column, path,
                     fmt::format("expected an index only after a list of changes, found '{}'",
                                 text.substr(bracket)));
            }
            seg.index = index;
            path += fmt::format("[{}]", index);
            table_path.clear(); // inside a change: its keys come next
            known = schedule_change_keys();
        }
        seg.path = path;
        segments.push_back(seg);
        if (dot == std::string::npos) {
            return segments;
        }
        start = dot + 1;
    }
}

// Gives the region named in `segments` (regions.NAME...), or the event with the id
// (timeline.ID...), its index in the file: its path and the paths after it become
// "regions[INDEX]..." ("timeline[INDEX]..."). An error when the file has no such item.
void resolve_named_items(const YAML::Node& root, std::vector<Segment>& segments, const Site& site) {
    if (segments.size() < 2 || !segments[1].region) {
        return;
    }
    const Segment& seg = segments[1];
    const bool regions = segments[0].name == "regions";
    const char* name_key = regions ? "name" : "id";
    const YAML::Node list = root.IsMap() ? root[segments[0].name] : YAML::Node();
    std::vector<std::string> names;
    if (list.IsDefined() && list.IsSequence()) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const YAML::Node name = list[i].IsMap() ? list[i][name_key] : YAML::Node();
            names.push_back(name.IsDefined() && name.IsScalar() ? name.Scalar() : std::string());
        }
    }
    const auto found = std::find(names.begin(), names.end(), seg.name);
    if (found == names.end()) {
        std::string known;
        for (const std::string& n : names) {
            if (!n.empty()) {
                known += (known.empty() ? "" : ", ") + n;
            }
        }
        const char* what = regions ? "the name of a region" : "the id of a timeline event";
        fail(site, seg.column, seg.path,
             known.empty()
                 ? fmt::format("expected {} of the file, found '{}' (the file has no {})", what,
                               seg.name, regions ? "regions: list" : "timeline event with an id")
                 : fmt::format("expected {} of the file ({}), found '{}'", what, known, seg.name));
    }
    const std::string named = seg.path;
    const std::string indexed = fmt::format("{}[{}]", segments[0].name, found - names.begin());
    for (std::size_t s = 1; s < segments.size(); ++s) {
        segments[s].path = indexed + segments[s].path.substr(named.size());
    }
    segments[1].index = static_cast<std::size_t>(found - names.begin());
}

// The mapping or list element at `seg` under `parent`, made ready to hold more keys.
YAML::Node descend(YAML::Node& parent, const Segment& seg, bool last, const Site& site) {
    const YAML::Node& view = parent;
    YAML::Node child = view[seg.name];
    if (seg.index) {
        if (!child.IsDefined() || !child.IsSequence() || *seg.index >= child.size()) {
            const std::size_t size = child.IsDefined() && child.IsSequence() ? child.size() : 0;
            fail(site, seg.column, seg.path,
                 fmt::format("expected an index below {} (the changes given), found {}", size,
                             *seg.index));
        }
        const YAML::Node& list = child;
        return list[*seg.index];
    }
    if (last) {
        return child;
    }
    if (!child.IsDefined() || child.IsNull()) {
        parent[seg.name] = YAML::Node(YAML::NodeType::Map);
    } else if (child.IsScalar() && seg.path == "legitimacy") {
        // legitimacy: 0.82 is shorthand for legitimacy: {initial: 0.82}
        YAML::Node expanded(YAML::NodeType::Map);
        expanded["initial"] = YAML::Clone(child);
        parent[seg.name] = expanded;
    } else if (!child.IsMap()) {
        fail(site, seg.column, seg.path,
             fmt::format("expected a mapping to set keys in, found {} in the file",
                         describe(child)));
    }
    return view[seg.name];
}

// The 0-based offset in `text` of 1-based LINE:COLUMN (0 when there is no line).
int offset_in(const std::string& text, int line, int column) {
    std::size_t at = 0;
    for (int l = 1; l < line && at < text.size(); ++l) {
        at = std::min(text.find('\n', at), text.size() - 1) + 1;
    }
    return line > 0 ? static_cast<int>(at) + std::max(column, 1) - 1 : 0;
}

// Applies "key.path=value" (from `site`) to `root`; false when `root` is not a mapping (the
// loader reports the file's own problem).
bool apply_override(YAML::Node& root, const std::string& text, const Site& site,
                    std::vector<OverrideOrigin>& origins) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        fail(site, 1, "", fmt::format("expected key.path=value, found '{}'", text));
    }
    const std::string key = text.substr(0, eq);
    const int value_column = static_cast<int>(eq) + 2;
    std::vector<Segment> path = parse_path(key, site);

    YAML::Node value;
    const std::string value_text = text.substr(eq + 1);
    try {
        // A file's limits hold for a value too: one document (the rest would be dropped
        // silently), bounded nesting and aliases. No keys are checked here: the loader does.
        prepass_yaml(value_text, origin_file, [](const std::string&) { return KeyCheck{}; });
        value = YAML::Load(value_text);
    } catch (const ScenarioError& e) {
        fail(site, value_column + offset_in(value_text, e.line(), e.column()), key, e.message());
    } catch (const YAML::Exception& e) {
        fail(site, value_column + std::max(e.mark.column, 0), key,
             fmt::format("expected a valid YAML value, found {}", e.msg));
    }

    if (!root.IsDefined() || root.IsNull()) {
        root = YAML::Node(YAML::NodeType::Map);
    }
    if (!root.IsMap()) {
        return false;
    }
    resolve_named_items(root, path, site);
    YAML::Node cur = root;
    for (std::size_t s = 0; s + 1 < path.size(); ++s) {
        if (path[s + 1].region) {
            const YAML::Node& view = cur;
            cur.reset(view[path[s].name]); // the named list, checked by resolve_named_items
        } else if (path[s].region) {
            const YAML::Node& list = cur;
            cur.reset(list[*path[s].index]);
        } else {
            cur.reset(descend(cur, path[s], false, site));
        }
    }
    const Segment& last = path.back();
    if (last.region) {
        const YAML::Node& list = cur;
        YAML::Node element = list[*last.index];
        element = value;
    } else if (last.index) {
        YAML::Node element = descend(cur, last, true, site);
        element = value;
    } else {
        cur[last.name] = value;
    }
    if (!site.file.empty()) {
        origins.push_back({path.back().path, site.index, site.value_column, "", site.file});
    } else {
        origins.push_back({path.back().path, site.index, value_column, site.flag, ""});
    }
    return true;
}

} // namespace

std::vector<OverrideOrigin> apply_file_overrides(YAML::Node& root,
                                                 const std::vector<FileOverride>& overrides) {
    std::vector<OverrideOrigin> origins;
    for (const FileOverride& o : overrides) {
        Site site;
        site.index = o.line;
        site.file = o.file;
        site.key_column = o.key_column;
        site.value_column = o.value_column;
        site.value_offset = static_cast<int>(o.key.size()) + 2;
        if (!apply_override(root, o.key + "=" + o.value, site, origins)) {
            return origins;
        }
    }
    return origins;
}

std::vector<OverrideOrigin> apply_overrides(YAML::Node& root,
                                            const std::vector<std::string>& overrides,
                                            const std::vector<FlagOverride>& flags) {
    std::vector<OverrideOrigin> origins;
    for (std::size_t i = 0; i < overrides.size(); ++i) {
        if (!apply_override(root, overrides[i], Site{static_cast<int>(i) + 1, {}, {}, 0, 0, 0},
                            origins)) {
            return origins;
        }
    }
    for (const FlagOverride& f : flags) {
        if (!apply_override(root, f.key + "=" + f.value, Site{0, f.flag, {}, 0, 0, 0}, origins)) {
            return origins;
        }
    }
    return origins;
}

} // namespace unrest::detail
