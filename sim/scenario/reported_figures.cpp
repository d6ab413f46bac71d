// Reported-figures file -> ReportedFigures: the YAML pre-pass and reader of the scenario layer (the
// same FILE:LINE:COLUMN messages, the same unknown-key suggestions), then the checks that span
// keys (one date form, a kind the quantity allows, a value that agrees with the words) and those
// that span entries (unique ids, conflicts_with naming other entries).
#include "reported_figures.hpp"

#include "../core/calendar.hpp"
#include "input_text.hpp"
#include "load.hpp"
#include "yaml_input.hpp"
#include "yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace unrest {

namespace {

using namespace detail;

// name, unit, description, how simulated ("" = not simulated), flow, total, level, money.
constexpr std::array quantities{
    QuantitySpec{"arrests", "persons", "persons arrested (the source says arrested)",
                 "arrests summed over the ticks; cumulative: detained", true, true, false, false},
    QuantitySpec{"detained", "persons", "persons detained (the source says detained)",
                 "arrests summed over the ticks; cumulative: detained", true, true, false, false},
    QuantitySpec{
        "police_dead", "persons", "law-enforcement officers (police, National Guard) killed",
        "police_killed summed over the ticks; cumulative: police_dead", true, true, false, false},
    QuantitySpec{"police_injured", "persons", "law-enforcement officers injured",
                 "police_wounded summed over the ticks (cumulative: since the start)", true, false,
                 false, false},
    QuantitySpec{"protesters_killed", "persons",
                 "protesters (\"terrorists\", attackers) killed by the forces",
                 "protesters_killed summed over the ticks", true, false, false, false},
    QuantitySpec{"citizens_killed", "persons", "citizens killed, protesters and bystanders",
                 "protesters_killed + bystanders_killed summed over the ticks; cumulative: dead",
                 true, true, false, false},
    QuantitySpec{"citizens_injured", "persons", "civilians injured",
                 "citizens_wounded summed over the ticks", true, false, false, false},
    QuantitySpec{"people_injured", "persons", "everyone injured: civilians and forces",
                 "citizens_wounded + police_wounded + military_wounded summed over the ticks", true,
                 false, false, false},
    QuantitySpec{"damage_usd", "usd", "damage to businesses and buildings",
                 "damage_usd summed over the ticks; cumulative: damage_usd_total", true, true,
                 false, true},
    QuantitySpec{"sites_attacked", "sites", "sites (buildings) attacked",
                 "sites_attacked (a running total; over a day or span: its increase)", false, true,
                 false, false},
    QuantitySpec{"sites_seized", "sites", "sites seized or burned",
                 "sites_seized (a running total; over a day or span: its increase)", false, true,
                 false, false},
    QuantitySpec{"sites_burned", "sites", "sites burned",
                 "sites_burned (a running total; over a day or span: its increase)", false, true,
                 false, false},
    QuantitySpec{"crowd", "persons", "people protesting at once (a crowd's size)",
                 "active + violent, the largest over the ticks", false, false, true, false},
    QuantitySpec{"armed_protesters", "persons", "protesters carrying firearms at once",
                 "armed, the largest over the ticks", false, false, true, false},
    QuantitySpec{"hospitalised", "persons", "injured persons in hospital", "", true, false, false,
                 false},
    QuantitySpec{"intensive_care", "persons", "injured persons in intensive care", "", true, false,
                 false, false},
    QuantitySpec{"site_intruders", "persons", "people inside one building at once", "", false,
                 false, true, false},
    QuantitySpec{"vehicles_burned", "vehicles", "cars and buses burned", "", true, false, false,
                 false},
    QuantitySpec{"vehicles_damaged", "vehicles", "vehicles (of the forces) damaged", "", true,
                 false, false, false},
    QuantitySpec{"businesses_damaged", "businesses", "businesses that reported damage", "", true,
                 false, false, false},
    QuantitySpec{"shops_wrecked", "premises", "shops wrecked or looted", "", true, false, false,
                 false},
    QuantitySpec{"eateries_wrecked", "premises", "cafes and restaurants wrecked", "", true, false,
                 false, false},
    QuantitySpec{"offices_wrecked", "premises", "offices wrecked", "", true, false, false, false},
};

constexpr std::array<std::pair<std::string_view, FigureKind>, 5> kinds{{
    {"daily", FigureKind::daily},
    {"cumulative", FigureKind::cumulative},
    {"peak", FigureKind::peak},
    {"span", FigureKind::span},
    {"event", FigureKind::event},
}};

const std::vector<std::string>& root_keys() {
    static const std::vector<std::string> keys{"title", "notes", "exchange_rates", "reported"};
    return keys;
}

const std::vector<std::string>& entry_keys() {
    static const std::vector<std::string> keys{
        "id",    "quantity", "region",    "place", "date", "span",   "kind", "value",
        "range", "at_least", "more_than", "words", "unit", "source", "note", "conflicts_with"};
    return keys;
}

const std::vector<std::string>& span_keys() {
    static const std::vector<std::string> keys{"from", "to"};
    return keys;
}

const std::vector<std::string>& range_keys() {
    static const std::vector<std::string> keys{"min", "max"};
    return keys;
}

// "reported[12]" -> true (with the rest after the bracket in `rest`).
bool entry_path(std::string_view path, std::string_view& rest) {
    constexpr std::string_view prefix = "reported[";
    if (!path.starts_with(prefix)) {
        return false;
    }
    const std::size_t close = path.find(']');
    if (close == std::string_view::npos || close == prefix.size()) {
        return false;
    }
    for (std::size_t i = prefix.size(); i < close; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(path[i]))) {
            return false;
        }
    }
    rest = path.substr(close + 1);
    return true;
}

