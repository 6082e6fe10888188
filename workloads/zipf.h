// Zipf-distributed ranks: P(rank r) ∝ 1 / r^alpha for r = 1..n (alpha 0: uniform). Returned
// 0-based (0 is the most popular). Keeps the cumulative table, 8 bytes per rank.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace mckit::workloads {

class ZipfSampler {
 public:
  ZipfSampler(std::uint64_t n, double alpha);  // throws InputError for n = 0 or alpha < 0
  std::uint64_t sample(std::mt19937_64& rng) const;

 private:
  std::vector<double> cdf_;  // cdf_[r] = sum of weights of ranks 0..r
};

}  // namespace mckit::workloads
