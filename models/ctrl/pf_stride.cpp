#include "ctrl/pf_stride.h"

#include <stdexcept>

#include "ctrl/pf_cam.h"

namespace mckit::ctrl {

StridePrefetcher::StridePrefetcher(const PrefetcherConfig& config, unsigned entries,
                                   unsigned fifo_depth, unsigned conf_bits)
    : Prefetcher(config, fifo_depth),
      conf_max_((1u << conf_bits) - 1),
      table_(entries),
      lru_(entries) {
  if (config.threshold > conf_max_)
    throw std::invalid_argument("stride threshold exceeds the confidence counter");
}

std::optional<CandidateRun> StridePrefetcher::predict(std::uint64_t addr, std::uint32_t stream) {
  const std::optional<unsigned> found =
      cam_search(table_, stream, [](const Entry& e) { return e.stream; });
  const bool hit = found.has_value();
  const unsigned idx = hit ? *found : lru_.victim();
  Entry* sel = &table_[idx];

  std::int64_t stride = 0;
  unsigned conf = 0;
  if (hit) {
    stride = std::int64_t(addr) - std::int64_t(sel->last);
    if (stride == sel->stride && stride != 0) conf = sel->conf + (sel->conf < conf_max_ ? 1 : 0);
  }
  lru_.touch(idx);
  *sel = Entry{true, stream, addr, stride, conf};

  if (stride == 0 || conf < config_.threshold) return std::nullopt;
  return CandidateRun{addr, stride, config_.distance, config_.degree};
}

}  // namespace mckit::ctrl
