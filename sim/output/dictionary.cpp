#include "dictionary.hpp"

#include "daily.hpp"
#include "events_csv.hpp"
#include "metrics.hpp"
#include "timeseries.hpp"

namespace unrest {

namespace {

using nlohmann::ordered_json;

ordered_json key_json(const KeyColumn& key) {
    ordered_json j;
    j["name"] = key.name;
    j["unit"] = key.unit;
    j["description"] = key.description;
    return j;
}

ordered_json metric_column_json(const Metric& m) {
    ordered_json j;
    j["name"] = m.name;
    j["unit"] = m.unit;
    j["description"] = m.description;
    j["metric"] = true;
    return j;
}

template <typename Keys>
ordered_json columns_json(const Keys& keys, bool calendar, bool with_metrics,
                          bool with_daily_peaks = false) {
    ordered_json columns = ordered_json::array();
    for (const KeyColumn& key : keys) {
        if (key.name != "time" || calendar) {
            columns.push_back(key_json(key));
        }
    }
    if (with_metrics) {
        for (const Metric& m : metrics) {
            columns.push_back(metric_column_json(m));
        }
    }
    if (with_daily_peaks) {
        for (const Metric& m : daily_peaks) {
            columns.push_back(metric_column_json(m));
        }
    }
    return columns;
}

ordered_json file_json(std::string_view name, std::string_view description,
                       ordered_json columns = nullptr) {
    ordered_json j;
    j["name"] = name;
    j["description"] = description;
    if (!columns.is_null()) {
        j["columns"] = std::move(columns);
    }
    return j;
}

} // namespace

std::vector<std::string> per_tick_file_names(const OutputLayout& layout) {
    std::vector<std::string> names{"timeseries.csv"};
    if (layout.has_calendar()) {
        names.emplace_back("daily.csv");
    }
    names.emplace_back("events.csv");
    names.emplace_back("dictionary.json");
    return names;
}

nlohmann::ordered_json dictionary_json(const OutputLayout& layout) {
    const bool calendar = layout.has_calendar();
    ordered_json j;
    j["format"] = "unrest data dictionary";
    j["version"] = 1;

    ordered_json files = ordered_json::array();
    files.push_back(file_json("timeseries.csv",
                              "one row per tick and region (long format), tick 0 first",
                              columns_json(timeseries_key_columns, calendar, true)));
    if (calendar) {
        files.push_back(file_json("daily.csv",
                                  "one row per region and local calendar day; each metric "
                                  "reduced over the day's ticks by its daily reduction",
                                  columns_json(daily_key_columns, calendar, true, true)));
    }
    files.push_back(file_json("events.csv", "every timeline event applied, in order",
                              columns_json(events_columns_doc, calendar, false)));
    if (layout.snapshots) {
        files.push_back(file_json("snapshots.npz",
                                  "grid snapshots (--snapshot-every): NumPy arrays of the agents "
                                  "in each cell by layer and of each site's status, per frame "
                                  "(docs/outputs.md, Snapshots)"));
        files.push_back(file_json("snapshots.json",
                                  "the snapshots' frames (tick, local time), layers, regions' "
                                  "grids and sites"));
    }
    files.push_back(file_json("summary.json", "whole-run and per-region statistics"));
    files.push_back(file_json("manifest.json", "how the run was produced, every parameter"));
    files.push_back(file_json("dictionary.json", "this data dictionary"));
    j["files"] = std::move(files);

    ordered_json list = ordered_json::array();
    for (const Metric& m : metrics) {
        ordered_json metric;
        metric["name"] = m.name;
        metric["unit"] = m.unit;
        metric["description"] = m.description;
        metric["daily_reduction"] = reduction_name(m.daily);
        metric["across_regions"] = across_regions_name(m.across);
        metric["scaled"] = m.scaled;
        metric["integer"] = std::holds_alternative<std::int64_t TickRecord::*>(m.field);
        list.push_back(std::move(metric));
    }
    j["metrics"] = std::move(list);

    ordered_json regions = ordered_json::array();
    for (const OutputRegion& r : layout.regions) {
        ordered_json region;
        region["name"] = r.name;
        region["time_zone"] = format_utc_offset(r.utc_offset_minutes);
        region["citizens"] = r.citizens * layout.persons_per_agent;
        regions.push_back(std::move(region));
    }
    j["regions"] = std::move(regions);
    j["persons_per_agent"] = layout.persons_per_agent;
    j["calendar"] = calendar;
    return j;
}

} // namespace unrest
