// CSV text shared by the writers: RFC 4180 quoting, `\n` line ends, checked stream writes.
#pragma once

#include "error.hpp"

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace unrest {

// A column that is not a metric (a key such as tick, region, date), as documented.
struct KeyColumn {
    std::string_view name;
    std::string_view unit;
    std::string_view description;
};

// | column | unit | description | in Markdown, one row per column; ends with a newline.
std::string key_columns_markdown(std::span<const KeyColumn> columns);

// `text` as one CSV field: quoted (with quotes doubled) when it holds a comma, a quote, a line
// break or leading or trailing spaces; as it is otherwise.
std::string csv_quote(std::string_view text);

// Writes `line` and "\n"; throws OutputError naming `what` (e.g. "timeseries.csv") when the
// stream fails.
void put_csv_line(std::ostream& out, std::string_view line, std::string_view what);

} // namespace unrest
