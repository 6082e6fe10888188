// Read latency, from the cycle the controller accepts a read to its response, as a
// histogram with one bin per cycle.
#pragma once

#include "ctrl/memory_system.h"
#include "stats/latency_stats.h"

namespace mckit::testbench {

class LatencyMonitor : public ctrl::MemoryObserver {
 public:
  void completed(const ctrl::Completion& c) override {
    if (!c.write) latency_.add(c.done_cycle - c.accept_cycle);
  }
  const stats::LatencyStats& latency() const { return latency_; }

 private:
  stats::LatencyStats latency_;
};

}  // namespace mckit::testbench
