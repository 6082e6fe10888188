// A generator that knows, before it runs, how many requests it will issue, how many bytes
// they read and write, and how much memory it touches.
#pragma once

#include <cstdint>

#include "workloads/request_source.h"

namespace mckit::workloads {

struct WorkloadPlan {
  std::uint64_t requests = 0;
  std::uint64_t read_bytes = 0;
  std::uint64_t write_bytes = 0;
  std::uint64_t footprint = 0;  // bytes of address space its tensors occupy
};

class PlannedSource : public RequestSource {
 public:
  virtual WorkloadPlan plan() const = 0;
};

// The plan of a source that does not plan ahead, by draining it (give it a fresh copy) of at
// most `limit` requests: the footprint is then from address 0 to the end of the highest burst
// it touches.
WorkloadPlan measure_plan(RequestSource& source, int burst_bytes,
                          std::uint64_t limit = UINT64_MAX);

}  // namespace mckit::workloads
