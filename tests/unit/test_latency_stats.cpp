// LatencyStats: exact count, min, max, mean, percentiles and histogram pairs from known samples.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

#include "stats/latency_stats.h"

namespace mckit::stats {
namespace {

using Pairs = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

TEST(LatencyStats, EmptyIsAllZeros) {
  const LatencyStats l;
  EXPECT_EQ(l.count(), 0u);
  EXPECT_EQ(l.min(), 0u);
  EXPECT_EQ(l.max(), 0u);
  EXPECT_DOUBLE_EQ(l.mean(), 0.0);
  EXPECT_EQ(l.percentile(0.5), 0u);
  EXPECT_TRUE(l.histogram().empty());
}

TEST(LatencyStats, KnownSamples) {
  LatencyStats l;
  for (std::uint64_t c : {9, 5, 100, 5, 7, 5}) l.add(c);
  EXPECT_EQ(l.count(), 6u);
  EXPECT_EQ(l.min(), 5u);
  EXPECT_EQ(l.max(), 100u);
  EXPECT_DOUBLE_EQ(l.mean(), 131.0 / 6.0);
  EXPECT_EQ(l.percentile(0.0), 5u);   // the smallest sample
  EXPECT_EQ(l.percentile(0.5), 5u);   // 3 of 6 are <= 5
  EXPECT_EQ(l.percentile(0.6), 7u);   // needs 4 (ceil 3.6)
  EXPECT_EQ(l.percentile(0.8), 9u);   // needs 5 (ceil 4.8)
  EXPECT_EQ(l.percentile(0.9), 100u); // needs 6 (ceil 5.4)
  EXPECT_EQ(l.percentile(1.0), 100u);
  EXPECT_EQ(l.histogram(), (Pairs{{5, 3}, {7, 1}, {9, 1}, {100, 1}}));
}

TEST(LatencyStats, ZeroLatencyHasItsOwnBin) {
  LatencyStats l;
  l.add(0);
  l.add(2);
  EXPECT_EQ(l.min(), 0u);
  EXPECT_EQ(l.percentile(0.5), 0u);
  EXPECT_EQ(l.histogram(), (Pairs{{0, 1}, {2, 1}}));
}

// A latency far beyond the bins so far grows the axis; earlier bins keep their counts.
TEST(LatencyStats, LargeLatencyGrowsTheAxis) {
  LatencyStats l;
  for (std::uint64_t c : {40, 41, 41}) l.add(c);
  l.add(250000);
  l.add(3);  // below every sample so far
  l.add(250000);
  EXPECT_EQ(l.count(), 6u);
  EXPECT_EQ(l.min(), 3u);
  EXPECT_EQ(l.max(), 250000u);
  EXPECT_DOUBLE_EQ(l.mean(), (3.0 + 40 + 41 + 41 + 250000 + 250000) / 6.0);
  EXPECT_EQ(l.percentile(0.5), 41u);
  EXPECT_EQ(l.percentile(0.67), 250000u);  // needs 5 (ceil 4.02)
  EXPECT_EQ(l.percentile(0.99), 250000u);
  EXPECT_EQ(l.histogram(), (Pairs{{3, 1}, {40, 1}, {41, 2}, {250000, 2}}));
}

TEST(LatencyStats, LatencyBeyondTheAxisRangeThrowsAndCountsNothing) {
  LatencyStats l;
  l.add(10);
  EXPECT_THROW(l.add(std::uint64_t(INT_MAX)), std::out_of_range);
  EXPECT_THROW(l.add(UINT64_MAX), std::out_of_range);
  EXPECT_EQ(l.count(), 1u);
  EXPECT_EQ(l.max(), 10u);
  EXPECT_EQ(l.histogram(), (Pairs{{10, 1}}));
}

// Every percentile equals the sorted samples' element at rank ceil(p * n).
TEST(LatencyStats, PercentilesMatchSortedSamples) {
  std::mt19937_64 rng(7);
  std::geometric_distribution<std::uint64_t> tail(0.01);
  std::vector<std::uint64_t> samples;
  LatencyStats l;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t c = 30 + tail(rng);
    samples.push_back(c);
    l.add(c);
  }
  std::sort(samples.begin(), samples.end());
  for (double p : {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1.0}) {
    const auto rank = std::size_t(std::ceil(p * double(samples.size())));
    EXPECT_EQ(l.percentile(p), samples[rank - 1]) << "p = " << p;
  }
  EXPECT_EQ(l.min(), samples.front());
  EXPECT_EQ(l.max(), samples.back());

  Pairs expected;
  for (std::uint64_t c : samples)
    if (!expected.empty() && expected.back().first == c) ++expected.back().second;
    else expected.emplace_back(c, 1);
  EXPECT_EQ(l.histogram(), expected);
}

}  // namespace
}  // namespace mckit::stats
