#include "ctrl/pf_stride.h"

#include <stdexcept>

namespace mckit::ctrl {

StridePrefetcher::StridePrefetcher(const PrefetcherConfig& config, unsigned entries,
                                   unsigned fifo_depth, unsigned conf_bits)
    : Prefetcher(config, fifo_depth), conf_max_((1u << conf_bits) - 1), table_(entries) {
  if (config.threshold > conf_max_)
    throw std::invalid_argument("stride threshold exceeds the confidence counter");
  // As at reset: entry i has LRU rank i, so the unused entries are the oldest.
  for (unsigned i = 0; i < entries; ++i) table_[i].age = i;
}

std::optional<CandidateRun> StridePrefetcher::predict(std::uint64_t addr, std::uint32_t stream) {
  Entry* sel = nullptr;
  for (Entry& e : table_)
    if (e.valid && e.stream == stream) sel = &e;
  const bool hit = sel != nullptr;
  if (!hit)
    for (Entry& e : table_)
      if (e.age == table_.size() - 1) sel = &e;

  std::int64_t stride = 0;
  unsigned conf = 0;
  if (hit) {
    stride = std::int64_t(addr) - std::int64_t(sel->last);
    if (stride == sel->stride && stride != 0) conf = sel->conf + (sel->conf < conf_max_ ? 1 : 0);
  }
  const unsigned old_age = sel->age;
  for (Entry& e : table_)
    if (e.age < old_age) ++e.age;
  *sel = Entry{true, stream, addr, stride, conf, 0};

  if (stride == 0 || conf < config_.threshold) return std::nullopt;
  return CandidateRun{addr, stride, config_.distance, config_.degree};
}

}  // namespace mckit::ctrl
