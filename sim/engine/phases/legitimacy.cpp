#include "legitimacy.hpp"

#include <algorithm>

namespace unrest::phases {

double legitimacy_after_feedback(double legitimacy, double legitimacy_set,
                                 const LegitimacyFeedbackParams& feedback,
                                 const detail::TickTally& tally, std::int64_t citizens) noexcept {
    if (!feedback.enabled) {
        return legitimacy;
    }
    const auto share = [citizens](std::int64_t n) {
        return citizens > 0 ? static_cast<double>(n) / static_cast<double>(citizens) : 0.0;
    };
    const double arrested = share(tally.arrests);
    const double killed = share(tally.protesters_killed + tally.bystanders_killed);
    const double violence = share(tally.police_killed + tally.police_wounded +
                                  tally.military_killed + tally.military_wounded);
    // MODEL.md §3.3 (MECHANISMS.md §3c): arrests and killings by the state lower L, violence by
    // rioters may raise it (a negative sensitivity); L recovers towards the level last set.
    // With only arrests (the other terms 0) this is the issue-7 rule, term for term.
    double next = legitimacy - feedback.arrest_sensitivity * arrested +
                  feedback.recovery * (legitimacy_set - legitimacy);
    if (feedback.killing_sensitivity != 0.0 || feedback.violence_sensitivity != 0.0) {
        next -= feedback.killing_sensitivity * killed + feedback.violence_sensitivity * violence;
    }
    return std::clamp(next, 0.0, 1.0);
}

} // namespace unrest::phases