KeyCheck reported_key_check(const std::string& path) {
    if (path.empty()) {
        return one_of_keys(root_keys());
    }
    std::string_view rest;
    if (entry_path(path, rest)) {
        if (rest.empty()) {
            return one_of_keys(entry_keys());
        }
        if (rest == ".span") {
            return one_of_keys(span_keys());
        }
        if (rest == ".range") {
            return one_of_keys(range_keys());
        }
    }
    return {};
}

std::vector<std::string> quantity_names() {
    std::vector<std::string> names;
    for (const QuantitySpec& q : quantities) {
        names.emplace_back(q.name);
    }
    return names;
}

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (const auto& [name, kind] : kinds) {
        names.emplace_back(name);
    }
    return names;
}

std::string text_of(const YamlReader& r, const Field& f, bool allow_empty) {
    const std::string s = read_string(r, f);
    if (!allow_empty && s.find_first_not_of(" \t") == std::string::npos) {
        r.fail(f, "a non-empty text", describe(f.node));
    }
    return s;
}

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

constexpr const char* date_form = "a local date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM";

FigureDate read_date(const YamlReader& r, const Field& f) {
    if (!f.node.IsScalar()) {
        r.fail(f, date_form, describe(f.node));
    }
    const std::string& text = f.node.Scalar();
    const std::optional<std::int64_t> local = parse_wall_clock(text);
    if (!local) {
        r.fail(f, date_form, describe(f.node));
    }
    FigureDate d;
    d.day = *local >= 0 ? *local / 86400 : -((-*local + 86399) / 86400);
    d.text = text;
    if (text.find('T') != std::string::npos) {
        d.time = static_cast<std::int32_t>(*local - d.day * 86400);
    }
    return d;
}

// The instant a date stands for as the start (its midnight, or its time) or the end (the next
// midnight, or its time) of a window, in local seconds.
std::int64_t start_of(const FigureDate& d) {
    return d.day * 86400 + d.time.value_or(0);
}
std::int64_t end_of(const FigureDate& d) {
    return d.day * 86400 + d.time.value_or(86400);
}

double read_amount(const YamlReader& r, const Field& f) {
    const double v = read_number(r, f);
    if (!(v >= 0.0) || !std::isfinite(v)) {
        r.fail(f, "a finite number >= 0", describe(f.node));
    }
    return v;
}

