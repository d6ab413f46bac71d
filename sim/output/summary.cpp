#include "summary.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

const char* const outburst_definition =
    "An outburst starts at a tick with actives > threshold and continues through every following "
    "tick with actives >= threshold (a tick with exactly threshold actives continues an outburst "
    "but does not start one); it ends at the last tick before actives fall below threshold. "
    "Ticks 1..N are examined; an outburst still under way at tick N is censored and left out of "
    "the duration and total_activation statistics. duration = end - start + 1; total_activation = "
    "sum of actives over the outburst's ticks; waiting_time = next start - previous end; "
    "inter_start_interval = next start - previous start. sd is the sample standard deviation "
    "(n - 1).";

namespace {

using nlohmann::ordered_json;

ordered_json value_json(const MetricValue& value) {
    return std::visit([](auto v) { return ordered_json(v); }, value);
}

ordered_json optional_number(const std::optional<double>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

// numerator / denominator, or null when the denominator is 0.
ordered_json ratio(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) {
        return nullptr;
    }
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

ordered_json stats_json(const SampleStats& stats) {
    ordered_json j;
    j["n"] = stats.n;
    j["mean"] = optional_number(stats.mean);
    j["sd"] = optional_number(stats.sd);
    return j;
}

ordered_json outburst_json(const Outburst& o) {
    ordered_json j;
    j["start"] = o.start;
    j["end"] = o.end;
    j["duration"] = o.duration;
    j["total_activation"] = o.total_activation;
    j["peak"] = o.peak;
    j["censored"] = o.censored;
    return j;
}

} // namespace

SummaryAccumulator::SummaryAccumulator(const AnalysisSettings& analysis, std::int64_t citizens)
    : citizens_(citizens), outbursts_(analysis.outburst_threshold) {
    TickRecord zero{};
    for (const Metric& metric : metrics) {
        totals_.push_back(metric_value(metric, zero));
        std::visit([](auto& v) { v = {}; }, totals_.back());
    }
}

void SummaryAccumulator::add(const TickRecord& record) {
    last_ = record;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        std::visit(
            [&](auto& total) {
                total += std::get<std::remove_reference_t<decltype(total)>>(
                    metric_value(metrics[i], record));
            },
            totals_[i]);
    }
    if (record.tick == 0) {
        return; // the initial state: no period has been simulated yet
    }
    ++ticks_;
    sum_active_ += record.active;
    if (record.active > peak_active_) { // the first tick reaching the peak
        peak_active_ = record.active;
        peak_tick_ = record.tick;
    }
    if (record.active < quiet_tick_actives) {
        ++quiet_ticks_;
    }
    outbursts_.add(record.tick, record.active);
}

nlohmann::ordered_json SummaryAccumulator::finish() const {
    ordered_json j;
    j["ticks"] = ticks_;
    j["citizens"] = citizens_;

    ordered_json final_state;
    if (last_) {
        final_state["tick"] = last_->tick;
        for (const Metric& metric : metrics) {
            if (metric.daily != Reduction::sum) {
                final_state[std::string(metric.name)] = value_json(metric_value(metric, *last_));
            }
        }
    }
    j["final"] = last_ ? final_state : ordered_json(nullptr);

    ordered_json totals;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (metrics[i].daily == Reduction::sum) {
            totals[std::string(metrics[i].name)] = value_json(totals_[i]);
        }
    }
    j["totals"] = totals;

    ordered_json activity;
    activity["mean_active_fraction"] = ratio(sum_active_, ticks_ * citizens_);
    activity["peak_active"] = ticks_ > 0 ? ordered_json(peak_active_) : ordered_json(nullptr);
    activity["peak_tick"] = ticks_ > 0 ? ordered_json(peak_tick_) : ordered_json(nullptr);
    activity["peak_active_fraction"] =
        ticks_ > 0 ? ratio(peak_active_, citizens_) : ordered_json(nullptr);
    activity["quiet_tick_actives"] = quiet_tick_actives;
    activity["quiet_tick_fraction"] = ratio(quiet_ticks_, ticks_);
    j["activity"] = activity;

    OutburstDetector detector = outbursts_; // finish a copy: this object may still grow
    detector.finish();
    const OutburstStats stats = outburst_stats(detector.outbursts());
    ordered_json block;
    block["threshold"] = detector.threshold();
    block["definition"] = outburst_definition;
    block["count"] = stats.count;
    block["censored"] = stats.censored;
    block["total_activation"] = stats_json(stats.total_activation);
    block["duration"] = stats_json(stats.duration);
    block["waiting_time"] = stats_json(stats.waiting_time);
    block["inter_start_interval"] = stats_json(stats.inter_start_interval);
    ordered_json list = ordered_json::array();
    for (const Outburst& o : detector.outbursts()) {
        list.push_back(outburst_json(o));
    }
    block["list"] = std::move(list);
    j["outbursts"] = std::move(block);
    return j;
}

