#include "news.hpp"

#include <Eigen/Dense>
#include <algorithm>

namespace unrest::phases {

void compute_news(std::span<const RegionActivity> regions, std::span<const double> weights,
                  std::span<double> news) {
    const auto n = static_cast<Eigen::Index>(regions.size());
    std::fill(news.begin(), news.end(), 0.0);
    if (weights.empty() || n == 0) {
        return;
    }
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    RowMajor w = Eigen::Map<const RowMajor>(weights.data(), n, n);
    w.diagonal().setZero(); // r' != r
    Eigen::VectorXd s(n);
    Eigen::VectorXd sent(n); // s_r' x active_r' / citizens_r'
    for (Eigen::Index r = 0; r < n; ++r) {
        const RegionActivity& a = regions[static_cast<std::size_t>(r)];
        s[r] = a.comms;
        sent[r] = a.citizens > 0
                      ? a.comms * static_cast<double>(a.active) / static_cast<double>(a.citizens)
                      : 0.0;
    }
    const Eigen::VectorXd received = s.cwiseProduct(w * sent);
    for (Eigen::Index r = 0; r < n; ++r) {
        news[static_cast<std::size_t>(r)] = received[r];
    }
}

} // namespace unrest::phases
