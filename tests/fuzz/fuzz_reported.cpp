// libFuzzer target: the reported-figures loader on arbitrary bytes (docs/reported_figures.md),
// then, for a file it accepts, the comparison with a small hand-made run of two regions in two
// time zones (every quantity, kind and window reaches the arithmetic). ScenarioError is the
// loader's documented answer to bad input; anything else that escapes is a finding.
#include "sim/output/comparison.hpp"
#include "sim/scenario/load.hpp"
#include "sim/scenario/reported_figures.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace {

// 2022-01-02T00:00 at +06:00; 6-hour ticks; regions "east" (+06:00) and "west" (+05:00).
unrest::OutputLayout layout() {
    unrest::OutputLayout l;
    l.regions = {{"east", 360, 100}, {"west", 300, 100}};
    l.calendar.enabled = true;
    l.calendar.start = 1641060000;
    l.calendar.utc_offset_minutes = 360;
    l.calendar.tick_seconds = 6 * 3600;
    return l;
}

void compare(const unrest::ReportedFigures& figures) {
    unrest::CompareSettings settings;
    settings.figures = std::make_shared<const unrest::ReportedFigures>(figures);
    settings.regions = {{"both", {"east", "west"}}};
    const unrest::OutputLayout l = layout();
    unrest::ComparisonAccumulator acc(settings, l);
    for (unrest::Tick t = 0; t <= 12; ++t) {
        std::vector<unrest::TickRecord> records(2);
        for (int r = 0; r < 2; ++r) {
            unrest::TickRecord& rec = records[static_cast<std::size_t>(r)];
            rec.tick = t;
            rec.region = r;
            const auto n = static_cast<std::int64_t>(t);
            rec.arrests = n;
            rec.detained = n * (n + 1) / 2;
            rec.active = 10 * n;
            rec.damage_usd = 1.5 * static_cast<double>(n);
            rec.sites_seized = n / 4;
        }
        acc.add(records);
    }
    const std::vector<unrest::ComparisonRow> rows = acc.finish();
    (void)unrest::comparison_csv(rows);
    (void)unrest::comparison_table(acc.shown_rows(rows));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    (void)unrest::is_reported_figures_text(text, "fuzz.yaml");
    try {
        compare(unrest::load_reported_figures_text(text, "fuzz.yaml"));
    } catch (const unrest::ScenarioError&) {
        // Refused with a message: what bad input should get.
    }
    return 0;
}
