#include "sites.hpp"

#include "../../rules/forces.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace unrest::phases {

namespace {

// Who stands within the attack radius of a site (a scan of the disc's cells).
struct SiteCrowd {
    std::int64_t violent = 0;
    std::int64_t police = 0;
    std::int64_t military = 0;
    std::vector<AgentId> violent_ids; // only collected for weapons shops
};

SiteCrowd count_around(const World& w, CellIndex site, const std::vector<Offset>& disc, bool ids) {
    SiteCrowd crowd;
    for (const Offset o : disc) {
        const CellIndex c = w.torus.shifted(site, o);
        for (AgentId b = w.lists.head(c); b != no_agent; b = w.lists.next(b)) {
            const State s = w.pop.state[b];
            if (s == State::violent) {
                ++crowd.violent;
                if (ids) {
                    crowd.violent_ids.push_back(b);
                }
            } else if (s == State::on_duty) {
                ++(w.pop.kind[b] == Kind::police ? crowd.police : crowd.military);
            }
        }
    }
    return crowd;
}

std::vector<Offset> disc_offsets(double radius) {
    std::vector<Offset> disc;
    const int reach = static_cast<int>(std::floor(radius));
    for (int dy = -reach; dy <= reach; ++dy) {
        for (int dx = -reach; dx <= reach; ++dx) {
            if (dx * dx + dy * dy <= radius * radius) {
                disc.push_back({dx, dy});
            }
        }
    }
    return disc;
}

// A seized weapons shop arms up to `count` unarmed violent citizens around it, by a random key.
std::int64_t hand_out_weapons(World& w, const detail::TickContext& ctx, std::size_t site,
                              std::vector<AgentId> around, std::int64_t count) {
    if (w.pop.armed.empty() || count <= 0) {
        return 0;
    }
    std::erase_if(around, [&w](AgentId a) { return w.pop.armed[a] != 0; });
    std::vector<std::pair<std::uint64_t, AgentId>> order;
    for (const AgentId a : around) {
        order.emplace_back(ctx.rng.key64(ctx.tick, static_cast<std::uint32_t>(a), Purpose::site,
                                         static_cast<std::uint32_t>(site) + 1),
                           a);
    }
    std::sort(order.begin(), order.end());
    const auto k = std::min<std::size_t>(order.size(), static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < k; ++i) {
        w.pop.armed[order[i].second] = 1;
    }
    return static_cast<std::int64_t>(k);
}

} // namespace

void attack_sites(Region& g, const detail::TickContext& ctx, detail::TickTally& tally,
                  std::vector<EventRecord>& events) {
    const SitesParams& p = ctx.config.sites;
    if (p.sites.empty()) {
        return;
    }
    World& w = g.world;
    const double ppa = ctx.config.scale.persons_per_agent;
    const std::int64_t min_attackers =
        std::max<std::int64_t>(1, agents_of(static_cast<double>(p.min_attackers), ppa));
    const std::int64_t armed_per_shop =
        agents_of(static_cast<double>(p.armed_per_weapons_shop), ppa);
    const double burn_p = per_tick_probability(p.burn_rate);
    const std::vector<Offset> disc = disc_offsets(p.attack_radius);
    const auto event = [&](const SiteSpec& site, const char* phase, std::string details) {
        events.push_back(EventRecord{static_cast<Tick>(ctx.tick),
                                     static_cast<int>(ctx.rng.region()), "site", site.name, phase,
                                     std::move(details)});
    };
    // Sites in order, each on the state the earlier ones left (only weapons change it).
    for (std::size_t i = 0; i < p.sites.size(); ++i) {
        const SiteSpec& site = p.sites[i];
        SiteState& st = g.sites[i];
        if (site.type == SiteType::square || st.status == SiteStatus::burned) {
            continue;
        }
        const bool weapons = site.type == SiteType::weapons_shop;
        const SiteCrowd crowd = count_around(w, site.cell, disc, weapons);
        const double dmg = site_damage(site.value_usd, st.damage_usd, p.damage_rate, crowd.violent);
        st.damage_usd += dmg;
        tally.damage_usd += dmg;
        if (dmg > 0.0 && st.status == SiteStatus::intact) {
            st.status = SiteStatus::damaged;
        }
        if (st.status == SiteStatus::seized) {
            if (ctx.rng.uniform(ctx.tick, static_cast<std::uint32_t>(i), Purpose::site) < burn_p) {
                const double rest = site.value_usd - st.damage_usd;
                st.damage_usd = site.value_usd;
                tally.damage_usd += rest;
                st.status = SiteStatus::burned;
                st.burned_at = ctx.tick;
                event(site, "burned",
                      fmt::format("damage {:.0f} of {:.0f} USD", st.damage_usd, site.value_usd));
            }
            continue;
        }
        const double guards = (st.guarded ? ctx.config.military.guard_weight : 1.0) *
                              static_cast<double>(crowd.military);
        const double defenders = static_cast<double>(crowd.police) + guards;
        if (site_falls(crowd.violent, min_attackers, p.seize_ratio, site.defence, defenders)) {
            st.status = SiteStatus::seized;
            st.seized_at = ctx.tick;
            std::string details = fmt::format("{} violent against {} police and {} soldiers",
                                              crowd.violent, crowd.police, crowd.military);
            if (weapons) {
                const std::int64_t armed =
                    hand_out_weapons(w, ctx, i, crowd.violent_ids, armed_per_shop);
                details += fmt::format("; {} armed", armed);
            }
            event(site, "seized", std::move(details));
        }
    }
}

} // namespace unrest::phases
