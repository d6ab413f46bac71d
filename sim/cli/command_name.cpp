#include "command_name.hpp"

#include "../scenario/edit_distance.hpp"
#include "../scenario/input_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string_view>

namespace unrest::cli {

std::string unknown_command_problem(int argc, const char* const* argv,
                                    const std::vector<std::string>& commands) {
    // The top level takes only flags (--help, --version): its first other argument is the
    // command.
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with('-')) {
            continue;
        }
        if (std::find(commands.begin(), commands.end(), arg) != commands.end()) {
            return {};
        }
        std::string problem = fmt::format("unknown command '{}' (commands: {})",
                                          detail::printable(arg), fmt::join(commands, ", "));
        if (const auto match = detail::closest_match(arg, commands)) {
            problem += fmt::format(", did you mean '{}'?", *match);
        }
        return problem;
    }
    return {};
}

} // namespace unrest::cli
