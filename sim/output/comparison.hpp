// The comparison of a run with reported figures (docs/reported_figures.md): the simulated value of
// each figure, from the run's tick records (in persons; each region's local days), and whether it
// lies in the reported range. comparison.csv holds every figure; `unrest run` prints the shown
// ones.
//
// Per figure and run region, a window of local time: the day of `date` (to its time, if given),
// the span {from, to}, or, for a cumulative figure, from the start of the run to the end of
// `date`. A tick is in the window when it starts in it (as for daily.csv). Then:
//   daily, span, event: the quantity's flow summed over the window's ticks (a running total:
//                       its value at the window's last tick less that before the window);
//   cumulative:         the running total at the window's last tick (a flow: summed since tick 1);
//   peak:               the largest value, over the window's ticks, of the level summed over the
//                       figure's regions.
// A figure's regions: `compare.regions`, else the run's region of the same name (letter case
// aside); "national" is every region of the run (their sum). Tick 0 is the initial state and in
// no window.
#pragma once

#include "../engine/tick_record.hpp"
#include "../scenario/reported_figures.hpp"
#include "../scenario/scenario.hpp"
#include "output_layout.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace unrest {

struct ComparisonRow {
    ReportedFigure figure;
    std::string unit;                // the quantity's unit (that of min, max and simulated)
    std::optional<double> simulated; // none: not simulated
    // "yes", "no", or "not simulated".
    std::string within;
    // Why not simulated, or "partial: ..." when the run covers part of the window; "" otherwise.
    std::string why;
    bool shown = false; // printed by `unrest run`
};

class ComparisonAccumulator {
public:
    // Throws std::invalid_argument without a calendar.
    ComparisonAccumulator(const CompareSettings& settings, const OutputLayout& layout);
    ComparisonAccumulator(const ComparisonAccumulator&) = delete;
    ComparisonAccumulator& operator=(const ComparisonAccumulator&) = delete;
    ~ComparisonAccumulator();

    // One tick's records, one per region in region order, in persons (scale_to_persons). Tick 0
    // is skipped.
    void add(std::span<const TickRecord> records);

    // Every figure in the file's order; shown ones flagged (the order of `show` is kept by
    // shown_rows).
    std::vector<ComparisonRow> finish() const;

    // The rows `unrest run` prints: `show`'s ids in their order, else every row with a simulated
    // value whose window the run covers in full.
    std::vector<ComparisonRow> shown_rows(const std::vector<ComparisonRow>& rows) const;

private:
    struct Figure;
    const CompareSettings* settings_;
    const OutputLayout* layout_;
    std::vector<Figure> figures_;
    Tick last_tick_ = 0;
};

// comparison.csv: a header and one line per row.
std::string comparison_csv(const std::vector<ComparisonRow>& rows);

// The table `unrest run` prints: quantity, region, date, reported, simulated, within (y/n/-).
std::string comparison_table(const std::vector<ComparisonRow>& rows);

// The value as written: an integer when it is one (below 1e15 in magnitude), else the shortest
// form that reads back the same.
std::string format_figure_value(double v);

} // namespace unrest
