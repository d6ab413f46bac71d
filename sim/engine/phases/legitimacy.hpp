// Phase 5 of a tick: legitimacy feedback (MODEL.md §3.3: "feedback from what citizens see:
// arrests ... by the state lower it"), off by default. With feedback on, after the activations:
//
//   L <- clamp(L - arrest_sensitivity x arrests / citizens + recovery x (L_set - L), 0, 1)
//
// where arrests are the region's arrests of this tick, citizens its citizens, and L_set the
// level last set by the timeline. Off: L is left exactly as the timeline set it.
#pragma once

#include "../model_config.hpp"

#include <cstdint>

namespace unrest::phases {

double legitimacy_after_feedback(double legitimacy, double legitimacy_set,
                                 const LegitimacyFeedbackParams& feedback, std::int64_t arrests,
                                 std::int64_t citizens) noexcept;

} // namespace unrest::phases
