// Latency distribution with one bin per cycle: exact percentiles, memory bounded by the
// largest latency seen, not by the number of samples.
#pragma once

#include <cstdint>
#include <vector>

namespace mckit::stats {

class LatencyStats {
 public:
  void add(std::uint64_t cycles);
  std::uint64_t count() const { return count_; }
  std::uint64_t min() const { return count_ ? min_ : 0; }
  std::uint64_t max() const { return max_; }
  double mean() const { return count_ ? double(sum_) / double(count_) : 0.0; }
  // Smallest latency L such that at least p (0..1) of the samples are <= L.
  std::uint64_t percentile(double p) const;
  const std::vector<std::uint64_t>& bins() const { return bins_; }

 private:
  std::vector<std::uint64_t> bins_;
  std::uint64_t count_ = 0, sum_ = 0, min_ = UINT64_MAX, max_ = 0;
};

}  // namespace mckit::stats
