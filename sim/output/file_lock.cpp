#include "file_lock.hpp"

#include "error.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace fs = std::filesystem;

namespace unrest {

namespace {

std::atomic<unsigned long> new_lock_counter{0};

std::string holder_record() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) {
        host[0] = '\0';
    }
    return host[0] != '\0' ? fmt::format("pid {} on host {}\n", ::getpid(), host)
                           : fmt::format("pid {}\n", ::getpid());
}

[[noreturn]] void fail(const fs::path& file, const char* what) {
    throw OutputError(
        fmt::format("cannot {} lock file '{}': {}", what, file.string(), std::strerror(errno)));
}

int open_lock_file(const fs::path& file, int flags) {
    int fd = -1;
    do {
        fd = ::open(file.c_str(), flags | O_CLOEXEC | O_NOFOLLOW, 0644);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

bool lock_now(int fd, int how) {
    int rc = -1;
    do {
        rc = ::flock(fd, how | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    return rc == 0;
}

} // namespace

std::optional<FileLock> FileLock::try_lock(const fs::path& file, std::string* holder) {
    const int fd = open_lock_file(file, O_RDWR | O_CREAT);
    if (fd < 0) {
        fail(file, "open");
    }
    if (!lock_now(fd, LOCK_EX)) {
        const int error = errno;
        ::close(fd);
        if (error != EWOULDBLOCK) {
            errno = error;
            fail(file, "lock");
        }
        if (holder != nullptr) {
            *holder = lock_holder(file);
        }
        return std::nullopt;
    }
    FileLock lock(file, fd);
    lock.write_holder();
    return lock;
}

FileLock FileLock::create_locked(const fs::path& file) {
    const fs::path temp =
        fmt::format("{}.new-{}-{}", file.string(), ::getpid(), new_lock_counter++);
    const int fd = open_lock_file(temp, O_RDWR | O_CREAT | O_EXCL);
    if (fd < 0) {
        fail(temp, "create");
    }
    if (!lock_now(fd, LOCK_EX)) { // nobody else knows the name yet: cannot be held
        const int error = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        errno = error;
        fail(temp, "lock");
    }
    FileLock lock(temp, fd);
    lock.write_holder();
    if (::rename(temp.c_str(), file.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        errno = error;
        fail(file, "create");
    }
    lock.path_ = file;
    return lock;
}

FileLock::FileLock(FileLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        unlock();
        path_ = std::move(other.path_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

FileLock::~FileLock() {
    unlock();
}

void FileLock::unlock() noexcept {
    if (fd_ >= 0) {
        ::close(fd_); // closing the only descriptor releases the flock
        fd_ = -1;
    }
}

void FileLock::write_holder() noexcept {
    const std::string record = holder_record();
    if (::ftruncate(fd_, 0) == 0) {
        // Best effort: the lock is what matters, the record only names its holder.
        [[maybe_unused]] const ssize_t written = ::pwrite(fd_, record.data(), record.size(), 0);
    }
}

bool FileLock::reserve(std::uint64_t bytes) noexcept {
    if (fd_ < 0) {
        return false;
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || static_cast<std::uint64_t>(st.st_size) >= bytes) {
        return false;
    }
    return ::posix_fallocate(fd_, st.st_size,
                             static_cast<off_t>(bytes - static_cast<std::uint64_t>(st.st_size))) ==
           0;
}

void FileLock::release_reserve() noexcept {
    if (fd_ >= 0) {
        write_holder(); // truncates to the holder record
    }
}

std::string lock_holder(const fs::path& file) {
    const int fd = open_lock_file(file, O_RDONLY);
    if (fd < 0) {
        return {};
    }
    char buffer[512] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    ::close(fd);
    if (n <= 0) {
        return {};
    }
    std::string text(buffer, static_cast<std::size_t>(n));
    text = text.substr(0, text.find_first_of(std::string("\n\0", 2)));
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
            return {}; // not a record this program wrote
        }
    }
    return text;
}

bool lock_is_stale(const fs::path& file) {
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return false;
    }
    const int fd = open_lock_file(file, O_RDONLY);
    if (fd < 0) {
        return false;
    }
    // A shared lock: it fails while the writer holds its exclusive one, and two processes
    // probing at once do not mistake each other for a writer.
    const bool free = lock_now(fd, LOCK_SH);
    ::close(fd);
    return free;
}

} // namespace unrest
