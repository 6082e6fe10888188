#include "workloads/planned_source.h"

#include <algorithm>

namespace mckit::workloads {

WorkloadPlan measure_plan(RequestSource& source, int burst_bytes, std::uint64_t limit) {
  WorkloadPlan plan;
  const auto burst = std::uint64_t(burst_bytes);
  Request r;
  while (plan.requests < limit && source.next(r)) {
    ++plan.requests;
    (r.write ? plan.write_bytes : plan.read_bytes) += burst;
    plan.footprint = std::max(plan.footprint, r.addr + burst);
  }
  return plan;
}

}  // namespace mckit::workloads
