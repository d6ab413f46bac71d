// The metric registry: every measured quantity of a TickRecord, declared once with its name, unit,
// description, daily reduction, how regions combine into the whole run, and whether it counts
// agents (multiplied by persons_per_agent in every output). timeseries.csv, daily.csv,
// summary.json, dictionary.json, the sweep's metric names and the tables of docs/outputs.md are
// all derived from this table.
//
// Adding a metric (issue 8: deaths by side, damage in usd, sites seized, ...) is one TickRecord
// field plus one entry of `metrics` below; a static_assert in metrics.cpp refuses a TickRecord
// field that the registry does not declare.
#pragma once

#include "../engine/tick_record.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace unrest {

// How the ticks of one local day are reduced to one value (daily.csv).
enum class Reduction {
    sum,  // flows: arrests during the day = the sum over its ticks
    last, // stocks: jailed at the end of the day = the value at its last tick
    max,  // the largest value over the day's ticks
    mean, // the mean over the day's ticks
};

// How the regions of one tick combine into the whole run (summary.json's top level).
enum class AcrossRegions {
    sum,  // counts: the regions' values added
    mean, // states: the mean of the regions' values weighted by their citizens
};

// An integer count or a real, as a metric's value.
using MetricValue = std::variant<std::int64_t, double>;

struct Metric {
    // Which TickRecord field the metric reads: integer counts are written as integers, reals in
    // the shortest form that reads back to the same double.
    using Field = std::variant<std::int64_t TickRecord::*, double TickRecord::*>;

    std::string_view name; // the column name in timeseries.csv and daily.csv
    std::string_view unit; // after scaling: "persons", "fraction", "usd", ...
    std::string_view description;
    Reduction daily;
    AcrossRegions across;
    bool scaled; // multiplied by scale.persons_per_agent (counts of agents)
    Field field;
};

