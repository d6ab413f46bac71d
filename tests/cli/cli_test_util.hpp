// Helpers for the end-to-end tests of the `unrest` program: run the real binary with its
// stdout and stderr captured, in fresh temporary directories, and read its outputs back.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace unrest::cli_test {

namespace fs = std::filesystem;

inline fs::path source_dir() {
    return fs::path(UNREST_SOURCE_DIR);
}

inline fs::path scenario_path(std::string_view relative) {
    return source_dir() / "scenarios" / relative;
}

inline std::string run2() {
    return scenario_path("epstein2002/run2.yaml").string();
}

// A fresh, uniquely named directory under the system temp directory, removed with its contents.
class TempDir {
public:
    TempDir() {
        static std::atomic<unsigned long> counter{0};
        std::random_device rd;
        for (;;) {
            path_ = fs::temp_directory_path() /
                    fmt::format("unrest-cli-test-{}-{}-{:08x}", ::getpid(), counter++, rd());
            if (fs::create_directory(path_)) {
                break;
            }
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }

    const fs::path& path() const { return path_; }
    fs::path operator/(std::string_view name) const { return path_ / name; }

private:
    fs::path path_;
};

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

inline std::string shell_quote(std::string_view s) {
    std::string q = "'";
    for (const char c : s) {
        if (c == '\'') {
            q.append("'\\''");
        } else {
            q.push_back(c);
        }
    }
    q.push_back('\'');
    return q;
}

struct Result {
    int status = -1; // the exit status; -1 when the program did not exit normally
    std::string out; // stdout
    std::string err; // stderr

    // The first line of stderr, without its line end.
    std::string first_error_line() const { return err.substr(0, err.find('\n')); }
};

// Runs a shell command line with stdout and stderr captured.
inline Result run_shell(const std::string& command) {
    const TempDir capture;
    const fs::path out = capture / "stdout";
    const fs::path err = capture / "stderr";
    const std::string line = fmt::format("{} >{} 2>{} </dev/null", command,
                                         shell_quote(out.string()), shell_quote(err.string()));
    const int raw = std::system(line.c_str());
    Result r;
    if (raw != -1 && WIFEXITED(raw)) {
        r.status = WEXITSTATUS(raw);
    }
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

// Runs `unrest ARGS...`; `prefix` goes before the program (e.g. a `timeout` wrapper).
inline Result unrest(const std::vector<std::string>& args, const std::string& prefix = "") {
    std::string command = prefix;
    if (!command.empty()) {
        command.push_back(' ');
    }
    command.append(shell_quote(UNREST_BINARY));
    for (const std::string& a : args) {
        command.push_back(' ');
        command.append(shell_quote(a));
    }
    return run_shell(command);
}

inline std::string describe(const Result& r) {
    return fmt::format("exit status {}\n--- stdout ---\n{}\n--- stderr ---\n{}", r.status, r.out,
                       r.err);
}

inline bool have_program(std::string_view name) {
    return std::system(fmt::format("command -v {} >/dev/null 2>&1", name).c_str()) == 0;
}

// Siblings of `dir` named `<dir>.tmp-*`: the temporary directories of a run.
inline std::vector<std::string> temp_siblings(const fs::path& dir) {
    std::vector<std::string> found;
    const std::string prefix = fmt::format("{}.tmp-", dir.filename().string());
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir.parent_path(), ec)) {
        const std::string name = e.path().filename().string();
        if (name.starts_with(prefix)) {
            found.push_back(name);
        }
    }
    return found;
}

// No output directory and no temporary sibling.
inline void expect_no_output(const fs::path& dir) {
    EXPECT_FALSE(fs::exists(dir)) << dir << " was left behind";
    const std::vector<std::string> temps = temp_siblings(dir);
    EXPECT_TRUE(temps.empty()) << "temporary directory left behind: "
                               << (temps.empty() ? std::string() : temps.front());
}

inline std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        parts.emplace_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
        if (at == std::string_view::npos) {
            return parts;
        }
        start = at + 1;
    }
}

struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::size_t column(std::string_view name) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) {
                return i;
            }
        }
        ADD_FAILURE() << "no column " << name;
        return 0;
    }
    std::int64_t integer(std::size_t row, std::string_view name) const {
        return std::stoll(rows.at(row).at(column(name)));
    }
    double number(std::size_t row, std::string_view name) const {
        return std::stod(rows.at(row).at(column(name)));
    }
};

// Parses CSV text with `\n` line ends and a final line end (no quoted fields); `p` names it in
// failures.
inline Csv parse_csv(const std::string& text, const fs::path& p = "CSV text") {
    Csv csv;
    EXPECT_FALSE(text.empty()) << p;
    if (text.empty()) {
        return csv;
    }
    EXPECT_EQ(text.back(), '\n') << p << ": no final line end";
    EXPECT_EQ(text.find('\r'), std::string::npos) << p << ": not \\n line ends";
    std::vector<std::string> lines = split(text, '\n');
    if (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    csv.header = split(lines.front(), ',');
    for (std::size_t i = 1; i < lines.size(); ++i) {
        csv.rows.push_back(split(lines[i], ','));
        EXPECT_EQ(csv.rows.back().size(), csv.header.size()) << p << " line " << i + 1;
    }
    return csv;
}

// Parses a CSV file with `\n` line ends and a final line end.
inline Csv read_csv(const fs::path& p) {
    return parse_csv(read_file(p), p);
}

// The names in the first column of the Markdown table between `<!-- NAME:begin -->` and
// `<!-- NAME:end -->` in docs/outputs.md (rows "| `name` | ...").
inline std::vector<std::string> documented_table(std::string_view name) {
    const std::string doc = read_file(source_dir() / "docs/outputs.md");
    const std::string begin = fmt::format("<!-- {}:begin -->", name);
    const std::size_t b = doc.find(begin);
    const std::size_t e = doc.find(fmt::format("<!-- {}:end -->", name), b);
    EXPECT_NE(b, std::string::npos) << "docs/outputs.md: no " << begin;
    std::vector<std::string> names;
    if (b == std::string::npos || e == std::string::npos) {
        return names;
    }
    for (const std::string& line : split(doc.substr(b, e - b), '\n')) {
        if (line.starts_with("| `")) {
            names.push_back(line.substr(3, line.find('`', 3) - 3));
        }
    }
    return names;
}

// The timeseries.csv header documented in docs/outputs.md for a run without a calendar: the key
// columns (less `time`), then every metric.
// The timeseries.csv header documented in docs/outputs.md; `time` only for a scenario with a
// calendar.
inline std::vector<std::string> documented_columns(bool with_calendar = false) {
    std::vector<std::string> columns;
    for (const std::string& key : documented_table("timeseries-columns")) {
        if (key != "time" || with_calendar) {
            columns.push_back(key);
        }
    }
    for (const std::string& metric : documented_table("metrics")) {
        columns.push_back(metric);
    }
    return columns;
}

inline nlohmann::json read_json(const fs::path& p) {
    return nlohmann::json::parse(read_file(p));
}

// The value of the top-level `name:` key of a scenario file (plain or quoted scalar).
inline std::string scenario_name_in(const fs::path& file) {
    for (const std::string& line : split(read_file(file), '\n')) {
        if (!line.starts_with("name:")) {
            continue;
        }
        std::string v = line.substr(5);
        const auto first = v.find_first_not_of(" \t");
        const auto last = v.find_last_not_of(" \t\r");
        v = first == std::string::npos ? std::string() : v.substr(first, last - first + 1);
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
            v = v.substr(1, v.size() - 2);
        }
        return v;
    }
    return {};
}

} // namespace unrest::cli_test
