// `unrest run`: simulate one scenario and write its outputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unrest::cli {

struct RunOptions {
    std::string scenario_file;
    std::string out_dir;
    std::optional<std::string> seed;  // parsed strictly by run_flag_overrides: [0, 2^64)
    std::optional<std::string> ticks; // parsed strictly by run_flag_overrides: [0, max_ticks]
    std::optional<int> threads;
    std::vector<std::string> overrides; // --set key.path=value
    // --snapshot-every: a duration or a tick count, checked by snapshot_interval (run_flags.hpp)
    std::optional<std::string> snapshot_every;
    bool force = false;
    bool quiet = false;
    bool check = false;   // check invariants after every tick
    bool profile = false; // print the time per phase of the tick to stderr at the end
    std::string command_line;
};

// Returns the process exit status: 0 done, 2 bad input, 1 a failure while running.
int run_command(const RunOptions& options);

} // namespace unrest::cli