std::string trimmed_lower(std::string_view s) {
    const std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
        return {};
    }
    const std::size_t e = s.find_last_not_of(" \t");
    std::string out(s.substr(b, e - b + 1));
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// "2,000" or "2000" or "1.5": the number; none otherwise.
std::optional<double> words_number(std::string_view s) {
    std::string digits;
    bool any = false;
    for (const char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            any = true;
        } else if (c == '.' && any) {
            digits += c;
        } else if (c != ',' || !any) {
            return std::nullopt;
        }
    }
    if (!any) {
        return std::nullopt;
    }
    try {
        return std::stod(digits);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string format_amount(double v) {
    return fmt::format("{}", v + 0.0);
}

// The reported value as text, for the comparison's "reported" column.
std::string range_text(const FigureRange& range) {
    if (std::isinf(range.max)) {
        return fmt::format("{}{}", range.min_exclusive ? ">" : ">=", format_amount(range.min));
    }
    if (range.min == range.max) {
        return format_amount(range.min);
    }
    return fmt::format("{}-{}", format_amount(range.min), format_amount(range.max));
}

bool same(double a, double b) {
    return a == b || std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

bool same_range(const FigureRange& a, const FigureRange& b) {
    return same(a.min, b.min) && same(a.max, b.max) && a.min_exclusive == b.min_exclusive;
}

FigureRange value_range(const YamlReader& r, const Mapping& m, const Field& entry,
                        const std::string& words) {
    std::vector<Field> given;
    for (const char* key : {"value", "range", "at_least", "more_than"}) {
        if (auto f = m.get(key)) {
            given.push_back(*f);
        }
    }
    const std::optional<FigureRange> from_words = range_of_words(words);
    if (given.size() > 1) {
        r.fail_message(given[1].key_mark, given[1].path,
                       "expected one of value, range, at_least and more_than, found a second");
    }
    if (given.empty()) {
        if (!from_words) {
            const std::optional<Field> w = m.get("words");
            r.fail_message(w ? w->mark() : entry.mark(), entry.path,
                           "expected value, range, at_least or more_than (or words of the "
                           "convention: dozens, hundreds, thousands, about N, more than N, at "
                           "least N), found none");
        }
        return *from_words;
    }
    const Field& f = given.front();
    const std::string key = f.path.substr(f.path.rfind('.') + 1);
    FigureRange range;
    if (key == "value") {
        range.min = range.max = read_amount(r, f);
    } else if (key == "at_least") {
        range.min = read_amount(r, f);
    } else if (key == "more_than") {
        range.min = read_amount(r, f);
        range.min_exclusive = true;
    } else {
        const Mapping rm(r, f, range_keys());
        if (!f.node.IsMap()) {
            r.fail(f, "a mapping {min, max}", describe(f.node));
        }
        const Field min = rm.require("min");
        const Field max = rm.require("max");
        range.min = read_amount(r, min);
        range.max = read_amount(r, max);
        if (range.max < range.min) {
            r.fail(max, fmt::format("a max >= min ({})", format_amount(range.min)),
                   describe(max.node));
        }
    }
    if (from_words && !same_range(*from_words, range)) {
        r.fail(f,
               fmt::format("the range the words '{}' give by the convention ({}), or words that "
                           "are not of the convention",
                           printable(words), range_text(*from_words)),
               range_text(range));
    }
    return range;
}

void read_dates(const YamlReader& r, const Mapping& m, const Field& entry, ReportedFigure& fig,
                const Field& kind_field) {
    const std::optional<Field> date = m.get("date");
    const std::optional<Field> span = m.get("span");
    if (date && span) {
        r.fail_message(span->key_mark, span->path, "expected date or span, found both");
    }
    if (!date && !span) {
        r.fail_message(entry.mark(), entry.path,
                       "expected a value for required key 'date' (or 'span'), found none");
    }
    if (date) {
        fig.date = read_date(r, *date);
        if (fig.date->time && (fig.kind == FigureKind::peak || fig.kind == FigureKind::span ||
                               fig.kind == FigureKind::event)) {
            r.fail(*date,
                   fmt::format("a date without a time for kind {} (a window of hours is a span: "
                               "{{from, to}})",
                               figure_kind_name(fig.kind)),
                   describe(date->node));
        }
        return;
    }
    if (fig.kind == FigureKind::daily || fig.kind == FigureKind::cumulative) {
        r.fail(kind_field,
               "peak, span or event for a figure with a span (daily and cumulative "
               "figures take a date)",
               describe(kind_field.node));
    }
    if (!span->node.IsMap()) {
        r.fail(*span, "a mapping {from, to}", describe(span->node));
    }
    const Mapping sm(r, *span, span_keys());
    const Field from = sm.require("from");
    const Field to = sm.require("to");
    fig.from = read_date(r, from);
    fig.to = read_date(r, to);
    if (end_of(*fig.to) <= start_of(*fig.from)) {
        r.fail(to, fmt::format("a date or time after from ({})", fig.from->text),
               describe(to.node));
    }
}

ReportedFigure read_entry(const YamlReader& r, const Field& item,
                          const std::vector<std::pair<std::string, double>>& rates) {
    if (!item.node.IsMap()) {
        r.fail(item, "a mapping (one reported figure)", describe(item.node));
    }
    const Mapping m(r, item, entry_keys());
    ReportedFigure fig;
    fig.line = item.mark().line + 1;
    const Field id = m.require("id");
    fig.id = read_string(r, id);
    if (!valid_id(fig.id)) {
        r.fail(id, "an id of letters, digits, _, - and .", describe(id.node));
    }
    const Field quantity = m.require("quantity");
    fig.quantity = read_choice_name(r, quantity, quantity_names());
    const QuantitySpec& q = *find_quantity(fig.quantity);
    fig.region = text_of(r, m.require("region"), false);
    if (auto f = m.get("place")) {
        fig.place = text_of(r, *f, true);
    }
    const Field kind = m.require("kind");
    const std::string kind_name = read_choice_name(r, kind, kind_names());
    for (const auto& [name, k] : kinds) {
        if (name == kind_name) {
            fig.kind = k;
        }
    }
    if (!kind_allowed(q, fig.kind)) {
        r.fail(kind,
               q.level ? fmt::format("peak for {} (a count at one time)", fig.quantity)
                       : fmt::format("daily, cumulative, span or event for {} (a count over time)",
                                     fig.quantity),
               describe(kind.node));
    }
    read_dates(r, m, item, fig, kind);
    if (auto f = m.get("words")) {
        fig.words = text_of(r, *f, false);
    }
    fig.range = value_range(r, m, item, fig.words);
    const Field unit = m.require("unit");
    fig.unit = read_string(r, unit);
    fig.reported = fig.words.empty() ? range_text(fig.range) : fig.words;
    if (fig.unit != q.unit) {
        fig.reported += " " + fig.unit;
        double per_usd = 0.0;
        for (const auto& [currency, rate] : rates) {
            if (currency == fig.unit) {
                per_usd = rate;
            }
        }
        if (!q.money || per_usd == 0.0) {
            std::string expected = fmt::format("'{}' (the unit of {})", q.unit, fig.quantity);
            if (q.money) {
                expected += ", or a currency of exchange_rates";
            }
            r.fail(unit, expected, describe(unit.node));
        }
        fig.range.min /= per_usd;
        fig.range.max /= per_usd;
    }
    fig.source = text_of(r, m.require("source"), false);
    if (auto f = m.get("note")) {
        fig.note = text_of(r, *f, true);
    }
    if (auto f = m.get("conflicts_with")) {
        if (!f->node.IsSequence()) {
            r.fail(*f, "a list of ids", describe(f->node));
        }
        for (std::size_t i = 0; i < f->node.size(); ++i) {
            fig.conflicts_with.push_back(read_string(r, f->item(f->node[i], i)));
        }
    }
    return fig;
}

std::vector<std::pair<std::string, double>> read_rates(const YamlReader& r,
                                                       const std::optional<Field>& f) {
    std::vector<std::pair<std::string, double>> rates;
    if (!f) {
        return rates;
    }
    if (!f->node.IsMap()) {
        r.fail(*f, "a mapping of currency codes to units per US dollar", describe(f->node));
    }
    for (const auto& entry : f->node) {
        const YAML::Node key = entry.first;
        const Field value = f->child(entry.second, key.Mark(), key.Scalar());
        if (!valid_id(key.Scalar()) || key.Scalar() == "usd") {
            r.fail(Field{key, key.Mark(), value.path}, "a currency code other than usd",
                   describe(key));
        }
        rates.emplace_back(key.Scalar(), read_positive(r, value));
    }
    return rates;
}

ReportedFigures read_figures(const YamlReader& r, const YAML::Node& tree, const std::string& file) {
    const Field root_field{tree, YAML::Mark::null_mark(), ""};
    if (!tree.IsMap()) {
        r.fail(root_field, "a mapping with the key 'reported'", describe(tree));
    }
    const Mapping root(r, root_field, root_keys());
    ReportedFigures out;
    out.file = file;
    if (auto f = root.get("title")) {
        out.title = text_of(r, *f, true);
    }
    if (auto f = root.get("notes")) {
        out.notes = text_of(r, *f, true);
    }
    out.exchange_rates = read_rates(r, root.get("exchange_rates"));
    const Field list = root.require("reported");
    if (!list.node.IsSequence()) {
        r.fail(list, "a list of reported figures", describe(list.node));
    }
    std::vector<Field> id_fields;
    for (std::size_t i = 0; i < list.node.size(); ++i) {
        const Field item = list.item(list.node[i], i);
        ReportedFigure fig = read_entry(r, item, out.exchange_rates);
        const Field id = *Mapping(r, item, entry_keys()).get("id");
        for (std::size_t j = 0; j < out.figures.size(); ++j) {
            if (out.figures[j].id == fig.id) {
                r.fail(id,
                       fmt::format("a unique id ('{}' is also on line {})", fig.id,
                                   out.figures[j].line),
                       describe(id.node));
            }
        }
        out.figures.push_back(std::move(fig));
        id_fields.push_back(item);
    }
    for (std::size_t i = 0; i < out.figures.size(); ++i) {
        const Mapping m(r, id_fields[i], entry_keys());
        for (std::size_t k = 0; k < out.figures[i].conflicts_with.size(); ++k) {
            const std::string& other = out.figures[i].conflicts_with[k];
            const Field f = m.get("conflicts_with")->item(m.get("conflicts_with")->node[k], k);
            if (other == out.figures[i].id || out.find(other) == nullptr) {
                r.fail(f, "the id of another figure of this file", describe(f.node));
            }
        }
    }
    return out;
}

} // namespace

std::span<const QuantitySpec> quantity_specs() {
    return quantities;
}

const QuantitySpec* find_quantity(std::string_view name) {
    for (const QuantitySpec& q : quantities) {
        if (q.name == name) {
            return &q;
        }
    }
    return nullptr;
}

bool kind_allowed(const QuantitySpec& q, FigureKind kind) {
    return kind == FigureKind::peak ? q.level : (q.flow || q.total);
}

std::string_view figure_kind_name(FigureKind kind) {
    for (const auto& [name, k] : kinds) {
        if (k == kind) {
            return name;
        }
    }
    return "?";
}

bool FigureRange::contains(double v) const noexcept {
    return (min_exclusive ? v > min : v >= min) && v <= max;
}

std::string ReportedFigure::when() const {
    if (date) {
        return date->text;
    }
    if (from && to) {
        return fmt::format("{}..{}", from->text, to->text);
    }
    return {};
}

const ReportedFigure* ReportedFigures::find(std::string_view id) const {
    for (const ReportedFigure& f : figures) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

std::optional<FigureRange> range_of_words(std::string_view words) {
    const std::string w = trimmed_lower(words);
    if (w == "dozens" || w == "several dozen") {
        return FigureRange{24, 99, false};
    }
    if (w == "hundreds" || w == "several hundred") {
        return FigureRange{200, 999, false};
    }
    if (w == "thousands" || w == "several thousand") {
        return FigureRange{2000, 9999, false};
    }
    for (const auto& [prefix, kind] : std::array<std::pair<std::string_view, int>, 3>{
             {{"about ", 0}, {"more than ", 1}, {"at least ", 2}}}) {
        if (w.starts_with(prefix)) {
            const std::optional<double> n = words_number(std::string_view(w).substr(prefix.size()));
            if (!n) {
                return std::nullopt;
            }
            if (kind == 0) {
                return FigureRange{*n - *n / 10, *n + *n / 10, false}; // exact for N = 2,000
            }
            return FigureRange{*n, std::numeric_limits<double>::infinity(), kind == 1};
        }
    }
    return std::nullopt;
}

ReportedFigures load_reported_figures_text(const std::string& text, const std::string& file_name) {
    const YAML::Node tree = parse_yaml_input(text, file_name, reported_key_check);
    const YamlReader reader(file_name, {});
    return read_figures(reader, tree, file_name);
}

ReportedFigures load_reported_figures_file(const std::string& path) {
    return load_reported_figures_text(read_input_file(path), path);
}

bool is_reported_figures_text(const std::string& text, const std::string& /*file_name*/) {
    // From the text alone, without parsing it: a scenario with a huge value under an unknown key
    // must still be refused at that key, before the value is parsed (yaml_prepass.hpp). A line
    // that starts with the key, as block-style files write it, or a flow mapping that opens with
    // it; the file is one even when it has problems further on, which its own reader reports.
    constexpr std::array<std::string_view, 3> keys{"reported:", "\"reported\":", "'reported':"};
    bool first = true; // no content yet: a flow mapping may open here
    for (std::size_t begin = 0; begin < text.size();) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        std::string_view line = std::string_view(text).substr(begin, end - begin);
        begin = end + 1;
        for (const std::string_view key : keys) {
            if (line.starts_with(key)) {
                return true;
            }
        }
        const std::size_t content = line.find_first_not_of(" \t\r");
        if (content == std::string_view::npos || line[content] == '#' || line == "---") {
            continue;
        }
        if (first && line[content] == '{') {
            line.remove_prefix(content + 1);
            line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
            for (const std::string_view key : keys) {
                if (line.starts_with(key)) {
                    return true;
                }
            }
        }
        first = false;
    }
    return false;
}

} // namespace unrest
