// A progress bar on stderr with rate and ETA, drawn only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace unrest {

class ProgressBar {
public:
    // `enabled` false (or stderr not a terminal) makes every call a no-op.
    ProgressBar(std::string label, std::int64_t total, std::string unit, bool enabled);
    // `note` is shown after the counts (e.g. "3 failed").
    void update(std::int64_t done, const std::string& note = {});
    void finish();

private:
    std::string label_;
    std::int64_t total_;
    std::string unit_;
    bool enabled_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

} // namespace unrest
