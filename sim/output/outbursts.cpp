#include "outbursts.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace unrest {

OutburstDetector::OutburstDetector(std::int64_t threshold) : threshold_(threshold) {}

void OutburstDetector::add(Tick t, std::int64_t actives) {
    if (finished_) {
        throw std::invalid_argument("OutburstDetector::add called after finish()");
    }
    if (last_tick_ && t != *last_tick_ + 1) {
        throw std::invalid_argument("OutburstDetector::add: tick " + std::to_string(t) +
                                    " does not follow tick " + std::to_string(*last_tick_));
    }
    if (current_) {
        if (actives < threshold_) { // fell below: the outburst ended at the previous tick
            outbursts_.push_back(*current_);
            current_.reset();
        } else {
            current_->end = t;
            current_->duration += 1;
            current_->total_activation += actives;
            current_->peak = std::max(current_->peak, actives);
        }
    }
    if (!current_ && actives > threshold_) {
        current_ = Outburst{t, t, 1, actives, actives, false};
    }
    last_tick_ = t;
}

void OutburstDetector::finish() {
    if (finished_) {
        return;
    }
    finished_ = true;
    if (current_) {
        current_->censored = true;
        outbursts_.push_back(*current_);
        current_.reset();
    }
}

SampleStats sample_stats(const std::vector<std::int64_t>& values) {
    SampleStats stats;
    stats.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        return stats;
    }
    double sum = 0.0;
    for (const std::int64_t v : values) {
        sum += static_cast<double>(v);
    }
    const double mean = sum / static_cast<double>(values.size());
    stats.mean = mean;
    if (values.size() >= 2) {
        double squares = 0.0; // two-pass: accurate, and the same bytes for the same values
        for (const std::int64_t v : values) {
            const double d = static_cast<double>(v) - mean;
            squares += d * d;
        }
        stats.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
    }
    return stats;
}

OutburstStats outburst_stats(const std::vector<Outburst>& outbursts) {
    OutburstStats stats;
    stats.count = static_cast<std::int64_t>(outbursts.size());
    std::vector<std::int64_t> activation, duration, waiting, interval;
    for (std::size_t i = 0; i < outbursts.size(); ++i) {
        const Outburst& o = outbursts[i];
        if (o.censored) {
            ++stats.censored;
        } else {
            activation.push_back(o.total_activation);
            duration.push_back(o.duration);
        }
        if (i > 0) {
            waiting.push_back(o.start - outbursts[i - 1].end);
            interval.push_back(o.start - outbursts[i - 1].start);
        }
    }
    stats.total_activation = sample_stats(activation);
    stats.duration = sample_stats(duration);
    stats.waiting_time = sample_stats(waiting);
    stats.inter_start_interval = sample_stats(interval);
    return stats;
}

} // namespace unrest
