#include "progress.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace unrest {

ProgressBar::ProgressBar(std::string label, std::int64_t total, std::string unit, bool enabled)
    : label_(std::move(label)), total_(total), unit_(std::move(unit)),
      enabled_(enabled && isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::update(std::int64_t done, const std::string& note) {
    if (!enabled_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) {
        return;
    }
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
    constexpr int width = 30;
    const double frac = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    const int filled = std::clamp(static_cast<int>(frac * width), 0, width);
    fmt::print(stderr, "\r{} [{}{}] {}/{} {}{}{} {:.1f} {}/s ETA {:.0f}s  ", label_,
               std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(width - filled), '.'), done, total_, unit_,
               note.empty() ? "" : ", ", note, rate, unit_, eta);
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (enabled_) {
        update(total_);
        fmt::print(stderr, "\n");
    }
}

} // namespace unrest