RunSummary::RunSummary(const OutputLayout& layout)
    : layout_(layout), weights_(layout.citizens()), whole_([&layout] {
          std::int64_t citizens = 0;
          for (const OutputRegion& r : layout.regions) {
              citizens += r.citizens;
          }
          return SummaryAccumulator(layout.analysis, citizens * layout.persons_per_agent);
      }()) {
    for (const OutputRegion& r : layout_.regions) {
        regions_.emplace_back(layout_.analysis, r.citizens * layout_.persons_per_agent);
    }
}

void RunSummary::add(std::span<const TickRecord> records) {
    if (records.size() != regions_.size()) {
        throw std::invalid_argument(fmt::format("summary.json: {} records for {} regions",
                                                records.size(), regions_.size()));
    }
    for (const TickRecord& record : records) {
        regions_.at(static_cast<std::size_t>(record.region)).add(record);
    }
    whole_.add(combine_regions(records, weights_));
}

nlohmann::ordered_json RunSummary::finish() const {
    ordered_json j = whole_.finish();
    ordered_json scale;
    scale["persons_per_agent"] = layout_.persons_per_agent;
    j["scale"] = std::move(scale);
    if (layout_.has_calendar()) {
        const Calendar& c = layout_.calendar;
        ordered_json calendar;
        calendar["start"] = format_wall_clock(c.start, c.utc_offset_minutes);
        calendar["time_zone"] = format_utc_offset(c.utc_offset_minutes);
        calendar["tick_seconds"] = c.tick_seconds;
        j["calendar"] = std::move(calendar);
    } else {
        j["calendar"] = nullptr;
    }
    ordered_json regions = ordered_json::object();
    for (std::size_t i = 0; i < regions_.size(); ++i) {
        ordered_json region;
        region["index"] = i;
        region["time_zone"] = format_utc_offset(layout_.regions[i].utc_offset_minutes);
        ordered_json statistics = regions_[i].finish();
        for (auto& [key, value] : statistics.items()) {
            region[key] = std::move(value);
        }
        // The outburst definition is the top level's; not repeated per region.
        region["outbursts"].erase("definition");
        regions[layout_.regions[i].name] = std::move(region);
    }
    j["regions"] = std::move(regions);
    return j;
}

namespace {

void collect_paths(const ordered_json& node, const std::string& prefix,
                   std::vector<std::string>& out) {
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            collect_paths(value, prefix.empty() ? key : fmt::format("{}.{}", prefix, key), out);
        }
        return;
    }
    if (node.is_string() || node.is_array()) {
        return; // the definition, the outburst list: not metrics
    }
    for (const std::string_view setting : summary_setting_paths) {
        if (prefix == setting) {
            return;
        }
    }
    out.push_back(prefix);
}

} // namespace

const std::vector<std::string>& summary_metric_paths() {
    static const std::vector<std::string> paths = [] {
        // A summary of two ticks has every entry (null where undefined).
        SummaryAccumulator summary(AnalysisSettings{}, 1);
        TickRecord record;
        summary.add(record);
        record.tick = 1;
        summary.add(record);
        std::vector<std::string> out;
        collect_paths(summary.finish(), "", out);
        return out;
    }();
    return paths;
}

} // namespace unrest
