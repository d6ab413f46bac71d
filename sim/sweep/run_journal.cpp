#include "run_journal.hpp"

#include "runs_table.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace unrest {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
    throw std::runtime_error(fmt::format("{}: {}", file.string(), what));
}

void write_all(int fd, const std::string& data, const std::filesystem::path& file) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail(file, fmt::format("write failed: {}", std::strerror(errno)));
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

RunJournal::RunJournal(std::filesystem::path file, std::string header, std::int64_t runs,
                       bool resume)
    : file_(std::move(file)), header_(std::move(header)), rows_(static_cast<std::size_t>(runs)) {
    const std::size_t columns = split_csv_line(header_.substr(0, header_.size() - 1)).size();
    if (resume && std::filesystem::exists(file_)) {
        std::ifstream in(file_, std::ios::binary);
        std::string line;
        std::int64_t offset = 0;
        std::int64_t good = 0; // bytes up to the end of the last complete line
        bool first = true;
        while (std::getline(in, line)) {
            const bool complete = !in.eof(); // getline stopped at a '\n'
            const auto length = static_cast<std::int64_t>(line.size()) + 1;
            if (!complete) {
                break; // a torn last line: dropped
            }
            if (first) {
                if (line + "\n" != header_) {
                    fail(file_,
                         "the journal's columns differ from this sweep's: not the same sweep");
                }
                first = false;
            } else {
                const std::vector<std::string> fields = split_csv_line(line);
                std::int64_t id = -1;
                const auto [p, ec] =
                    std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), id);
                if (fields.size() != columns || ec != std::errc() || id < 0 || id >= runs) {
                    fail(file_, fmt::format("malformed row at byte {}", offset));
                }
                Row& row = rows_[static_cast<std::size_t>(id)];
                if (row.offset < 0) { // a duplicate (impossible unless edited by hand) is ignored
                    row = {offset, length};
                    ++done_;
                }
            }
            offset += length;
            good = offset;
        }
        if (first) {
            good = 0; // not even a complete header: start afresh
        }
        std::filesystem::resize_file(file_, static_cast<std::uintmax_t>(good));
        size_ = good;
    }
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        fail(file_, fmt::format("cannot open: {}", std::strerror(errno)));
    }
    if (size_ == 0) {
        if (::ftruncate(fd_, 0) != 0) {
            fail(file_, fmt::format("cannot truncate: {}", std::strerror(errno)));
        }
        write_all(fd_, header_, file_);
        size_ = static_cast<std::int64_t>(header_.size());
    }
}

RunJournal::~RunJournal() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
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
    Row& row = rows_[static_cast<std::size_t>(run_id)];
    if (row.offset >= 0) {
        return;
    }
    write_all(fd_, line, file_); // one write: a kill leaves a whole line or a torn tail
    row = {size_, static_cast<std::int64_t>(line.size())};
    size_ += row.length;
    ++done_;
}

void RunJournal::finish(const std::filesystem::path& runs_csv) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t id = 0; id < rows_.size(); ++id) {
        if (rows_[id].offset < 0) {
            fail(file_, fmt::format("run {} has no row", id));
        }
    }
    std::ifstream in(file_, std::ios::binary);
    const std::filesystem::path tmp = runs_csv.string() + ".tmp";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << header_;
    std::string buffer;
    for (const Row& row : rows_) {
        buffer.resize(static_cast<std::size_t>(row.length));
        in.seekg(row.offset);
        in.read(buffer.data(), row.length);
        out << buffer;
    }
    out.close();
    if (!in || !out) {
        fail(runs_csv, "could not write");
    }
    std::filesystem::rename(tmp, runs_csv);
}

} // namespace unrest
