#include "workloads/zipf.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "common/input_error.h"

namespace mckit::workloads {

ZipfSampler::ZipfSampler(std::uint64_t n, double alpha) {
  if (n == 0) throw InputError("a Zipf distribution needs at least one item");
  if (!(alpha >= 0) || !std::isfinite(alpha))
    throw InputError("Zipf skew alpha must be 0 or more, got " + std::to_string(alpha));
  cdf_.resize(n);
  double sum = 0;
  for (std::uint64_t r = 0; r < n; ++r) {
    sum += std::pow(double(r + 1), -alpha);
    cdf_[r] = sum;
  }
}

std::uint64_t ZipfSampler::sample(std::mt19937_64& rng) const {
  const double u = std::uniform_real_distribution<double>(0, cdf_.back())(rng);
  const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
  // u can round up to the total; the last rank takes it.
  return std::min<std::uint64_t>(std::uint64_t(it - cdf_.begin()), cdf_.size() - 1);
}

}  // namespace mckit::workloads
