// The next-line prefetcher, rtl/pf_nextline.sv: each read at A predicts
// A + distance + k, k < degree. No history, no use of the stream id.
#pragma once

#include <cstdint>
#include <optional>

#include "ctrl/prefetcher.h"

namespace mckit::ctrl {

class NextLinePrefetcher : public Prefetcher {
 public:
  // fifo_depth is the RTL parameter Depth.
  explicit NextLinePrefetcher(const PrefetcherConfig& config, unsigned fifo_depth = kFifoDepth)
      : Prefetcher(config, fifo_depth) {}

 private:
  std::optional<CandidateRun> predict(std::uint64_t addr, std::uint32_t) override {
    return CandidateRun{addr, 1, config_.distance, config_.degree};
  }
};

}  // namespace mckit::ctrl
