// Phase 5 of a tick: legitimacy feedback (MODEL.md §3.3: "feedback from what citizens see:
// arrests ... by the state lower it"), off by default. With feedback on, after the activations:
//
//   L <- clamp(L - arrest_sensitivity x arrests / citizens
//              - killing_sensitivity x killed / citizens
//              - violence_sensitivity x violence / citizens
//              + recovery x (L_set - L), 0, 1)
//
// where arrests, killed (citizens killed by the state) and violence (police and military killed
// or wounded by rioters) are the region's counts of this tick, citizens its citizens, and L_set
// the level last set by the timeline. Off: L is left exactly as the timeline set it.
#pragma once

#include "../activation.hpp"
#include "../model_config.hpp"

#include <cstdint>

namespace unrest::phases {

double legitimacy_after_feedback(double legitimacy, double legitimacy_set,
                                 const LegitimacyFeedbackParams& feedback,
                                 const detail::TickTally& tally, std::int64_t citizens) noexcept;

} // namespace unrest::phases