// In TickRecord order. The classic Model I columns (quiet, active, jailed, cops, arrests,
// releases, legitimacy) keep their names.
inline constexpr std::array metrics{
    Metric{"quiet", "persons", "citizens free and quiet at the end of the tick", Reduction::last,
           AcrossRegions::sum, true, &TickRecord::quiet},
    Metric{"active", "persons", "citizens free and active at the end of the tick", Reduction::last,
           AcrossRegions::sum, true, &TickRecord::active},
    Metric{"violent", "persons", "citizens free and violent at the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::violent},
    Metric{"jailed", "persons", "citizens in jail at the end of the tick", Reduction::last,
           AcrossRegions::sum, true, &TickRecord::jailed},
    Metric{"injured", "persons",
           "citizens injured, off the street, at the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::injured},
    Metric{"dead", "persons", "citizens killed by the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::dead},
    Metric{"cops", "persons", "police on duty (on the grid) at the end of the tick",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::cops},
    Metric{"police_injured", "persons", "police injured at the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::police_injured},
    Metric{"police_dead", "persons", "police killed by the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::police_dead},
    Metric{"police_withdrawn", "persons",
           "police off the grid (in reserve, withdrawn or ordered off) at the end of the tick",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::police_withdrawn},
    Metric{"military", "persons", "military on duty at the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::military},
    Metric{"military_withdrawn", "persons",
           "military not (or no longer) deployed at the end of the tick (0 in Model I)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::military_withdrawn},
    Metric{"military_injured", "persons", "military injured at the end of the tick",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::military_injured},
    Metric{"military_dead", "persons", "military killed by the end of the tick", Reduction::last,
           AcrossRegions::sum, true, &TickRecord::military_dead},
    Metric{"arrests", "persons", "arrests made during the tick", Reduction::sum, AcrossRegions::sum,
           true, &TickRecord::arrests},
    Metric{"releases", "persons",
           "citizens released from jail during the tick (an arrest with a term of 0 counts as an "
           "immediate release, so jailed(t) = jailed(t-1) + arrests - releases)",
           Reduction::sum, AcrossRegions::sum, true, &TickRecord::releases},
    Metric{"detained", "persons", "arrests since the start of the run (cumulative)",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::detained},
    Metric{"protesters_killed", "persons", "active or violent citizens killed during the tick",
           Reduction::sum, AcrossRegions::sum, true, &TickRecord::protesters_killed},
    Metric{"bystanders_killed", "persons", "quiet citizens killed during the tick", Reduction::sum,
           AcrossRegions::sum, true, &TickRecord::bystanders_killed},
    Metric{"citizens_wounded", "persons", "citizens injured during the tick", Reduction::sum,
           AcrossRegions::sum, true, &TickRecord::citizens_wounded},
    Metric{"police_killed", "persons", "police killed during the tick", Reduction::sum,
           AcrossRegions::sum, true, &TickRecord::police_killed},
    Metric{"police_wounded", "persons", "police injured during the tick", Reduction::sum,
           AcrossRegions::sum, true, &TickRecord::police_wounded},
    Metric{"military_killed", "persons", "military killed during the tick", Reduction::sum,
           AcrossRegions::sum, true, &TickRecord::military_killed},
    Metric{"military_wounded", "persons", "military injured during the tick", Reduction::sum,
           AcrossRegions::sum, true, &TickRecord::military_wounded},
    Metric{"damage_usd", "usd", "damage done to sites during the tick", Reduction::sum,
           AcrossRegions::sum, false, &TickRecord::damage_usd},
    Metric{"damage_usd_total", "usd", "damage done to sites since the start of the run",
           Reduction::last, AcrossRegions::sum, false, &TickRecord::damage_usd_total},
    Metric{"sites_attacked", "sites", "sites damaged at least once since the start of the run",
           Reduction::last, AcrossRegions::sum, false, &TickRecord::sites_attacked},
    Metric{"sites_seized", "sites", "sites seized (or burned) since the start of the run",
           Reduction::last, AcrossRegions::sum, false, &TickRecord::sites_seized},
    Metric{"sites_burned", "sites", "sites burned since the start of the run", Reduction::last,
           AcrossRegions::sum, false, &TickRecord::sites_burned},
    Metric{"armed", "persons", "free citizens carrying firearms from seized weapons shops",
           Reduction::last, AcrossRegions::sum, true, &TickRecord::armed},
    Metric{"legitimacy", "fraction", "legitimacy L in force during the tick, in [0, 1]",
           Reduction::mean, AcrossRegions::mean, false, &TickRecord::legitimacy},
    Metric{"comms", "fraction",
           "availability of internet and mobile communications during the tick, in [0, 1]",
           Reduction::mean, AcrossRegions::mean, false, &TickRecord::comms},
    Metric{"news", "index",
           "news of activity elsewhere received during the tick: s_r sum_r' W[r][r'] s_r' "
           "A_r'/Pop_r' (0 with one region)",
           Reduction::mean, AcrossRegions::mean, false, &TickRecord::news},
    Metric{"fuel_price", "currency/litre",
           "fuel price in force during the tick (0 before any price event)", Reduction::last,
           AcrossRegions::mean, false, &TickRecord::fuel_price},
    Metric{"force_level", "level",
           "force the police may use: 0 arrests only, 1 less-lethal, 2 lethal, 3 lethal without "
           "warning",
           Reduction::max, AcrossRegions::mean, false, &TickRecord::force_level},
    Metric{"curfew", "flag", "1 while a curfew is in force (the day: 1 if at any tick)",
           Reduction::max, AcrossRegions::mean, false, &TickRecord::curfew},
};

// Columns of daily.csv only, after the metrics: the same fields reduced another way (the day's
// largest crowd, MODEL.md §4 and issue 8's daily outputs).
inline constexpr std::array daily_peaks{
    Metric{"active_peak", "persons",
           "the largest number of active citizens at the end of a tick "
           "of the day",
           Reduction::max, AcrossRegions::sum, true, &TickRecord::active},
    Metric{"violent_peak", "persons",
           "the largest number of violent citizens at the end of a tick of the day", Reduction::max,
           AcrossRegions::sum, true, &TickRecord::violent},
    Metric{"legitimacy_end", "fraction", "legitimacy L in force during the day's last tick",
           Reduction::last, AcrossRegions::mean, false, &TickRecord::legitimacy},
};

// The fields of TickRecord that are keys, not metrics.
inline constexpr std::size_t tick_record_key_fields = 2; // tick, region

namespace detail {
// Converts to any field type: T{any_field{}, ...} compiles for up to as many as T has fields.
struct any_field {
    template <typename T>
    constexpr operator T() const noexcept; // never defined: only used in unevaluated contexts
};
template <typename T, std::size_t... I>
constexpr bool brace_constructible(std::index_sequence<I...> /*unused*/) {
    return requires {
        T{(void(I), any_field{})...};
    };
}
} // namespace detail

// The number of fields of the aggregate T.
template <typename T, std::size_t N = 0>
constexpr std::size_t aggregate_field_count() {
    if constexpr (detail::brace_constructible<T>(std::make_index_sequence<N + 1>{})) {
        return aggregate_field_count<T, N + 1>();
    } else {
        return N;
    }
}

// "sum", "last", "max", "mean".
std::string_view reduction_name(Reduction reduction) noexcept;
// "sum", "mean" (weighted by citizens).
std::string_view across_regions_name(AcrossRegions across) noexcept;

MetricValue metric_value(const Metric& metric, const TickRecord& record) noexcept;

// The metric's value as written: integers as integers, reals in the shortest form that reads
// back to exactly the same double. Locale-independent.
std::string format_metric_value(const MetricValue& value);

// `record` with every scaled metric multiplied by persons_per_agent (>= 1).
TickRecord scale_to_persons(const TickRecord& record, std::int64_t persons_per_agent) noexcept;

// The regions of one tick combined per each metric's AcrossRegions rule: `weights` (one per
// record, the regions' citizens) weight the means. One record is returned unchanged. The result
// has the first record's tick and region 0. Throws std::invalid_argument when `records` is empty
// or the sizes differ.
TickRecord combine_regions(std::span<const TickRecord> records,
                           std::span<const std::int64_t> weights);

// The metric table in Markdown (| metric | unit | daily | regions | scaled | description |), as
// embedded in docs/outputs.md between the metrics markers. Ends with a newline.
std::string metrics_markdown();

} // namespace unrest
