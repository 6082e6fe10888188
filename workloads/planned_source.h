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

}  // namespace mckit::workloads
