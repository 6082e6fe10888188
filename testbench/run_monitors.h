// The watchers every run has: the scoreboard, the latency histogram and bandwidth over
// time, attached to a MemorySystem, and their findings put into the run's statistics.
#pragma once

#include "ctrl/memory_system.h"
#include "stats/run_stats.h"
#include "testbench/bandwidth_monitor.h"
#include "testbench/latency_monitor.h"
#include "testbench/scoreboard.h"

namespace mckit::testbench {

class RunMonitors {
 public:
  RunMonitors(int burst_bytes, bool check_data)
      : check_data_(check_data), scoreboard_(burst_bytes), bandwidth_(burst_bytes) {}

  void attach(ctrl::MemorySystem& m) {
    if (check_data_) m.add_observer(&scoreboard_);
    m.add_observer(&latency_);
    m.add_observer(&bandwidth_);
  }
  // After MemorySystem::finish(): latency, bandwidth over the run's cycles, data checks.
  void fill(stats::RunStats& s) {
    s.read_latency = latency_.latency();
    s.bandwidth_series = bandwidth_.finish(s.cycles);
    if (check_data_) s.data_mismatches = scoreboard_.mismatches();
  }

 private:
  const bool check_data_;
  Scoreboard scoreboard_;
  LatencyMonitor latency_;
  BandwidthMonitor bandwidth_;
};

}  // namespace mckit::testbench
