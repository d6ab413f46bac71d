#include "run_writer.hpp"

#include "dictionary.hpp"
#include "error.hpp"
#include "metrics.hpp"
#include "output_dir.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

namespace {

std::ofstream create(const std::filesystem::path& dir, const char* name) {
    std::ofstream out(dir / name, std::ios::binary);
    if (!out) {
        throw OutputError(
            fmt::format("{}: could not create {}: {}", dir.string(), name, std::strerror(errno)));
    }
    return out;
}

void close(std::ofstream& out, const std::filesystem::path& dir, const char* name) {
    out.close();
    if (!out) {
        throw OutputError(
            fmt::format("{}: could not write {}: {}", dir.string(), name, std::strerror(errno)));
    }
}

} // namespace

struct RunWriter::Files {
    std::ofstream timeseries_file;
    std::ofstream events_file;
    std::optional<TimeseriesCsvWriter> timeseries;
    std::optional<EventsCsvWriter> events;
    std::optional<DailyAccumulator> daily;
};

RunWriter::RunWriter(OutputLayout layout, std::optional<std::filesystem::path> dir)
    : layout_(std::make_unique<const OutputLayout>(std::move(layout))), dir_(std::move(dir)),
      summary_(*layout_) {
    if (!dir_) {
        return;
    }
    files_ = std::make_unique<Files>();
    files_->timeseries_file = create(*dir_, "timeseries.csv");
    files_->timeseries.emplace(files_->timeseries_file, *layout_);
    files_->events_file = create(*dir_, "events.csv");
    files_->events.emplace(files_->events_file, *layout_);
    if (layout_->has_calendar()) {
        files_->daily.emplace(*layout_);
    }
}

RunWriter::~RunWriter() = default;

void RunWriter::add_tick(std::span<const TickRecord> records, std::span<const EventRecord> events) {
    if (records.size() != layout_->regions.size()) {
        throw std::invalid_argument(fmt::format("RunWriter: {} records for {} regions",
                                                records.size(), layout_->regions.size()));
    }
    const Tick tick = records.front().tick;
    if (last_tick_ ? tick != *last_tick_ + 1 : tick != 0) {
        throw std::invalid_argument(
            fmt::format("RunWriter: tick {} after {}", tick,
                        last_tick_ ? fmt::format("{}", *last_tick_) : std::string("none")));
    }
    scaled_.clear();
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].region != static_cast<int>(i) || records[i].tick != tick) {
            throw std::invalid_argument(
                fmt::format("RunWriter: record {} is of region {} tick {}, expected region {} "
                            "tick {}",
                            i, records[i].region, records[i].tick, i, tick));
        }
        scaled_.push_back(scale_to_persons(records[i], layout_->persons_per_agent));
    }
    last_tick_ = tick;
    summary_.add(scaled_);
    if (files_) {
        files_->timeseries->write(scaled_);
        files_->events->write(events);
        if (files_->daily) {
            files_->daily->add(scaled_);
        }
    }
}

nlohmann::ordered_json RunWriter::finish() {
    if (files_) {
        close(files_->timeseries_file, *dir_, "timeseries.csv");
        close(files_->events_file, *dir_, "events.csv");
        if (files_->daily) {
            std::ofstream daily = create(*dir_, "daily.csv");
            files_->daily->write(daily);
            close(daily, *dir_, "daily.csv");
        }
        write_file_atomically(*dir_ / "dictionary.json", dictionary_json(*layout_).dump(2) + "\n");
        if (!sites_.empty()) {
            std::ofstream sites = create(*dir_, "sites.csv");
            write_sites_csv(sites, sites_);
            close(sites, *dir_, "sites.csv");
        }
        files_.reset();
    }
    return summary_.finish();
}

std::vector<std::string> RunWriter::files() const {
    return dir_ ? per_tick_file_names(*layout_) : std::vector<std::string>{};
}

} // namespace unrest
