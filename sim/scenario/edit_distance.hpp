// "Did you mean ...?": the closest known name to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unrest::detail {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// adjacent characters ("visoin" -> "vision"), each costing 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if one is near enough to be a plausible typo (distance at
// most max(1, |word| / 3), or `word` is a prefix of it); ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

} // namespace unrest::detail
