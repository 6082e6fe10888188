#include "stats/latency_stats.h"

#include <cmath>

namespace mckit::stats {

void LatencyStats::add(std::uint64_t cycles) {
  if (cycles >= bins_.size()) bins_.resize(std::size_t(cycles) + 1, 0);
  ++bins_[std::size_t(cycles)];
  ++count_;
  sum_ += cycles;
  if (cycles < min_) min_ = cycles;
  if (cycles > max_) max_ = cycles;
}

std::uint64_t LatencyStats::percentile(double p) const {
  if (count_ == 0) return 0;
  const auto needed = std::uint64_t(std::ceil(p * double(count_)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < bins_.size(); ++i) {
    seen += bins_[i];
    if (seen >= needed && seen > 0) return i;
  }
  return max_;
}

}  // namespace mckit::stats
