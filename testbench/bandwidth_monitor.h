// Bandwidth over time: the bytes of every completed request in the window of its completion
// cycle (reads at their response, writes at their WR command).
#pragma once

#include "ctrl/memory_system.h"
#include "stats/bandwidth_series.h"

namespace mckit::testbench {

class BandwidthMonitor : public ctrl::MemoryObserver {
 public:
  explicit BandwidthMonitor(int burst_bytes) : burst_bytes_(std::uint32_t(burst_bytes)) {}
  void completed(const ctrl::Completion& c) override {
    series_.record(c.done_cycle, burst_bytes_, c.write);
  }
  // Closes the series at the run's last cycle and hands it over.
  stats::BandwidthSeries finish(std::uint64_t end_cycle) {
    series_.finish(end_cycle);
    return series_;
  }

 private:
  const std::uint32_t burst_bytes_;
  stats::BandwidthSeries series_;
};

}  // namespace mckit::testbench
