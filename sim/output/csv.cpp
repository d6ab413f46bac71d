#include "csv.hpp"

#include "error.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

namespace unrest {

std::string csv_quote(std::string_view text) {
    const bool edge_space = !text.empty() && (text.front() == ' ' || text.back() == ' ');
    if (text.find_first_of(",\"\n\r") == std::string_view::npos && !edge_space) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') {
            quoted.push_back('"');
        }
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string key_columns_markdown(std::span<const KeyColumn> columns) {
    std::string table = "| column | unit | description |\n| --- | --- | --- |\n";
    for (const KeyColumn& column : columns) {
        table += fmt::format("| `{}` | {} | {} |\n", column.name, column.unit, column.description);
    }
    return table;
}

void put_csv_line(std::ostream& out, std::string_view line, std::string_view what) {
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    out.put('\n');
    if (!out) {
        const int error = errno;
        throw OutputError(fmt::format("cannot write {}: {}", what,
                                      error != 0 ? std::strerror(error) : "the stream failed"));
    }
}

} // namespace unrest
