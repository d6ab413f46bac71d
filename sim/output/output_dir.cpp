#include "output_dir.hpp"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace unrest {
namespace detail {
namespace {

// Distinguishes temporary directories made by one process.
std::atomic<unsigned long> temp_counter{0};

std::string quoted(const fs::path& p) {
    return fmt::format("'{}'", p.string());
}

bool is_empty_directory(const fs::path& dir) {
    return fs::is_directory(dir) && fs::directory_iterator(dir) == fs::directory_iterator();
}

// "out/run/" names the directory "out/run": drop the trailing separator.
fs::path without_trailing_separator(fs::path p) {
    while (!p.has_filename() && p.has_parent_path() && p != p.root_path()) {
        p = p.parent_path();
    }
    return p;
}

} // namespace
} // namespace detail

OutputDirectory::OutputDirectory(fs::path final_dir, fs::path temp, bool force)
    : final_(std::move(final_dir)), temp_(std::move(temp)), force_(force) {}

void remove_stale_temporaries(const fs::path& final_dir) {
    const fs::path parent = final_dir.has_parent_path() ? final_dir.parent_path() : fs::path(".");
    const std::string prefix = final_dir.filename().string() + ".tmp-";
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(parent, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) {
            continue;
        }
        // "<name>.tmp-<pid>-<n>": stale when process <pid> no longer exists.
        const std::string rest = name.substr(prefix.size());
        long pid = 0;
        const auto [ptr, parsed] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
        if (parsed != std::errc() || ptr == rest.data() || *ptr != '-' || pid <= 0) {
            continue;
        }
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            fs::remove_all(e.path(), ec);
        }
    }
}

OutputDirectory OutputDirectory::prepare(const fs::path& final_dir, bool force) {
    const fs::path target = detail::without_trailing_separator(final_dir);
    if (target.empty() || !target.has_filename()) {
        throw OutputError(fmt::format("invalid output directory {}", detail::quoted(final_dir)));
    }
    try {
        if (fs::exists(target)) {
            if (!fs::is_directory(target)) {
                throw OutputError(fmt::format("output path {} exists and is not a directory",
                                              detail::quoted(target)));
            }
            if (!detail::is_empty_directory(target) && !force) {
                throw OutputError(fmt::format(
                    "output directory {} exists and is not empty; pass --force to replace it",
                    detail::quoted(target)));
            }
        }
        if (target.has_parent_path()) {
            fs::create_directories(target.parent_path());
        }
        remove_stale_temporaries(target);
        const std::string base = fmt::format("{}.tmp-{}-", target.string(), ::getpid());
        for (;;) {
            fs::path temp = fmt::format("{}{}", base, detail::temp_counter++);
            if (fs::create_directory(temp)) { // false: it already exists, try the next number
                return OutputDirectory(target, std::move(temp), force);
            }
        }
    } catch (const fs::filesystem_error& e) {
        throw OutputError(fmt::format("cannot prepare output directory {}: {}",
                                      detail::quoted(target), e.code().message()));
    }
}

OutputDirectory::OutputDirectory(OutputDirectory&& other) noexcept
    : final_(std::move(other.final_)), temp_(std::move(other.temp_)), force_(other.force_),
      committed_(other.committed_) {
    other.temp_.clear();
    other.committed_ = true; // the moved-from object owns nothing
}

OutputDirectory& OutputDirectory::operator=(OutputDirectory&& other) noexcept {
    if (this != &other) {
        discard();
        final_ = std::move(other.final_);
        temp_ = std::move(other.temp_);
        force_ = other.force_;
        committed_ = other.committed_;
        other.temp_.clear();
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
}

void OutputDirectory::commit() {
    if (committed_) {
        throw OutputError(
            fmt::format("output directory {} already committed", detail::quoted(final_)));
    }
    try {
        if (fs::exists(final_)) {
            if (detail::is_empty_directory(final_)) {
                fs::remove(final_);
            } else if (force_) {
                fs::remove_all(final_);
            } else {
                throw OutputError(fmt::format(
                    "output directory {} appeared and is not empty; pass --force to replace it",
                    detail::quoted(final_)));
            }
        }
        fs::rename(temp_, final_);
    } catch (const fs::filesystem_error& e) {
        throw OutputError(fmt::format("cannot move {} to {}: {}", detail::quoted(temp_),
                                      detail::quoted(final_), e.code().message()));
    }
    committed_ = true;
}

void write_file_atomically(const fs::path& file, std::string_view contents) {
    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw OutputError(fmt::format("cannot write {}", detail::quoted(temp)));
        }
    }
    std::error_code error;
    fs::rename(temp, file, error);
    if (error) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw OutputError(fmt::format("cannot rename {} to {}: {}", detail::quoted(temp),
                                      detail::quoted(file), error.message()));
    }
}

} // namespace unrest
