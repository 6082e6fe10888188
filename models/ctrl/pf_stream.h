// The stream prefetcher, rtl/pf_stream.sv: a table of address regions (fully associative,
// LRU), each with its last read and, once two reads in it are adjacent (+1 or -1), a run in
// that direction. While the run goes on, each read at A predicts A + dir * (distance + k),
// k < degree, less what the run already predicted (it tracks the furthest candidate).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "ctrl/pf_lru.h"
#include "ctrl/prefetcher.h"

namespace mckit::ctrl {

class StreamPrefetcher : public Prefetcher {
 public:
  // entries, fifo_depth and region_bits are the RTL parameters Entries, Depth, RegionBits.
  explicit StreamPrefetcher(const PrefetcherConfig& config, unsigned entries = 8,
                            unsigned fifo_depth = kFifoDepth, unsigned region_bits = 6);

 private:
  struct Entry {
    bool valid = false;
    bool run = false;
    bool descending = false;
    std::uint64_t region = 0;
    std::uint64_t last = 0;  // offset in the region
    unsigned ahead = 0;      // furthest candidate, in bursts past `last` (0: none ahead)
  };

  std::optional<CandidateRun> predict(std::uint64_t addr, std::uint32_t stream) override;

  unsigned region_bits_;
  std::vector<Entry> table_;
  LruOrder lru_;
};

}  // namespace mckit::ctrl
