// What one run of a controller measured.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/energy_model.h"
#include "stats/bandwidth_series.h"
#include "stats/latency_stats.h"

namespace mckit::stats {

struct RunStats {
  std::uint64_t reads = 0, writes = 0;
  std::uint64_t bytes = 0;          // read and written
  std::uint64_t cycles = 0;         // first request offered to last response
  double tck_ns = 0;
  double peak_gbps = 0;
  BandwidthSeries bandwidth_series;  // bytes per window of cycles, counted from the run's start
  LatencyStats read_latency;        // request accepted to response, in cycles
  std::uint64_t forwarded_reads = 0;  // answered from a queued write
  std::uint64_t row_hits = 0, row_misses = 0, row_conflicts = 0;
  std::array<std::uint64_t, dram::kCommandCount> commands{};
  std::uint64_t refreshes_postponed = 0;  // issued after their own tREFI interval
  std::uint64_t max_refresh_owed = 0;
  dram::EnergyReport energy;
  std::uint64_t violations = 0;
  std::vector<std::string> first_violations;  // the first few, as messages
  std::uint64_t data_mismatches = 0;
  std::uint64_t unanswered = 0;
  double wall_seconds = 0;

  double seconds() const { return double(cycles) * tck_ns * 1e-9; }
  double bandwidth_gbps() const { return cycles ? double(bytes) / (double(cycles) * tck_ns) : 0; }
  double percent_of_peak() const { return peak_gbps > 0 ? 100.0 * bandwidth_gbps() / peak_gbps : 0; }
  std::uint64_t requests() const { return reads + writes; }
  std::uint64_t refreshes() const { return commands[std::size_t(dram::Command::REF)]; }
  bool clean() const { return violations == 0 && data_mismatches == 0 && unanswered == 0; }
};

}  // namespace mckit::stats
