#include "legitimacy.hpp"

#include <algorithm>

namespace unrest::phases {

double legitimacy_after_feedback(double legitimacy, double legitimacy_set,
                                 const LegitimacyFeedbackParams& feedback, std::int64_t arrests,
                                 std::int64_t citizens) noexcept {
    if (!feedback.enabled) {
        return legitimacy;
    }
    const double arrested =
        citizens > 0 ? static_cast<double>(arrests) / static_cast<double>(citizens) : 0.0;
    // MODEL.md §3.3: arrests by the state lower L; L recovers towards the level last set.
    const double next = legitimacy - feedback.arrest_sensitivity * arrested +
                        feedback.recovery * (legitimacy_set - legitimacy);
    return std::clamp(next, 0.0, 1.0);
}

} // namespace unrest::phases
