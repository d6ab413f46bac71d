#include "output_dir.hpp"

#include "../scenario/input_text.hpp"

#include <atomic>
#include <cerrno>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace unrest {
namespace {

// Distinguishes temporary directories made by one process.
std::atomic<unsigned long> temp_counter{0};

// A path in a message, its control characters escaped (a name can hold anything).
std::string quoted(const fs::path& p) {
    return fmt::format("'{}'", detail::printable(p.string()));
}

// What errno says, or a generic reason when it says nothing.
std::string errno_text(int error) {
    return error != 0 ? std::generic_category().message(error) : std::string("write failed");
}

fs::path make_unique_directory(const std::string& base) {
    for (;;) {
        fs::path temp = fmt::format("{}{}", base, temp_counter++);
        if (fs::create_directory(temp)) { // false: it already exists, try the next number
            return temp;
        }
    }
}

} // namespace

OutputDirectory::OutputDirectory(fs::path given, fs::path final_dir, fs::path temp, FileLock marker,
                                 OutputRules rules)
    : given_(std::move(given)), final_(std::move(final_dir)), temp_(std::move(temp)),
      marker_(std::move(marker)), rules_(std::move(rules)) {}

std::vector<std::string> clean_temporaries(const fs::path& parent, std::string_view prefix,
                                           const fs::path& own) {
    std::vector<std::string> live;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (!name.starts_with(prefix) || name.find(".tmp-") == std::string::npos || p == own) {
            continue;
        }
        std::error_code status_error;
        if (!fs::is_directory(fs::symlink_status(p, status_error))) {
            continue;
        }
        const fs::path marker = p / temp_marker_name;
        if (!fs::exists(fs::symlink_status(marker, status_error))) {
            continue; // not made by unrest, or its writer is committing it: not ours to touch
        }
        if (lock_is_stale(marker)) {
            std::error_code ignored;
            fs::remove_all(p, ignored);
        } else {
            const std::string holder = lock_holder(marker);
            live.push_back(holder.empty() ? std::string("another process") : holder);
        }
    }
    return live;
}

OutputDirectory OutputDirectory::prepare(const fs::path& final_dir, const OutputRules& rules) {
    const fs::path target = resolve_output_path(final_dir);
    check_output_target(final_dir, target, rules);
    try {
        fs::create_directories(target.parent_path());
        const fs::path temp =
            make_unique_directory(fmt::format("{}.tmp-{}-", target.string(), ::getpid()));
        std::optional<FileLock> marker;
        try {
            marker.emplace(FileLock::create_locked(temp / temp_marker_name));
        } catch (...) {
            std::error_code ignored;
            fs::remove_all(temp, ignored);
            throw;
        }
        OutputDirectory out(final_dir, target, temp, std::move(*marker), rules);
        // After our marker is locked: of two processes starting at once, at least one sees the
        // other's marker.
        const std::vector<std::string> live =
            clean_temporaries(target.parent_path(), target.filename().string() + ".tmp-", temp);
        if (!live.empty()) {
            throw OutputError(fmt::format("--out {}: another unrest process ({}) is writing this "
                                          "output; wait for it to end or choose another directory",
                                          quoted(final_dir), live.front()));
        }
        return out;
    } catch (const fs::filesystem_error& e) {
        throw OutputError(fmt::format("cannot prepare output directory {}: {}", quoted(target),
                                      e.code().message()));
    }
}

OutputDirectory::OutputDirectory(OutputDirectory&& other) noexcept
    : given_(std::move(other.given_)), final_(std::move(other.final_)),
      temp_(std::move(other.temp_)), marker_(std::move(other.marker_)),
      rules_(std::move(other.rules_)), committed_(other.committed_) {
    other.temp_.clear();
    other.marker_.reset();
    other.committed_ = true; // the moved-from object owns nothing
}

OutputDirectory& OutputDirectory::operator=(OutputDirectory&& other) noexcept {
    if (this != &other) {
        discard();
        given_ = std::move(other.given_);
        final_ = std::move(other.final_);
        temp_ = std::move(other.temp_);
        marker_ = std::move(other.marker_);
        rules_ = std::move(other.rules_);
        committed_ = other.committed_;
        other.temp_.clear();
        other.marker_.reset();
        other.committed_ = true;
    }
    return *this;
}

OutputDirectory::~OutputDirectory() {
    discard();
}

void OutputDirectory::discard() noexcept {
    if (!committed_ && !temp_.empty()) {
        std::error_code ignored;
        fs::remove_all(temp_, ignored);
    }
    marker_.reset();
}

void OutputDirectory::commit() {
    if (committed_) {
        throw OutputError(fmt::format("output directory {} already committed", quoted(final_)));
    }
    try {
        // The marker goes first so that it does not end up in the output; our lock on it holds
        // until the rename is done.
        fs::remove(temp_ / temp_marker_name);
        const fs::file_status status = fs::symlink_status(final_);
        if (fs::exists(status)) {
            if (is_empty_directory(final_)) {
                fs::remove(final_);
            } else if (fs::is_directory(status) && rules_.force &&
                       holds_unrest_manifest(final_, rules_.kind)) {
                fs::remove_all(final_);
            } else {
                throw OutputError(fmt::format(
                    "--out {}: the directory appeared meanwhile and is not empty; left as it is",
                    quoted(given_)));
            }
        }
        fs::rename(temp_, final_);
    } catch (const fs::filesystem_error& e) {
        throw OutputError(fmt::format("cannot move {} to {}: {}", quoted(temp_), quoted(final_),
                                      e.code().message()));
    }
    committed_ = true;
    marker_.reset();
}

void write_file_atomically(const fs::path& file, std::string_view contents) {
    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        out.close();
        if (!out) {
            const int error = errno;
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw OutputError(fmt::format("cannot write {}: {}", quoted(temp), errno_text(error)));
        }
    }
    std::error_code error;
    fs::rename(temp, file, error);
    if (error) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw OutputError(
            fmt::format("cannot rename {} to {}: {}", quoted(temp), quoted(file), error.message()));
    }
}

} // namespace unrest
