#include "run_journal.hpp"

#include "../output/error.hpp"
#include "../scenario/input_text.hpp"
#include "runs_table.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace unrest {

namespace {

// A journal line longer than this is not a row this program wrote.
constexpr std::size_t max_line_bytes = 1u << 20;

std::string located(const std::filesystem::path& file, std::int64_t line,
                    const std::string& message) {
    const std::string name = detail::printable(file.string());
    return line > 0 ? fmt::format("{}:{}: {}", name, line, message)
                    : fmt::format("{}: {}", name, message);
}

std::string shown(std::string_view text) {
    return fmt::format("'{}'", printable(text));
}

// One line without its "\n"; `complete` tells whether the "\n" was there. False at the end.
bool read_line(std::istream& in, std::string& line, bool& complete,
               const std::filesystem::path& file, std::int64_t line_no) {
    line.clear();
    complete = false;
    std::streambuf* buffer = in.rdbuf();
    for (;;) {
        const int c = buffer->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            return !line.empty();
        }
        if (c == '\n') {
            complete = true;
            return true;
        }
        if (line.size() >= max_line_bytes) {
            throw JournalError(file, line_no,
                               fmt::format("expected a row of at most {} bytes, found a longer "
                                           "line",
                                           max_line_bytes));
        }
        line.push_back(static_cast<char>(c));
    }
}

// What is wrong with one row, or "".
std::string row_problem(const std::vector<std::string>& fields, std::size_t columns,
                        std::int64_t runs, std::int64_t& id) {
    if (fields.size() != columns) {
        return fmt::format("expected a row of {} fields (this sweep's columns), found {}", columns,
                           fields.size());
    }
    const std::string& text = fields[0];
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id < 0 ||
        id >= runs) {
        return fmt::format("expected a run_id in [0, {}), found {}", runs, shown(text));
    }
    return {};
}

bool is_control_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

std::string errno_text(int error) {
    return error != 0 ? std::strerror(error) : "write failed";
}

} // namespace

JournalError::JournalError(const std::filesystem::path& file, std::int64_t line,
                           const std::string& message)
    : std::runtime_error(located(file, line, message)), line_(line), message_(message) {}

JournalIndex read_journal(std::istream& in, const std::filesystem::path& file,
                          const std::string& header, std::int64_t runs,
                          const JournalRowCheck& check) {
    JournalIndex index;
    index.rows.resize(static_cast<std::size_t>(runs));
    const std::string header_line = header.substr(0, header.size() - 1);
    const std::size_t columns = split_csv_line(header_line).size();
    std::string line;
    bool complete = false;
    std::int64_t offset = 0;
    std::int64_t line_no = 0;
    while (read_line(in, line, complete, file, line_no + 1) && complete) {
        ++line_no;
        const auto length = static_cast<std::int64_t>(line.size()) + 1;
        if (line_no == 1) {
            if (line != header_line) {
                throw JournalError(file, 1,
                                   fmt::format("expected this sweep's header {}, found {}: not "
                                               "the journal of this sweep",
                                               shown(header_line), shown(line)));
            }
        } else {
            // Rows are text: the runner writes no control character (row_line replaces those of
            // error texts), so one is a sign of a corrupted or foreign file.
            if (const auto bad = std::find_if(line.begin(), line.end(), is_control_byte);
                bad != line.end()) {
                throw JournalError(file, line_no,
                                   fmt::format("expected a row of text, found binary data "
                                               "(byte 0x{:02x}) at column {}",
                                               static_cast<unsigned char>(*bad),
                                               bad - line.begin() + 1));
            }
            const std::vector<std::string> fields = split_csv_line(line);
            std::int64_t id = -1;
            std::string problem = row_problem(fields, columns, runs, id);
            if (problem.empty() && index.rows[static_cast<std::size_t>(id)].offset >= 0) {
                problem = fmt::format("expected each run once, found run_id {} again", id);
            }
            if (problem.empty() && check) {
                problem = check(id, fields);
            }
            if (!problem.empty()) {
                throw JournalError(file, line_no, problem);
            }
            index.rows[static_cast<std::size_t>(id)] = {offset, length};
            ++index.done;
        }
        offset += length;
        index.whole_bytes = offset;
    }
    return index;
}

RunJournal::RunJournal(std::filesystem::path file, std::string header, std::int64_t runs,
                       bool resume, const JournalRowCheck& check)
    : file_(std::move(file)), header_(std::move(header)), rows_(static_cast<std::size_t>(runs)) {
    if (resume && std::filesystem::exists(file_)) {
        std::ifstream in(file_, std::ios::binary);
        JournalIndex index = read_journal(in, file_, header_, runs, check);
        rows_ = std::move(index.rows);
        done_ = index.done;
        size_ = index.whole_bytes;
        std::error_code ec;
        std::filesystem::resize_file(file_, static_cast<std::uintmax_t>(size_), ec);
        if (ec) {
            throw OutputError(fmt::format("cannot cut the torn last line of '{}': {}",
                                          file_.string(), ec.message()));
        }
    }
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        throw OutputError(
            fmt::format("cannot open '{}': {}", file_.string(), std::strerror(errno)));
    }
    if (size_ == 0) {
        if (::ftruncate(fd_, 0) != 0 || !write_all(header_)) {
            const int error = errno;
            ::close(fd_);
            fd_ = -1;
            throw OutputError(
                fmt::format("cannot write '{}': {}", file_.string(), errno_text(error)));
        }
        size_ = static_cast<std::int64_t>(header_.size());
    }
}

RunJournal::~RunJournal() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

bool RunJournal::write_all(const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool RunJournal::done(std::int64_t run_id) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return rows_[static_cast<std::size_t>(run_id)].offset >= 0;
}

std::int64_t RunJournal::done_count() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return done_;
}

void RunJournal::append(std::int64_t run_id, const std::string& line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    JournalIndex::Row& row = rows_[static_cast<std::size_t>(run_id)];
    if (row.offset >= 0) {
        return;
    }
    if (broken_) {
        throw OutputError(fmt::format("'{}': an earlier write failed", file_.string()));
    }
    // One write: a kill leaves a whole line or a torn tail. A failed write (the disk full) may
    // have written part of the line: cut it off, so that later rows follow whole lines.
    if (!write_all(line)) {
        const int error = errno;
        if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
            broken_ = true; // a torn line may remain: append nothing after it
        }
        throw OutputError(fmt::format("cannot write '{}': {}", file_.string(), errno_text(error)));
    }
    row = {size_, static_cast<std::int64_t>(line.size())};
    size_ += row.length;
    ++done_;
}

void RunJournal::finish(const std::filesystem::path& runs_csv) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t id = 0; id < rows_.size(); ++id) {
        if (rows_[id].offset < 0) {
            throw std::logic_error(fmt::format("{}: run {} has no row", file_.string(), id));
        }
    }
    const std::filesystem::path tmp = runs_csv.string() + ".tmp";
    {
        std::ifstream in(file_, std::ios::binary);
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << header_;
        std::string buffer;
        for (const JournalIndex::Row& row : rows_) {
            buffer.resize(static_cast<std::size_t>(row.length));
            in.seekg(row.offset);
            in.read(buffer.data(), row.length);
            out << buffer;
        }
        out.close();
        if (!in || !out) {
            const int error = errno;
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            throw OutputError(fmt::format("cannot write '{}': {}", runs_csv.string(),
                                          in ? errno_text(error) : "the journal cannot be read"));
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, runs_csv, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw OutputError(fmt::format("cannot rename '{}' to '{}': {}", tmp.string(),
                                      runs_csv.string(), ec.message()));
    }
}

} // namespace unrest
