#include "comparison.hpp"

#include "csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

namespace unrest {

namespace {

using Read = double (*)(const TickRecord&);

double as(std::int64_t v) {
    return static_cast<double>(v);
}

// How each simulated quantity reads a record (reported_figures.cpp documents the same in words).
struct Readers {
    std::string_view name;
    Read flow = nullptr;
    Read total = nullptr;
    Read level = nullptr;
};

const Readers readers[] = {
    {"arrests", [](const TickRecord& r) { return as(r.arrests); },
     [](const TickRecord& r) { return as(r.detained); }, nullptr},
    {"detained", [](const TickRecord& r) { return as(r.arrests); },
     [](const TickRecord& r) { return as(r.detained); }, nullptr},
    {"police_dead", [](const TickRecord& r) { return as(r.police_killed); },
     [](const TickRecord& r) { return as(r.police_dead); }, nullptr},
    {"police_injured", [](const TickRecord& r) { return as(r.police_wounded); }, nullptr, nullptr},
    {"protesters_killed", [](const TickRecord& r) { return as(r.protesters_killed); }, nullptr,
     nullptr},
    {"citizens_killed",
     [](const TickRecord& r) { return as(r.protesters_killed + r.bystanders_killed); },
     [](const TickRecord& r) { return as(r.dead); }, nullptr},
    {"citizens_injured", [](const TickRecord& r) { return as(r.citizens_wounded); }, nullptr,
     nullptr},
    {"people_injured",
     [](const TickRecord& r) {
         return as(r.citizens_wounded + r.police_wounded + r.military_wounded);
     },
     nullptr, nullptr},
    {"damage_usd", [](const TickRecord& r) { return r.damage_usd; },
     [](const TickRecord& r) { return r.damage_usd_total; }, nullptr},
    {"sites_attacked", nullptr, [](const TickRecord& r) { return as(r.sites_attacked); }, nullptr},
    {"sites_seized", nullptr, [](const TickRecord& r) { return as(r.sites_seized); }, nullptr},
    {"sites_burned", nullptr, [](const TickRecord& r) { return as(r.sites_burned); }, nullptr},
    {"crowd", nullptr, nullptr, [](const TickRecord& r) { return as(r.active + r.violent); }},
    {"armed_protesters", nullptr, nullptr, [](const TickRecord& r) { return as(r.armed); }},
};

const Readers* readers_of(std::string_view quantity) {
    for (const Readers& r : readers) {
        if (r.name == quantity) {
            return &r;
        }
    }
    return nullptr;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

constexpr std::int64_t day_seconds = 86400;

std::int64_t window_start(const FigureDate& d) {
    return d.day * day_seconds + d.time.value_or(0);
}
std::int64_t window_end(const FigureDate& d) {
    return d.day * day_seconds + d.time.value_or(day_seconds);
}

// With thousands separators, for the terminal.
std::string grouped(const std::string& number) {
    const std::size_t digits_end = std::min(number.find_first_of(".e"), number.size());
    const std::size_t begin = number.starts_with('-') ? 1 : 0;
    if (digits_end - begin <= 3) {
        return number;
    }
    std::string out = number.substr(0, begin);
    for (std::size_t i = begin; i < digits_end; ++i) {
        if (i > begin && (digits_end - i) % 3 == 0) {
            out += ',';
        }
        out += number[i];
    }
    return out + number.substr(digits_end);
}

} // namespace

struct ComparisonAccumulator::Figure {
    const ReportedFigure* fig = nullptr;
    const QuantitySpec* quantity = nullptr;
    const Readers* read = nullptr;
    std::string not_simulated;
    std::vector<int> regions;
    std::vector<std::int64_t> lo, hi; // per entry of regions: the window in UTC seconds
    double sum = 0.0;
    std::vector<double> last_total, before_total;
    std::optional<double> peak;
    std::int64_t ticks_in = 0;
};

ComparisonAccumulator::ComparisonAccumulator(const CompareSettings& settings,
                                             const OutputLayout& layout)
    : settings_(&settings), layout_(&layout) {
    if (!layout.has_calendar()) {
        throw std::invalid_argument("comparison with reported figures needs a calendar");
    }
    for (const ReportedFigure& fig : settings.figures->figures) {
        Figure f;
        f.fig = &fig;
        f.quantity = find_quantity(fig.quantity);
        f.read = readers_of(fig.quantity);
        if (f.read == nullptr) {
            f.not_simulated = fmt::format("the model does not simulate {}", fig.quantity);
        }
        const std::string region = lower(fig.region);
        std::vector<std::string> targets;
        bool mapped = false;
        for (const auto& [reported, run_regions] : settings.regions) {
            if (reported == region) {
                targets = run_regions;
                mapped = true;
            }
        }
        for (int r = 0; r < static_cast<int>(layout.regions.size()); ++r) {
            const std::string& name = layout.regions[static_cast<std::size_t>(r)].name;
            const bool take = mapped
                                  ? std::find(targets.begin(), targets.end(), name) != targets.end()
                                  : (region == "national" || lower(name) == region);
            if (take) {
                f.regions.push_back(r);
            }
        }
        if (f.regions.empty() && f.not_simulated.empty()) {
            f.not_simulated = fmt::format("region {} is not in the run", fig.region);
        }
        for (const int r : f.regions) {
            const std::int64_t offset =
                std::int64_t{layout.regions[static_cast<std::size_t>(r)].utc_offset_minutes} * 60;
            std::int64_t lo = 0;
            std::int64_t hi = 0;
            if (fig.date) {
                lo = fig.kind == FigureKind::cumulative ? std::numeric_limits<std::int64_t>::min()
                                                        : fig.date->day * day_seconds;
                hi = window_end(*fig.date);
            } else {
                lo = window_start(*fig.from);
                hi = window_end(*fig.to);
            }
            f.lo.push_back(lo == std::numeric_limits<std::int64_t>::min() ? lo : lo - offset);
            f.hi.push_back(hi - offset);
        }
        f.last_total.assign(f.regions.size(), 0.0);
        f.before_total.assign(f.regions.size(), 0.0);
        figures_.push_back(std::move(f));
    }
}

ComparisonAccumulator::~ComparisonAccumulator() = default;

void ComparisonAccumulator::add(std::span<const TickRecord> records) {
    if (records.size() != layout_->regions.size()) {
        throw std::invalid_argument(fmt::format("comparison: {} records for {} regions",
                                                records.size(), layout_->regions.size()));
    }
    const Tick t = records.front().tick;
    if (t == 0) {
        return; // the initial state: in no window
    }
    last_tick_ = t;
    const std::int64_t start = layout_->calendar.tick_start(t);
    for (Figure& f : figures_) {
        if (!f.not_simulated.empty()) {
            continue;
        }
        double level = 0.0;
        bool in_any = false;
        for (std::size_t i = 0; i < f.regions.size(); ++i) {
            const TickRecord& rec = records[static_cast<std::size_t>(f.regions[i])];
            const bool in = start >= f.lo[i] && start < f.hi[i];
            if (f.read->total != nullptr) {
                if (start < f.hi[i]) {
                    f.last_total[i] = f.read->total(rec);
                }
                if (start < f.lo[i]) {
                    f.before_total[i] = f.read->total(rec);
                }
            }
            if (!in) {
                continue;
            }
            in_any = true;
            if (f.read->flow != nullptr) {
                f.sum += f.read->flow(rec);
            }
            if (f.read->level != nullptr) {
                level += f.read->level(rec);
            }
        }
        if (in_any) {
            ++f.ticks_in;
            if (f.read->level != nullptr && (!f.peak || level > *f.peak)) {
                f.peak = level;
            }
        }
    }
}

std::vector<ComparisonRow> ComparisonAccumulator::finish() const {
    const Calendar& c = layout_->calendar;
    const std::int64_t run_start = c.start;
    const std::int64_t run_end = c.tick_start(last_tick_) + (last_tick_ > 0 ? c.tick_seconds : 0);
    std::vector<ComparisonRow> rows;
    for (const Figure& f : figures_) {
        ComparisonRow row;
        row.figure = *f.fig;
        row.unit = f.quantity != nullptr ? std::string(f.quantity->unit) : f.fig->unit;
        row.within = "not simulated";
        if (!f.not_simulated.empty()) {
            row.why = f.not_simulated;
        } else if (f.ticks_in == 0) {
            row.why = "no tick of the run starts within the figure's dates";
        } else {
            double value = 0.0;
            switch (f.fig->kind) {
            case FigureKind::cumulative:
                if (f.read->total != nullptr) {
                    for (const double v : f.last_total) {
                        value += v;
                    }
                } else {
                    value = f.sum;
                }
                break;
            case FigureKind::peak:
                value = f.peak.value_or(0.0);
                break;
            case FigureKind::daily:
            case FigureKind::span:
            case FigureKind::event:
                if (f.read->flow != nullptr) {
                    value = f.sum;
                } else {
                    for (std::size_t i = 0; i < f.regions.size(); ++i) {
                        value += f.last_total[i] - f.before_total[i];
                    }
                }
                break;
            }
            row.simulated = value + 0.0;
            row.within = f.fig->range.contains(value) ? "yes" : "no";
            bool partial = false;
            for (std::size_t i = 0; i < f.regions.size(); ++i) {
                const bool from_start = f.fig->kind == FigureKind::cumulative;
                partial = partial || (!from_start && f.lo[i] < run_start) || f.hi[i] > run_end;
            }
            if (partial) {
                row.why = "partial: the run covers part of the figure's dates";
            }
        }
        rows.push_back(std::move(row));
    }
    const std::vector<ComparisonRow> shown = shown_rows(rows);
    for (ComparisonRow& row : rows) {
        row.shown = std::any_of(shown.begin(), shown.end(), [&](const ComparisonRow& s) {
            return s.figure.id == row.figure.id;
        });
    }
    return rows;
}

std::vector<ComparisonRow>
ComparisonAccumulator::shown_rows(const std::vector<ComparisonRow>& rows) const {
    std::vector<ComparisonRow> out;
    if (settings_->show_given) {
        for (const std::string& id : settings_->show) {
            for (const ComparisonRow& row : rows) {
                if (row.figure.id == id) {
                    out.push_back(row);
                    out.back().shown = true;
                }
            }
        }
        return out;
    }
    for (const ComparisonRow& row : rows) {
        if (row.simulated && row.why.empty()) {
            out.push_back(row);
            out.back().shown = true;
        }
    }
    return out;
}

std::string format_figure_value(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        return fmt::format("{}", static_cast<std::int64_t>(v));
    }
    return fmt::format("{}", v);
}

std::string comparison_csv(const std::vector<ComparisonRow>& rows) {
    std::string out = "id,quantity,region,date,kind,reported,reported_min,reported_max,unit,"
                      "simulated,within,why,source\n";
    for (const ComparisonRow& row : rows) {
        const ReportedFigure& f = row.figure;
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_quote(f.id), csv_quote(f.quantity),
            csv_quote(f.region), csv_quote(f.when()), figure_kind_name(f.kind),
            csv_quote(f.reported), format_figure_value(f.range.min),
            std::isinf(f.range.max) ? std::string() : format_figure_value(f.range.max),
            csv_quote(row.unit), row.simulated ? format_figure_value(*row.simulated) : "",
            row.within, csv_quote(row.why), csv_quote(f.source));
    }
    return out;
}

