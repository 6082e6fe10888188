#include "stats/latency_stats.h"

#include <boost/histogram/indexed.hpp>
#include <climits>
#include <cmath>
#include <stdexcept>
#include <string>

namespace mckit::stats {

void LatencyStats::add(std::uint64_t cycles) {
  // The axis numbers its bins with an int: a larger latency has no bin.
  if (cycles >= std::uint64_t(INT_MAX))
    throw std::out_of_range("latency of " + std::to_string(cycles) +
                            " cycles is beyond the histogram's range");
  hist_(int(cycles));
  ++count_;
  sum_ += cycles;
  if (cycles < min_) min_ = cycles;
  if (cycles > max_) max_ = cycles;
}

std::uint64_t LatencyStats::percentile(double p) const {
  if (count_ == 0) return 0;
  const auto needed = std::uint64_t(std::ceil(p * double(count_)));
  std::uint64_t seen = 0;
  for (auto&& bin : boost::histogram::indexed(hist_)) {
    seen += *bin;
    if (seen >= needed && seen > 0) return std::uint64_t(bin.bin());
  }
  return max_;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> LatencyStats::histogram() const {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  for (auto&& bin : boost::histogram::indexed(hist_))
    if (*bin) pairs.emplace_back(std::uint64_t(bin.bin()), *bin);
  return pairs;
}

}  // namespace mckit::stats
