// runs.csv: one row per run. The columns are derived once from the spec:
//   run_id, point, replicate, seed, <each varied parameter>, <each metric>, status, error
// status is "ok" or "error"; error holds the failure text (empty when ok). A metric that is
// undefined for a run (e.g. the mean of no outbursts) is an empty field.
#pragma once

#include "run_plan.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace unrest {

struct RunOutcome {
    bool ok = false;
    // The run could not write its outputs or lacked memory (a full disk, say): not a result of
    // the model. Such a run gets no row; it runs again when the sweep is resumed.
    bool output_failed = false;
    std::string error;
    std::vector<std::string> metrics; // one per spec metric, as text (empty when undefined)
};

// The metric values of a run from its summary.json content.
std::vector<std::string> metric_values(const SweepSpec& spec,
                                       const nlohmann::ordered_json& summary);

class RunsTable {
public:
    explicit RunsTable(const SweepSpec& spec);
    const std::vector<std::string>& columns() const noexcept { return columns_; }
    std::string header_line() const; // with "\n"
    // One line with "\n"; control characters of the error text (line breaks included) become
    // spaces, so that a row is one line of text.
    std::string row_line(const RunPlan& plan, const RunOutcome& outcome) const;
    // What is wrong with `fields` (a row read back, as many fields as columns) as the row of
    // `plan`: its point, replicate, seed and parameter values must be the plan's, its status ok
    // or error. "" when nothing is.
    std::string row_problem(const RunPlan& plan, const std::vector<std::string>& fields) const;

private:
    std::vector<std::string> columns_;
    std::size_t metrics_ = 0;
};

// One CSV field: quoted (RFC 4180) when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);
// Text read from a file, fit to quote in a message: control and non-ASCII bytes as \xNN, cut
// after 60 bytes.
std::string printable(std::string_view text);
// Splits one CSV line (no line terminator) into fields, undoing the quoting.
std::vector<std::string> split_csv_line(const std::string& line);

} // namespace unrest