std::string comparison_table(const std::vector<ComparisonRow>& rows) {
    std::vector<std::array<std::string, 6>> cells{
        {"quantity", "region", "date", "reported", "simulated", "within"}};
    for (const ComparisonRow& row : rows) {
        const ReportedFigure& f = row.figure;
        std::string region = f.region;
        if (!f.place.empty()) {
            region += " (" + f.place + ")";
        }
        std::string numbers;
        if (std::isinf(f.range.max)) {
            numbers =
                (f.range.min_exclusive ? ">" : ">=") + grouped(format_figure_value(f.range.min));
        } else if (f.range.min == f.range.max) {
            numbers = grouped(format_figure_value(f.range.min));
        } else {
            numbers = grouped(format_figure_value(f.range.min)) + "-" +
                      grouped(format_figure_value(f.range.max));
        }
        const std::string reported =
            f.words.empty() ? numbers : fmt::format("{} ({})", f.words, numbers);
        cells.push_back({f.quantity, region, f.when(), reported,
                         row.simulated ? grouped(format_figure_value(*row.simulated)) : "-",
                         row.within == "yes"  ? "y"
                         : row.within == "no" ? "n"
                                              : "-"});
    }
    std::array<std::size_t, 6> width{};
    for (const auto& line : cells) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            width[i] = std::max(width[i], line[i].size());
        }
    }
    std::string out;
    for (const auto& line : cells) {
        std::string text = " ";
        for (std::size_t i = 0; i < line.size(); ++i) {
            text += " " + line[i];
            if (i + 1 < line.size()) {
                text += std::string(width[i] - line[i].size() + 1, ' ');
            }
        }
        out += text + "\n";
    }
    return out;
}

} // namespace unrest
