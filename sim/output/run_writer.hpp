// All the outputs of one run, fed tick by tick with the records of every region and the events
// applied: timeseries.csv, daily.csv (with a calendar), events.csv and dictionary.json streamed
// into a directory (when one is given), and the content of summary.json. Counts arrive in agents
// and are written in persons (layout.persons_per_agent), the scaling done once, here.
#pragma once

#include "../engine/event_record.hpp"
#include "../engine/tick_record.hpp"
#include "daily.hpp"
#include "events_csv.hpp"
#include "output_layout.hpp"
#include "sites_csv.hpp"
#include "summary.hpp"
#include "timeseries.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace unrest {

class RunWriter {
public:
    // `dir`: where the per-tick files go (created there at once); none: only the summary is kept.
    // Throws OutputError when a file cannot be created.
    RunWriter(OutputLayout layout, std::optional<std::filesystem::path> dir);
    RunWriter(const RunWriter&) = delete;
    RunWriter& operator=(const RunWriter&) = delete;
    ~RunWriter();

    // One tick: one record per region, in region order (records[i].region == i), all of the same
    // tick, ticks consecutive from 0; the events applied during that tick (none at tick 0).
    // Throws std::invalid_argument for records out of shape, OutputError when a write fails.
    void add_tick(std::span<const TickRecord> records, std::span<const EventRecord> events);

    // Closes the files (writes daily.csv and dictionary.json); returns the content of
    // summary.json. Call once, after the last tick.
    nlohmann::ordered_json finish();

    // The sites at the end of the run (site_rows): finish() writes them to sites.csv when there
    // are any (rules/sites.hpp).
    void set_sites(std::vector<SiteRow> rows) { sites_ = std::move(rows); }

    // The files written into the directory (per_tick_file_names); empty without a directory.
    std::vector<std::string> files() const;

    const OutputLayout& layout() const noexcept { return *layout_; }

private:
    struct Files;
    // On the heap: the writers keep references to the layout, which must not move.
    std::unique_ptr<const OutputLayout> layout_;
    std::optional<std::filesystem::path> dir_;
    RunSummary summary_;
    std::unique_ptr<Files> files_;
    std::vector<TickRecord> scaled_;
    std::optional<Tick> last_tick_;
    std::vector<SiteRow> sites_;
};

} // namespace unrest
