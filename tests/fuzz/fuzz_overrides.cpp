// libFuzzer target: the --set override parser and the flags applied after it (--seed, --ticks).
// The input is text:
//   key.path=value        one --set override per line, up to the first empty line
//   (empty line)
//   --flag=value          one flag per line after it: --seed and --ticks set seed and ticks, as
//                         `unrest run` passes them; any other --NAME sets the key NAME
// Each input is applied to two fixed valid scenarios: one with schedules to index into, one with
// the shorthand `legitimacy: 0.82`. ScenarioError is the documented answer to a bad override;
// anything else that escapes is a finding.
#include "sim/scenario/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* with_schedules = R"(name: fuzz-base
ticks: 100
grid: {width: 20, height: 20}
population: {citizen_density: 0.7, cop_density: 0.04}
vision: {radius: 3, shape: disc}
legitimacy:
  initial: 0.8
  changes:
    - {at: 50, set: 0.6}
    - {from: 60, to: 80, ramp_to: 0.9}
cops:
  density_changes:
    - {at: 20, set: 0.05}
jail: {max_term: 30}
)";

constexpr const char* shorthand = "name: fuzz-short\nticks: 10\nlegitimacy: 0.82\n";

// A cap on the overrides taken from one input: the parser's cost is per override, and more do
// not reach new code.
constexpr std::size_t max_lines = 64;

struct Input {
    std::vector<std::string> overrides;
    std::vector<unrest::FlagOverride> flags;
};

Input split(std::string_view text) {
    Input in;
    bool in_flags = false;
    while (!text.empty() && in.overrides.size() + in.flags.size() < max_lines) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!in_flags && line.empty()) {
            in_flags = true;
        } else if (!in_flags) {
            in.overrides.emplace_back(line);
        } else {
            // "--NAME=VALUE"; without "=", the whole line is the name and the value is empty.
            std::string_view name = line.substr(0, line.find('='));
            const std::string_view value =
                name.size() < line.size() ? line.substr(name.size() + 1) : std::string_view();
            const std::string flag(name);
            if (name.starts_with("--")) {
                name.remove_prefix(2);
            }
            in.flags.push_back({flag, std::string(name), std::string(value)});
        }
    }
    return in;
}

void load(const char* base, const Input& in) {
    try {
        unrest::load_scenario_text(base, "s.yaml", in.overrides, in.flags);
    } catch (const unrest::ScenarioError&) {
        // Refused with a message: what a bad override should get.
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Input in = split(std::string_view(reinterpret_cast<const char*>(data), size));
    load(with_schedules, in);
    load(shorthand, in);
    return 0;
}
