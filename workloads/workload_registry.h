// Workloads by name, as the command line and run files give them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "request_source.h"

namespace mckit::workloads {

struct WorkloadParams {
  std::string name = "random";      // a generator, or "trace" to play the file trace_path
  std::uint64_t requests = 100000;  // a trace plays at most this many of its requests
  std::uint64_t seed = 1;
  int burst_bytes = 64;
  std::uint64_t capacity = 0;       // of the memory: addresses stay below it
  std::uint64_t footprint = 0;      // bytes touched, from address 0 (0: the whole capacity)
  double read_fraction = 0.8;       // random, hotspot, rw-mix: share of reads
  int max_run = 1;                  // random: bursts in a row after each random start
  std::uint64_t stride_bursts = 16;   // strided: bursts from one read to the next
  double hot_fraction = 0.9;          // hotspot: share of accesses to the hot region
  std::uint64_t hot_bytes = 1ull << 20;  // hotspot: hot region size, at address 0
  std::string trace_path;                // trace: the file (docs/traces.md)
  std::string trace_format;              // trace: ramulator2, dramsim3, dramsys, mckit; empty: detect
};

// sequential, random, strided, hotspot, rw-mix
const std::vector<std::string>& workload_names();

// Throws InputError for an unknown name or inconsistent parameters.
std::unique_ptr<RequestSource> make_workload(const WorkloadParams& p);

}  // namespace mckit::workloads
