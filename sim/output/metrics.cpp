#include "metrics.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace unrest {

// Every TickRecord field but the keys is a metric: a field added to TickRecord without its entry
// in `metrics` stops the build here.
static_assert(aggregate_field_count<TickRecord>() == tick_record_key_fields + metrics.size(),
              "every TickRecord field must be declared in the metric registry (metrics.hpp)");

std::string_view reduction_name(Reduction reduction) noexcept {
    switch (reduction) {
    case Reduction::sum:
        return "sum";
    case Reduction::last:
        return "last";
    case Reduction::max:
        return "max";
    case Reduction::mean:
        return "mean";
    }
    return "?";
}

std::string_view across_regions_name(AcrossRegions across) noexcept {
    return across == AcrossRegions::sum ? "sum" : "mean";
}

MetricValue metric_value(const Metric& metric, const TickRecord& record) noexcept {
    return std::visit([&record](auto member) { return MetricValue(record.*member); }, metric.field);
}

std::string format_metric_value(const MetricValue& value) {
    // fmt's "{}" is locale-independent; for a double it is the shortest text that reads back to
    // exactly the same value.
    return std::visit([](auto v) { return fmt::format("{}", v); }, value);
}

TickRecord scale_to_persons(const TickRecord& record, std::int64_t persons_per_agent) noexcept {
    TickRecord scaled = record;
    if (persons_per_agent == 1) {
        return scaled;
    }
    for (const Metric& metric : metrics) {
        if (!metric.scaled) {
            continue;
        }
        std::visit(
            [&](auto member) {
                using Value = std::remove_reference_t<decltype(scaled.*member)>;
                scaled.*member = record.*member * static_cast<Value>(persons_per_agent);
            },
            metric.field);
    }
    return scaled;
}

TickRecord combine_regions(std::span<const TickRecord> records,
                           std::span<const std::int64_t> weights) {
    if (records.empty() || records.size() != weights.size()) {
        throw std::invalid_argument(fmt::format("combine_regions: {} records and {} weights",
                                                records.size(), weights.size()));
    }
    TickRecord total = records.front();
    total.region = 0;
    if (records.size() == 1) {
        return total;
    }
    std::int64_t weight_sum = 0;
    for (const std::int64_t w : weights) {
        weight_sum += w;
    }
    for (const Metric& metric : metrics) {
        std::visit(
            [&](auto member) {
                using Value = std::remove_reference_t<decltype(total.*member)>;
                if (metric.across == AcrossRegions::sum) {
                    Value sum{};
                    for (const TickRecord& r : records) {
                        sum += r.*member;
                    }
                    total.*member = sum;
                    return;
                }
                // Weighted by citizens; an unweighted mean when no region has citizens.
                double sum = 0.0;
                for (std::size_t i = 0; i < records.size(); ++i) {
                    const double w = weight_sum > 0 ? static_cast<double>(weights[i]) : 1.0;
                    sum += w * static_cast<double>(records[i].*member);
                }
                const double denominator = weight_sum > 0 ? static_cast<double>(weight_sum)
                                                          : static_cast<double>(records.size());
                total.*member = static_cast<Value>(sum / denominator);
            },
            metric.field);
    }
    return total;
}

std::string metrics_markdown() {
    std::string table = "| metric | unit | daily | regions | scaled | description |\n"
                        "| --- | --- | --- | --- | --- | --- |\n";
    for (const Metric& m : metrics) {
        table += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", m.name, m.unit,
                             reduction_name(m.daily), across_regions_name(m.across),
                             m.scaled ? "yes" : "no", m.description);
    }
    return table;
}

} // namespace unrest
