#include "edit_distance.hpp"

#include <algorithm>

namespace unrest::detail {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // d[i][j]: distance between the first i characters of a and the first j of b.
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * columns);
    const auto at = [columns](std::size_t i, std::size_t j) { return i * columns + j; };
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[at(i, 0)] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[at(0, j)] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = d[at(i - 1, j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            std::size_t best = std::min({d[at(i - 1, j)] + 1, d[at(i, j - 1)] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                best = std::min(best, d[at(i - 2, j - 2)] + 1);
            }
            d[at(i, j)] = best;
        }
    }
    return d[at(a.size(), b.size())];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& c : candidates) {
        const bool prefix = !word.empty() && c.starts_with(word);
        const std::size_t d = prefix ? 1 : edit_distance(word, c);
        if (d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

} // namespace unrest::detail
