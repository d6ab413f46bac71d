// libFuzzer target: the scenario loader on arbitrary bytes. A ScenarioError is the loader's
// documented answer to bad input; anything else that escapes (another exception, a crash, a
// sanitizer report, a leak, a hang) is a finding.
#include "sim/scenario/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        unrest::load_scenario_text(text, "fuzz.yaml");
    } catch (const unrest::ScenarioError&) {
        // Refused with a message: what bad input should get.
    }
    return 0;
}
