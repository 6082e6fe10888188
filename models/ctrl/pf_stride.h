// The stride prefetcher, rtl/pf_stride.sv: a reference prediction table keyed by stream id
// (fully associative, LRU) of last address, stride and a saturating confidence counter.
// A read at A of a stream whose stored stride it repeats raises the confidence; any other
// stride is stored instead and the confidence restarts at 0. With a non-zero stride and
// confidence >= threshold it predicts A + stride * (distance + k), k < degree.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ctrl/pf_lru.h"
#include "ctrl/prefetcher.h"

namespace mckit::ctrl {

class StridePrefetcher : public Prefetcher {
 public:
  // entries, fifo_depth and conf_bits are the RTL parameters Entries, Depth and ConfW.
  explicit StridePrefetcher(const PrefetcherConfig& config, unsigned entries = 8,
                            unsigned fifo_depth = kFifoDepth, unsigned conf_bits = 2);

 private:
  struct Entry {
    bool valid = false;
    std::uint32_t stream = 0;
    std::uint64_t last = 0;
    std::int64_t stride = 0;
    unsigned conf = 0;
  };

  std::optional<CandidateRun> predict(std::uint64_t addr, std::uint32_t stream) override;

  unsigned conf_max_;
  std::vector<Entry> table_;
  LruOrder lru_;
};

}  // namespace mckit::ctrl
