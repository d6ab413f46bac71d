#include "memory_budget.hpp"

#include "../engine/memory_estimate.hpp"
#include "../engine/simulation_spec.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <sys/resource.h>

namespace unrest {

namespace {

void consider(std::optional<MemoryBudget>& budget, std::uint64_t bytes, const char* source) {
    if (!budget || bytes < budget->bytes) {
        budget = MemoryBudget{bytes, source};
    }
}

std::optional<std::uint64_t> mem_available() {
    std::ifstream in("/proc/meminfo");
    std::string key;
    std::uint64_t kib = 0;
    std::string unit;
    while (in >> key >> kib >> unit) {
        if (key == "MemAvailable:") {
            return kib * 1024;
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> read_number(const char* file) {
    std::ifstream in(file);
    std::string text;
    if (!(in >> text) || text == "max") {
        return std::nullopt;
    }
    return parse_size(text);
}

// The room left under this process's cgroup v2 memory limit, if it has one.
std::optional<std::uint64_t> cgroup_room() {
    std::ifstream in("/proc/self/cgroup");
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with("0::")) {
            continue;
        }
        const std::string dir = "/sys/fs/cgroup" + line.substr(3);
        const auto max = read_number((dir + "/memory.max").c_str());
        const auto current = read_number((dir + "/memory.current").c_str());
        if (max && current) {
            return *max > *current ? *max - *current : 0;
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> resource_limit(int resource) {
    ::rlimit limit{};
    if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(limit.rlim_cur);
}

} // namespace

std::optional<std::uint64_t> parse_size(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) != 0)) {
        ++i;
    }
    if (i == 0) {
        return std::nullopt;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t first = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) != 0)) {
            ++i;
        }
        if (i == first) {
            return std::nullopt;
        }
    }
    const double number = std::strtod(text.substr(0, i).c_str(), nullptr);
    std::string unit = text.substr(i);
    for (char& c : unit) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    double scale = 1.0;
    if (!unit.empty() && unit != "B") {
        static constexpr const char* prefixes = "KMGT";
        const char* at = std::char_traits<char>::find(prefixes, 4, unit[0]);
        const std::string rest = unit.substr(1);
        if (at == nullptr || !(rest.empty() || rest == "B" || rest == "IB")) {
            return std::nullopt;
        }
        scale = std::pow(1024.0, static_cast<double>(at - prefixes + 1));
    }
    const double bytes = number * scale;
    if (!(bytes < 1.8e19)) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(std::llround(bytes));
}

std::optional<MemoryBudget> memory_budget() {
    std::optional<MemoryBudget> budget;
    if (const auto available = mem_available()) {
        consider(budget, *available, "MemAvailable in /proc/meminfo");
    }
    if (const auto room = cgroup_room()) {
        consider(budget, *room, "the room left under the cgroup's memory.max");
    }
    if (const auto as = resource_limit(RLIMIT_AS)) {
        consider(budget, *as, "the address-space limit (ulimit -v)");
    }
    if (const auto data = resource_limit(RLIMIT_DATA)) {
        consider(budget, *data, "the data-segment limit (ulimit -d)");
    }
    if (const char* limit = std::getenv("UNREST_MEMORY_LIMIT"); limit != nullptr) {
        const auto bytes = parse_size(limit);
        if (!bytes) {
            throw std::invalid_argument(fmt::format(
                "UNREST_MEMORY_LIMIT='{}': expected a size such as 2G, 512M or 1000000 (bytes)",
                limit));
        }
        consider(budget, *bytes, "UNREST_MEMORY_LIMIT");
    }
    return budget;
}

std::string memory_shortfall(std::uint64_t needed, const std::string& what) {
    const std::optional<MemoryBudget> budget = memory_budget();
    if (!budget || needed <= budget->bytes) {
        return {};
    }
    return fmt::format("needs about {} of memory ({}), more than the {} available ({})",
                       format_bytes(needed), what, format_bytes(budget->bytes), budget->source);
}

std::string run_memory_breakdown(const ModelConfig& model) {
    const MemoryEstimate e = estimate_memory(model);
    return fmt::format("{} x {} = {} cells at {} B, {} agents at {} B, and {}", model.grid.width,
                       model.grid.height, e.cells, memory_bytes_per_cell, e.agents,
                       memory_bytes_per_agent, format_bytes(memory_bytes_fixed));
}

MemoryEstimate estimate_scenario_memory(const Scenario& scenario) {
    if (scenario.regions.size() <= 1) {
        return estimate_memory(scenario.regions.empty() ? scenario.model
                                                        : scenario.regions.front().model);
    }
    SimulationSpec spec;
    for (const RegionSpec& r : scenario.regions) {
        spec.regions.push_back({r.name, r.model});
    }
    return estimate_memory(spec);
}

std::string scenario_memory_breakdown(const Scenario& scenario) {
    if (scenario.regions.size() <= 1) {
        return run_memory_breakdown(scenario.regions.empty() ? scenario.model
                                                             : scenario.regions.front().model);
    }
    const MemoryEstimate e = estimate_scenario_memory(scenario);
    return fmt::format("{} regions: {} cells at {} B, {} agents at {} B, and {}",
                       scenario.regions.size(), e.cells, memory_bytes_per_cell, e.agents,
                       memory_bytes_per_agent, format_bytes(memory_bytes_fixed));
}

std::string run_memory_problem(const Scenario& scenario) {
    const std::string shortfall = memory_shortfall(estimate_scenario_memory(scenario).bytes,
                                                   scenario_memory_breakdown(scenario));
    if (shortfall.empty()) {
        return {};
    }
    return shortfall + "; make grid.width x grid.height or the densities smaller";
}

std::string format_bytes(std::uint64_t bytes) {
    static constexpr const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    auto value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, units[unit]);
}

} // namespace unrest
