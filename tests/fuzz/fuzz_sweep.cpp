// libFuzzer target: the sweep loader on arbitrary bytes. The loader resolves `scenario:` against
// the sweep file's folder and loads that scenario from disk, so the target first lays out a
// temporary folder like the repository's:
//   DIR/epstein2002/run2.yaml   a copy of scenarios/epstein2002/run2.yaml
//   DIR/sweeps/fuzz.yaml        the name the input is loaded under (never written)
// so that `scenario: ../epstein2002/run2.yaml`, as in the shipped sweeps, resolves. A sweep that
// loads is also planned (every run derived) when it is small: a spec the loader accepts must be
// one the runner can use. ScenarioError is the documented answer to bad input; anything else that
// escapes is a finding.
#include "sim/scenario/load.hpp"
#include "sim/sweep/run_plan.hpp"
#include "sim/sweep/runs_table.hpp"
#include "sim/sweep/sweep_spec.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

// Sweeps of more runs are loaded but not planned: planning a million-point design takes seconds,
// which would read as a hang, and reaches no code a small one does not.
constexpr std::int64_t max_planned_runs = 1000;

// The temporary folder, removed when the program exits normally.
class Layout {
public:
    Layout() {
        std::string pattern = (fs::temp_directory_path() / "unrest-fuzz-sweep-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::perror("fuzz_sweep: mkdtemp");
            std::abort();
        }
        dir_ = pattern;
        fs::create_directories(dir_ / "epstein2002");
        fs::create_directories(dir_ / "sweeps");
        fs::copy_file(fs::path(UNREST_SOURCE_DIR) / "scenarios/epstein2002/run2.yaml",
                      dir_ / "epstein2002/run2.yaml");
        sweep_file_ = (dir_ / "sweeps/fuzz.yaml").string();
    }
    ~Layout() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

    const std::string& sweep_file() const { return sweep_file_; }

private:
    fs::path dir_;
    std::string sweep_file_;
};

const Layout& layout() {
    static const Layout l;
    return l;
}

// The number of design points, without building the design.
std::int64_t points(const unrest::SweepSpec& spec) {
    if (spec.design != unrest::SweepDesign::grid) {
        return spec.points;
    }
    std::int64_t n = 1;
    for (const unrest::SweepAxis& axis : spec.axes) {
        n *= axis.kind == unrest::SweepAxis::Kind::list
                 ? static_cast<std::int64_t>(axis.values.size())
                 : axis.count;
    }
    return n;
}

void plan(const unrest::SweepSpec& spec) {
    if (points(spec) * static_cast<std::int64_t>(spec.seeds.size()) > max_planned_runs) {
        return;
    }
    const unrest::SweepPlan sweep_plan(spec);
    const unrest::RunsTable table(spec);
    for (std::int64_t id = 0; id < sweep_plan.runs(); ++id) {
        const unrest::RunPlan run = sweep_plan.run(id);
        (void)unrest::run_overrides(spec, run);
        (void)table.row_line(run, unrest::RunOutcome{});
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    (void)layout();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        plan(unrest::load_sweep_text(text, layout().sweep_file()));
    } catch (const unrest::ScenarioError&) {
        // Refused with a message: what bad input should get.
    }
    return 0;
}
