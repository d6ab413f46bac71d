// `unrest frobnicate`: a command line whose command is unknown, named as such (CLI11 would say
// "A subcommand is required"), with the closest command when one is near.
#pragma once

#include <string>
#include <vector>

namespace unrest::cli {

// For the first argument after the program that is not an option, when it is none of
// `commands`: "unknown command 'rn' (commands: run, validate, sweep, params), did you mean
// 'run'?" (the suggestion only when one is close). "" when it is a command or there is none.
std::string unknown_command_problem(int argc, const char* const* argv,
                                    const std::vector<std::string>& commands);

} // namespace unrest::cli
