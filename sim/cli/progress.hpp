// A progress bar on stderr with rate and ETA, drawn only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace unrest::cli {

class ProgressBar {
public:
    // `enabled` false (or stderr not a terminal) makes every call a no-op.
    ProgressBar(std::string label, std::int64_t total, std::string unit, bool enabled);
    void update(std::int64_t done);
    void finish();

private:
    std::string label_;
    std::int64_t total_;
    std::string unit_;
    bool enabled_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

} // namespace unrest::cli
