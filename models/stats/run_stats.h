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

// What the prefetcher did (all zero without one). Bursts, counted by the controller.
struct PrefetchStats {
  std::uint64_t issued = 0;          // prefetch reads sent to the DRAM
  std::uint64_t useful = 0;          // demand reads answered from the prefetch buffer
  std::uint64_t late = 0;            // demand reads that found their prefetch still in flight
  std::uint64_t evicted_unused = 0;  // prefetched bursts dropped without a demand read
  std::uint64_t activates = 0;       // ACTs issued for prefetches
  std::uint64_t demand_dram_reads = 0;  // demand RD/RDA commands

  double accuracy() const { return issued ? double(useful) / double(issued) : 0; }
  // Of the demand reads that would have gone to the DRAM, the share the buffer answered.
  double coverage() const {
    return useful + demand_dram_reads ? double(useful) / double(useful + demand_dram_reads) : 0;
  }
  // Prefetched bursts no demand read used.
  std::uint64_t extra_bursts() const { return issued > useful ? issued - useful : 0; }
};

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
  PrefetchStats prefetch;
  double wall_seconds = 0;

  double seconds() const { return double(cycles) * tck_ns * 1e-9; }
  double bandwidth_gbps() const { return cycles ? double(bytes) / (double(cycles) * tck_ns) : 0; }
  double percent_of_peak() const { return peak_gbps > 0 ? 100.0 * bandwidth_gbps() / peak_gbps : 0; }
  std::uint64_t requests() const { return reads + writes; }
  // Refresh commands of every kind (REF, REFpb, REFsb).
  std::uint64_t refreshes() const {
    return commands[std::size_t(dram::Command::REF)] + commands[std::size_t(dram::Command::REFpb)] +
           commands[std::size_t(dram::Command::REFsb)];
  }
  // Prefetched bytes no demand read used (every request is one burst).
  std::uint64_t prefetch_extra_bytes() const {
    return requests() ? prefetch.extra_bursts() * (bytes / requests()) : 0;
  }
  // Prefetched bursts no demand read used, as a share of the column traffic the DRAM would
  // have carried without prefetching (demand reads from the DRAM or the buffer, and writes).
  double prefetch_extra_percent() const {
    const std::uint64_t without = prefetch.demand_dram_reads + prefetch.useful + writes;
    return without ? 100.0 * double(prefetch.extra_bursts()) / double(without) : 0;
  }
  bool clean() const { return violations == 0 && data_mismatches == 0 && unanswered == 0; }
};

}  // namespace mckit::stats
