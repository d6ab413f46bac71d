#include "sites_csv.hpp"

#include "csv.hpp"

#include <fmt/format.h>

namespace unrest {

namespace {
const char* status_name(SiteStatus s) {
    switch (s) {
    case SiteStatus::intact:
        return "intact";
    case SiteStatus::damaged:
        return "damaged";
    case SiteStatus::seized:
        return "seized";
    case SiteStatus::burned:
        return "burned";
    }
    return "intact";
}
} // namespace

std::vector<SiteRow> site_rows(const Simulation& sim) {
    std::vector<SiteRow> rows;
    for (int r = 0; r < sim.regions(); ++r) {
        const Region& g = sim.region(r);
        const std::vector<SiteSpec>& specs = g.config.sites.sites;
        for (std::size_t i = 0; i < specs.size() && i < g.sites.size(); ++i) {
            const SiteState& s = g.sites[i];
            rows.push_back(SiteRow{specs[i].name, g.name,
                                   std::string(defaults_of(specs[i].type).name), specs[i].value_usd,
                                   s.damage_usd, status_name(s.status), s.seized_at, s.burned_at});
        }
    }
    return rows;
}

void write_sites_csv(std::ostream& out, const std::vector<SiteRow>& rows) {
    out << sites_csv_header << '\n';
    for (const SiteRow& row : rows) {
        out << fmt::format("{},{},{},{},{},{},{},{}\n", csv_quote(row.name), csv_quote(row.region),
                           row.type, row.value_usd, row.damage_usd, row.status, row.seized_tick,
                           row.burned_tick);
    }
}

} // namespace unrest
