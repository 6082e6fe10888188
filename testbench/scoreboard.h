// Checks every read's data: a read must return what the last write to its address, accepted
// before it, left there (zeros where nothing was written), whichever path answers it. A
// reset drops the writes that had not reached the device: their addresses hold again what
// they held before them.
#pragma once

#include <array>
#include <cstdint>

#include <boost/unordered/unordered_flat_map.hpp>

#include "common/request.h"
#include "ctrl/memory_system.h"

namespace mckit::testbench {

class Scoreboard : public ctrl::MemoryObserver {
 public:
  explicit Scoreboard(int burst_bytes) : burst_bytes_(burst_bytes) {}

  void accepted(std::uint64_t tag, const Request& r, std::uint64_t cycle) override;
  void completed(const ctrl::Completion& c) override;
  void reset(std::uint64_t cycle) override;

  std::uint64_t mismatches() const { return mismatches_; }

 private:
  using Burst = std::array<std::uint8_t, kMaxBurstBytes>;
  // A write accepted and not yet on the device, and what its address held before it.
  struct PendingWrite {
    std::uint64_t order;  // acceptance order
    std::uint64_t addr;
    Burst before;
  };

  const int burst_bytes_;
  // Open addressing (Boost >= 1.81): a lookup in a large sparse memory costs one cache miss
  // or so, not a walk through list nodes.
  boost::unordered_flat_map<std::uint64_t, Burst> memory_;    // by byte address
  boost::unordered_flat_map<std::uint64_t, Burst> expected_;  // by tag of the read in flight
  boost::unordered_flat_map<std::uint64_t, PendingWrite> pending_writes_;  // by tag
  std::uint64_t accepted_writes_ = 0;
  std::uint64_t mismatches_ = 0;
};

}  // namespace mckit::testbench
