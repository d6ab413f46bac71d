// Phase 6 of a tick: news between regions (MECHANISMS.md §10c). From a frozen snapshot of every
// region's counts at the end of this tick's activations:
//
//   N_r = s_r x sum_{r' != r} W[r][r'] x s_r' x active_r' / citizens_r'
//
// s = each region's communications availability (controls.comms): a cut region neither sends
// nor receives. N_r is read by region r's citizens during the next tick (ModelConfig.news).
#pragma once

#include <cstdint>
#include <span>

namespace unrest::phases {

struct RegionActivity {
    std::int64_t active = 0;   // active citizens at the end of the activations
    std::int64_t citizens = 0; // every citizen of the region
    double comms = 1.0;        // s: availability of communications, in [0, 1]
};

// Writes N into news (one per region). weights: row-major regions x regions; the diagonal is
// ignored. Empty weights: no news, N = 0.
void compute_news(std::span<const RegionActivity> regions, std::span<const double> weights,
                  std::span<double> news);

} // namespace unrest::phases
