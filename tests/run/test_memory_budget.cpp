// What the machine allows (sizes, the budget's sources) and what a run of a scenario needs
// (the engine's estimate, exact arithmetic on the documented bytes per cell and per agent).
#include "sim/engine/memory_estimate.hpp"
#include "sim/run/memory_budget.hpp"
#include "sim/run/thread_limits.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <omp.h>
#include <stdexcept>

namespace unrest {
namespace {

TEST(ParseSize, UnitsArePowersOf1024) {
    EXPECT_EQ(parse_size("1000000"), 1000000U);
    EXPECT_EQ(parse_size("512B"), 512U);
    EXPECT_EQ(parse_size("2K"), 2048U);
    EXPECT_EQ(parse_size("512M"), 512U << 20);
    EXPECT_EQ(parse_size("512MiB"), 512U << 20);
    EXPECT_EQ(parse_size("512mb"), 512U << 20);
    EXPECT_EQ(parse_size("8G"), std::uint64_t{8} << 30);
    EXPECT_EQ(parse_size("1.5g"), std::uint64_t{3} << 29);
    EXPECT_EQ(parse_size("2T"), std::uint64_t{2} << 40);
}

TEST(ParseSize, AnythingElseIsNotASize) {
    for (const char* bad : {"", "xyz", "G", "-1G", "1.G", ".5G", "1 G", "2X", "2GBs", "1e3",
                            "99999999999999999999T"}) {
        EXPECT_FALSE(parse_size(bad)) << bad;
    }
}

TEST(FormatBytes, OneDecimalInTheLargestUnit) {
    EXPECT_EQ(format_bytes(100), "100 B");
    EXPECT_EQ(format_bytes(2048), "2.0 KiB");
    EXPECT_EQ(format_bytes(std::uint64_t{3} << 29), "1.5 GiB");
}

// Restores an environment variable on exit.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
        }
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(MemoryBudget, UnrestMemoryLimitCapsTheBudget) {
    const ScopedEnv env("UNREST_MEMORY_LIMIT", "10M");
    const auto budget = memory_budget();
    ASSERT_TRUE(budget);
    EXPECT_EQ(budget->bytes, 10U << 20);
    EXPECT_EQ(budget->source, "UNREST_MEMORY_LIMIT");
    EXPECT_EQ(memory_shortfall(10U << 20, "what"), "");
    EXPECT_EQ(memory_shortfall((10U << 20) + 1, "what"),
              "needs about 10.0 MiB of memory (what), more than the 10.0 MiB available "
              "(UNREST_MEMORY_LIMIT)");
}

TEST(MemoryBudget, AnUnreadableLimitIsAnError) {
    const ScopedEnv env("UNREST_MEMORY_LIMIT", "lots");
    try {
        (void)memory_budget();
        FAIL() << "no error";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "UNREST_MEMORY_LIMIT='lots': expected a size such as 2G, 512M or "
                               "1000000 (bytes)");
    }
}

TEST(MemoryBudget, TheMachineHasABudget) {
    // Linux always has /proc/meminfo: the budget is never unknown here.
    const auto budget = memory_budget();
    ASSERT_TRUE(budget);
    EXPECT_GT(budget->bytes, 0U);
}

TEST(MemoryEstimate, CellsAndAgentsAtTheDocumentedBytes) {
    ModelConfig c; // 40 x 40, densities 0.7 and 0.04, exact counts
    MemoryEstimate e = estimate_memory(c);
    EXPECT_EQ(e.cells, 1600);
    EXPECT_EQ(e.agents, 1120 + 64);
    EXPECT_EQ(e.bytes,
              1600 * memory_bytes_per_cell + 1184 * memory_bytes_per_agent + memory_bytes_fixed);
    // 40000 x 40000 needs about 109 GiB: refused on any ordinary machine.
    c.grid = {40000, 40000};
    e = estimate_memory(c);
    EXPECT_EQ(e.cells, 1'600'000'000);
    EXPECT_EQ(e.agents, 1'184'000'000);
    EXPECT_EQ(run_memory_breakdown(c), "40000 x 40000 = 1600000000 cells at 32 B, 1184000000 "
                                       "agents at 56 B, and 16.0 MiB");
}

TEST(MemoryEstimate, EveryCopTheScheduleMayDeployCounts) {
    ModelConfig c;
    c.cops.density_changes = {{ScheduleChange::Kind::set, 10, forever, 0.1}}; // 160 cops
    EXPECT_EQ(estimate_memory(c).agents, 1120 + 160);
}

TEST(MemoryEstimate, RandomCountsAreBoundedSixDeviationsAboveTheirMean) {
    ModelConfig c;
    c.population.initial = InitialCounts::random;
    // mean 0.74 x 1600 = 1184, + 6 sqrt(1184) = 206.5: 1391 + 1
    EXPECT_EQ(estimate_memory(c).agents, 1392);
    c.population.citizen_density = 0.96;
    EXPECT_EQ(estimate_memory(c).agents, 1600); // never more than one per cell
}

TEST(ThreadLimits, FourPerCore) {
    EXPECT_EQ(max_threads(), 4 * omp_get_num_procs());
    EXPECT_EQ(thread_count_problem("--threads", 1), "");
    EXPECT_EQ(thread_count_problem("--threads", max_threads()), "");
    EXPECT_NE(thread_count_problem("--threads", max_threads() + 1), "");
    EXPECT_NE(thread_count_problem("--jobs", 0), "");
}

} // namespace
} // namespace unrest
