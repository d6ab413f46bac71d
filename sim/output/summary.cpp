#include "summary.hpp"

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
    : citizens_(citizens), outbursts_(analysis.outburst_threshold) {}

void SummaryAccumulator::add(const TickRecord& record) {
    last_ = record;
    total_arrests_ += record.arrests;
    total_releases_ += record.releases;
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
        final_state["quiet"] = last_->quiet;
        final_state["active"] = last_->active;
        final_state["jailed"] = last_->jailed;
        final_state["cops"] = last_->cops;
        final_state["legitimacy"] = last_->legitimacy;
    }
    j["final"] = last_ ? final_state : ordered_json(nullptr);

    ordered_json totals;
    totals["arrests"] = total_arrests_;
    totals["releases"] = total_releases_;
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

} // namespace unrest
