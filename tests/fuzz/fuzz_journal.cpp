// libFuzzer target: reading back a sweep's journal (runs.journal.csv), as `unrest sweep --resume`
// does, with the header, run count and row check of a small real sweep (12 runs: a list axis and
// a linear range, 2 replicate seeds, 2 metrics). JournalError is the documented answer to a
// journal that is not this sweep's; anything else that escapes is a finding, and so is an index
// that RunJournal could not use (it cuts the file at whole_bytes and copies rows by offset).
#include "sim/sweep/run_journal.hpp"
#include "sim/sweep/run_plan.hpp"
#include "sim/sweep/runs_table.hpp"
#include "sim/sweep/sweep_spec.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

unrest::SweepSpec make_spec() {
    unrest::SweepSpec spec;
    spec.file = "fuzz_sweep.yaml";
    spec.scenario_file = "run2.yaml"; // never read: the plan needs only the axes and seeds
    unrest::SweepAxis legitimacy;
    legitimacy.key = "legitimacy.initial";
    legitimacy.kind = unrest::SweepAxis::Kind::list;
    legitimacy.values = {"0.7", "0.9"};
    unrest::SweepAxis cops;
    cops.key = "population.cop_density";
    cops.kind = unrest::SweepAxis::Kind::linear;
    cops.low = 0.02;
    cops.high = 0.06;
    cops.count = 3;
    spec.axes = {legitimacy, cops};
    spec.seeds = {1, 5};
    spec.metrics = {"outbursts.count", "final.jailed"};
    return spec;
}

struct Sweep {
    Sweep() = default;
    Sweep(const Sweep&) = delete; // `check` points at this one's plan and table
    Sweep& operator=(const Sweep&) = delete;

    unrest::SweepSpec spec = make_spec();
    unrest::SweepPlan plan{spec};
    unrest::RunsTable table{spec};
    std::string header = table.header_line();
    // As sim/sweep/sweep_runner.cpp checks a row read back against the plan.
    unrest::JournalRowCheck check = [this](std::int64_t id, const std::vector<std::string>& f) {
        return table.row_problem(plan.run(id), f);
    };
};

const Sweep& sweep() {
    static const Sweep s;
    return s;
}

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz_journal: unusable index: %s\n", what);
    std::abort();
}

// What RunJournal relies on: one entry per run, `done` of them filled, each a whole line
// ("\n"-terminated) after the header and within whole_bytes, which is itself within the input.
void check_index(const unrest::JournalIndex& index, const std::string& text, std::int64_t runs,
                 std::size_t header_size) {
    if (static_cast<std::int64_t>(index.rows.size()) != runs) {
        broken("rows.size() != runs");
    }
    if (index.whole_bytes < 0 || static_cast<std::size_t>(index.whole_bytes) > text.size()) {
        broken("whole_bytes outside the input");
    }
    std::int64_t done = 0;
    for (const unrest::JournalIndex::Row& row : index.rows) {
        if (row.offset < 0) {
            continue;
        }
        ++done;
        if (static_cast<std::size_t>(row.offset) < header_size || row.length <= 0 ||
            row.offset + row.length > index.whole_bytes ||
            text[static_cast<std::size_t>(row.offset + row.length - 1)] != '\n') {
            broken("a row that is not a whole line after the header");
        }
    }
    if (done != index.done) {
        broken("done does not count the rows");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    (void)sweep();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Sweep& s = sweep();
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::istringstream in(text);
    try {
        const unrest::JournalIndex index =
            unrest::read_journal(in, "runs.journal.csv", s.header, s.plan.runs(), s.check);
        check_index(index, text, s.plan.runs(), s.header.size());
    } catch (const unrest::JournalError&) {
        // Refused with a message: what a journal that is not this sweep's should get.
    }
    return 0;
}
