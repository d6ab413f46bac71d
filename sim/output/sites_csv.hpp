// sites.csv: one row per site at the end of a run (rules/sites.hpp; MODEL.md §3.7): its value,
// the damage done to it and what became of it. Written only when some region has sites.
#pragma once

#include "../engine/simulation.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace unrest {

struct SiteRow {
    std::string name;
    std::string region;
    std::string type;
    double value_usd = 0.0;
    double damage_usd = 0.0;
    std::string status;   // intact, damaged, seized, burned
    Tick seized_tick = 0; // 0: never
    Tick burned_tick = 0; // 0: never
};

// The sites of every region, in region order then site order.
std::vector<SiteRow> site_rows(const Simulation& sim);

inline constexpr const char* sites_csv_header =
    "name,region,type,value_usd,damage_usd,status,seized_tick,burned_tick";
void write_sites_csv(std::ostream& out, const std::vector<SiteRow>& rows);

} // namespace unrest
