// `unrest report DIR [--out FILE] [--at TIME]... [--no-animation] [--video mp4|gif|none|auto]
// [--max-frames N]`: runs the Python package in analysis/ (`PYTHON -m unrest_analysis report
// ARGS...`, docs/report.md), which writes the HTML report. The arguments pass through unchanged
// (no shell); the package checks them and answers bad input with exit status 2.
//
// The interpreter: $UNREST_PYTHON if set, else /usr/bin/python3 if it exists (Debian's, which
// sees Debian's numpy, pandas and matplotlib whatever python3 comes first on PATH), else
// `python3` on PATH. The package: $UNREST_ANALYSIS_DIR if set, else the source tree's analysis/
// (compiled in) when it is there, else <directory of the program>/../share/unrest/analysis. It
// is put first on PYTHONPATH, before what PYTHONPATH already holds.
#pragma once

#include <string>
#include <vector>

namespace unrest::cli {

struct ReportLaunch {
    std::string python;         // the interpreter, as given to execvp
    std::string python_source;  // where it came from, for messages ("UNREST_PYTHON", ...)
    std::string analysis_dir;   // the directory holding unrest_analysis/; empty: none found
    std::string analysis_tried; // where it was looked for, for messages
};

// The interpreter and the package directory, from the environment and the build.
ReportLaunch report_launch();

// The value of PYTHONPATH for the child: `analysis_dir`, then `existing` when it is set and not
// empty (an empty entry would put the working directory on the path).
std::string report_pythonpath(const std::string& analysis_dir, const char* existing);

// Runs the package with `args` (the arguments after `report`) and returns its exit status
// (128 + N when it was killed by signal N); 127 with a message on stderr when Python or the
// package cannot be found or started.
int report_command(const std::vector<std::string>& args);

} // namespace unrest::cli
