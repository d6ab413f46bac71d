#include "sweep_memory.hpp"

#include "../engine/memory_estimate.hpp"
#include "../run/memory_budget.hpp"
#include "../scenario/load.hpp"
#include "design.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <optional>
#include <set>

namespace unrest {

namespace {

// The overrides of the baseline with axis `axis` (if any) set to `value`.
std::vector<std::string> candidate(const SweepSpec& spec, std::size_t axis,
                                   const std::string& value) {
    std::vector<std::string> overrides;
    for (const SweepFixed& f : spec.fixed) {
        overrides.push_back(fmt::format("{}={}", f.key, f.value));
    }
    for (std::size_t j = 0; j < spec.axes.size(); ++j) {
        const SweepAxis& a = spec.axes[j];
        const std::string first =
            a.kind == SweepAxis::Kind::list ? a.values.front() : format_value(a.low, a.integer);
        overrides.push_back(fmt::format("{}={}", a.key, j == axis ? value : first));
    }
    return overrides;
}

// The values of an axis whose estimates bound the others' (the estimate grows with the grid and
// the densities): the smallest and largest of numbers, every distinct value of anything else
// (a list of names: a handful).
std::vector<std::string> extreme_values(const SweepAxis& axis) {
    if (axis.kind != SweepAxis::Kind::list) {
        return {format_value(axis.low, axis.integer), format_value(axis.high, axis.integer)};
    }
    std::optional<std::pair<double, std::string>> low;
    std::optional<std::pair<double, std::string>> high;
    std::set<std::string> names;
    for (const std::string& v : axis.values) {
        double x = 0.0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (ec != std::errc() || end != v.data() + v.size()) {
            names.insert(v);
            continue;
        }
        if (!low || x < low->first) {
            low.emplace(x, v);
        }
        if (!high || x > high->first) {
            high.emplace(x, v);
        }
    }
    std::vector<std::string> out(names.begin(), names.end());
    if (low) {
        out.push_back(low->second);
        out.push_back(high->second);
    }
    return out;
}

} // namespace

std::uint64_t sweep_bookkeeping_bytes(const SweepPlan& plan) {
    const SweepSpec& spec = plan.spec();
    std::uint64_t bytes = static_cast<std::uint64_t>(plan.runs()) * 16; // the journal's index
    if (spec.design != SweepDesign::grid) {
        // One vector of coordinates per point.
        bytes += static_cast<std::uint64_t>(plan.points()) * (32 + 8 * spec.axes.size());
    }
    return bytes;
}

std::string sweep_memory_problem(const SweepPlan& plan, const ScenarioSource& scenario,
                                 int runs_at_once) {
    const SweepSpec& spec = plan.spec();
    std::uint64_t largest = 0;
    std::string largest_what;
    const auto consider = [&](const std::vector<std::string>& overrides) {
        try {
            const Scenario s = load_scenario_text(scenario.text, scenario.file, overrides);
            const MemoryEstimate e = estimate_scenario_memory(s);
            if (e.bytes > largest) {
                largest = e.bytes;
                largest_what = scenario_memory_breakdown(s);
            }
        } catch (const ScenarioError&) {
            // A value the scenario refuses fails its own run; it allocates nothing.
        }
    };
    consider(candidate(spec, spec.axes.size(), ""));
    for (std::size_t j = 0; j < spec.axes.size(); ++j) {
        for (const std::string& v : extreme_values(spec.axes[j])) {
            consider(candidate(spec, j, v));
        }
    }
    const std::uint64_t bookkeeping = sweep_bookkeeping_bytes(plan);
    const std::uint64_t needed = static_cast<std::uint64_t>(runs_at_once) * largest + bookkeeping;
    const std::string shortfall = memory_shortfall(
        needed,
        fmt::format("{} runs at once, the largest {} ({}); the plan of {} runs {}", runs_at_once,
                    format_bytes(largest), largest_what, plan.runs(), format_bytes(bookkeeping)));
    if (shortfall.empty()) {
        return {};
    }
    return shortfall + "; run fewer at once (--jobs), or make the runs or the design smaller";
}

} // namespace unrest
