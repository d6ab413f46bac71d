// dictionary.json: the machine-readable data dictionary written into every run's output
// directory beside the files it describes: every file with its columns (name, unit,
// description), every metric of the registry (unit, daily reduction, how regions combine, whether
// scaled), the regions, the scale and the calendar. analysis/unrest_analysis/outputs.py reads the
// columns from it, so nothing outside the registry restates them.
#pragma once

#include "output_layout.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace unrest {

// The names of the per-tick files a run with `layout` writes, in the order they are described:
// timeseries.csv, daily.csv (with a calendar only), events.csv, dictionary.json.
std::vector<std::string> per_tick_file_names(const OutputLayout& layout);

// The content of dictionary.json for a run with `layout`.
nlohmann::ordered_json dictionary_json(const OutputLayout& layout);

} // namespace unrest
