// Latency distribution with one bin per cycle: exact percentiles, memory bounded by the
// largest latency seen, not by the number of samples.
#pragma once

#include <boost/histogram/axis/integer.hpp>
#include <boost/histogram/histogram.hpp>
#include <boost/histogram/storage_adaptor.hpp>
#include <cstdint>
#include <tuple>
#include <utility>
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
  // One [latency, samples] pair per latency seen, ascending.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> histogram() const;

 private:
  // Starts with no bins and grows to [0, max] so that bin i holds latency i.
  using Axis = boost::histogram::axis::integer<int, boost::histogram::axis::null_type,
                                               boost::histogram::axis::option::growth_t>;
  using Histogram =
      boost::histogram::histogram<std::tuple<Axis>,
                                  boost::histogram::storage_adaptor<std::vector<std::uint64_t>>>;

  Histogram hist_{std::make_tuple(Axis(0, 0))};
  std::uint64_t count_ = 0, sum_ = 0, min_ = UINT64_MAX, max_ = 0;
};

}  // namespace mckit::stats
