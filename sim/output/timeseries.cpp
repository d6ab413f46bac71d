#include "timeseries.hpp"

#include "error.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <iterator>

namespace unrest {

std::string timeseries_csv_header() {
    std::string header;
    for (const TimeseriesColumn& column : timeseries_columns) {
        if (!header.empty()) {
            header.push_back(',');
        }
        header.append(column.name);
    }
    return header;
}

std::string timeseries_csv_row(const TickRecord& record) {
    fmt::memory_buffer row;
    bool first = true;
    for (const TimeseriesColumn& column : timeseries_columns) {
        if (!first) {
            row.push_back(',');
        }
        first = false;
        // fmt's "{}" is locale-independent; for a double it is the shortest text that reads back
        // to exactly the same value.
        std::visit(
            [&](auto member) { fmt::format_to(std::back_inserter(row), "{}", record.*member); },
            column.field);
    }
    return fmt::to_string(row);
}

std::string timeseries_columns_markdown() {
    std::string table = "| column | unit | description |\n| --- | --- | --- |\n";
    for (const TimeseriesColumn& column : timeseries_columns) {
        table += fmt::format("| `{}` | {} | {} |\n", column.name, column.unit, column.description);
    }
    return table;
}

TimeseriesCsvWriter::TimeseriesCsvWriter(std::ostream& out) : out_(out) {
    put_line(timeseries_csv_header());
}

void TimeseriesCsvWriter::write(const TickRecord& record) {
    put_line(timeseries_csv_row(record));
}

void TimeseriesCsvWriter::put_line(const std::string& line) {
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.put('\n');
    if (!out_) {
        const int error = errno;
        throw OutputError(fmt::format("cannot write the time series: {}",
                                      error != 0 ? std::strerror(error) : "the stream failed"));
    }
}

} // namespace unrest
