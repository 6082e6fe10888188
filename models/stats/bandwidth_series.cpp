#include "stats/bandwidth_series.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mckit::stats {

void BandwidthSeries::record(std::uint64_t cycle, std::uint32_t bytes, bool write) {
  extend_to(cycle + 1);
  Bytes& b = bytes_[std::size_t(cycle / window_cycles_)];
  (write ? b.write : b.read) += bytes;
}

void BandwidthSeries::finish(std::uint64_t end_cycle) {
  if (end_cycle < end_cycle_)
    throw std::invalid_argument("bandwidth series finished at cycle " +
                                std::to_string(end_cycle) + ", before a request recorded at cycle " +
                                std::to_string(end_cycle_ - 1));
  extend_to(end_cycle);
}

std::vector<BandwidthSeries::Window> BandwidthSeries::windows() const {
  std::vector<Window> out;
  out.reserve(bytes_.size());
  for (std::size_t k = 0; k < bytes_.size(); ++k) {
    const std::uint64_t start = k * window_cycles_;
    out.push_back({start, std::min(window_cycles_, end_cycle_ - start), bytes_[k].read,
                   bytes_[k].write});
  }
  return out;
}

void BandwidthSeries::extend_to(std::uint64_t end_cycle) {
  if (end_cycle <= end_cycle_) return;
  end_cycle_ = end_cycle;
  while ((end_cycle_ - 1) / window_cycles_ >= kMaxWindows) merge_pairs();
  bytes_.resize(std::size_t((end_cycle_ - 1) / window_cycles_) + 1);
}

void BandwidthSeries::merge_pairs() {
  for (std::size_t i = 0; i < bytes_.size(); i += 2) {
    Bytes merged = bytes_[i];
    if (i + 1 < bytes_.size()) {
      merged.read += bytes_[i + 1].read;
      merged.write += bytes_[i + 1].write;
    }
    bytes_[i / 2] = merged;
  }
  bytes_.resize((bytes_.size() + 1) / 2);
  window_cycles_ *= 2;
}

}  // namespace mckit::stats
