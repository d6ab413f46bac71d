// Reported figures (MODEL.md §1, "Figures from the article"; docs/reported_figures.md): what was
// reported about the events, each figure with its quantity, region, date or span, kind, value or
// range, unit and source, read from a YAML file whose top level holds `reported:`. Conflicting
// reports of one quantity stay side by side, each with its source. The comparison with a run
// (sim/output/comparison.hpp) computes the simulated value of each figure.
//
// Every problem is a ScenarioError (load.hpp) at FILE:LINE:COLUMN with the key path and what was
// expected, as for scenario files.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

// How a figure's value is reduced over time (docs/reported_figures.md, "Kinds").
enum class FigureKind {
    daily, // one local day: the flow summed over the day's ticks (up to `date`'s time if given)
    cumulative, // since the start of the run up to the end of `date` (or its time)
    peak,       // the largest instantaneous value over the day or the span
    span,       // the flow summed over the span (or the day)
    event,      // one incident: computed as span; the word says what the source described
};

// How a quantity is simulated. Each simulated quantity reads TickRecord fields (in persons, or
// usd, after scaling): a flow (counts during a tick), a total (a running count since the start)
// and/or a level (an instantaneous count). Not simulated: the model has nothing to compare with.
struct QuantitySpec {
    std::string_view name;
    std::string_view unit;        // what the figure counts: persons, usd, vehicles, ...
    std::string_view description; // what the reports count
    std::string_view simulated;   // how: "sum of police_killed" or "" when not simulated
    bool flow = false;            // has a per-tick flow (daily, span, event; cumulative by sum)
    bool total = false;           // has a running total (cumulative; daily/span by difference)
    bool level = false;           // has an instantaneous level (peak)
    bool money = false;           // a currency amount (the file's exchange_rates convert)
};

// The vocabulary, in documentation order.
std::span<const QuantitySpec> quantity_specs();
const QuantitySpec* find_quantity(std::string_view name);
// Whether `kind` makes sense for `q`: peak for levels, the others for counts.
bool kind_allowed(const QuantitySpec& q, FigureKind kind);

std::string_view figure_kind_name(FigureKind kind);

// A date as written: a local day, with a local wall-clock time of that day or not.
struct FigureDate {
    std::int64_t day = 0;             // days since 1970-01-01 (local)
    std::optional<std::int32_t> time; // seconds into the day; none: the whole day
    std::string text;                 // as written, "2022-01-06" or "2022-01-06T17:00"
};

// The reported value: [min, max], each bound inclusive unless marked; max may be +infinity
// (open-ended: at_least, more_than). A single value has min == max.
struct FigureRange {
    double min = 0.0;
    double max = std::numeric_limits<double>::infinity();
    bool min_exclusive = false; // more_than N: > N

    bool contains(double v) const noexcept;
};

struct ReportedFigure {
    std::string id;
    std::string quantity; // a name of quantity_specs()
    std::string region;   // "national" or a region's name
    std::string place;    // where within the region (text), may be empty
    std::optional<FigureDate> date;
    std::optional<FigureDate> from, to; // a span (both or neither; `date` or the span)
    FigureKind kind = FigureKind::cumulative;
    FigureRange range;    // in the quantity's unit (money converted to usd)
    std::string reported; // the reported value as text: the words, else "18", "24-99", ">200"
    std::string words;    // the source's words, may be empty
    std::string unit;     // as written (a currency code for money may differ from usd)
    std::string source;
    std::string note;
    std::vector<std::string> conflicts_with; // ids of other figures of this file
    int line = 0;                            // where the entry starts in its file (1-based)

    // "2022-01-06", "2022-01-05T20:00..2022-01-06T05:00".
    std::string when() const;
};

struct ReportedFigures {
    std::string file; // as given to the loader
    std::string title;
    std::string notes;
    std::vector<std::pair<std::string, double>> exchange_rates; // currency -> units per usd
    std::vector<ReportedFigure> figures;                        // in file order

    const ReportedFigure* find(std::string_view id) const;
};

// The words convention (KZ2022_INPUTS.md): "dozens" 24-99, "hundreds" 200-999, "thousands"
// 2,000-9,999, "about N" N +- 10%, "more than N" > N, "at least N" >= N. None when `words` is
// not one of these forms (free text, kept as written).
std::optional<FigureRange> range_of_words(std::string_view words);

// Loads and validates a reported-figures file; ScenarioError on any problem.
ReportedFigures load_reported_figures_text(const std::string& text, const std::string& file_name);
ReportedFigures load_reported_figures_file(const std::string& path);

// Whether `text` is a reported-figures file rather than a scenario: its top level is a mapping
// with the key `reported`: a line that starts with `reported:`, or a flow mapping that opens with
// it (`{reported: [...]}`). Read from the text alone, never parsed (a hostile scenario is refused
// by its own loader, at its first bad key).
bool is_reported_figures_text(const std::string& text, const std::string& file_name);

} // namespace unrest
