// A trace file as a workload (`--workload trace:FILE`): its requests in order, each line one.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "workloads/planned_source.h"
#include "workloads/trace_reader.h"

namespace mckit::workloads {

struct TraceParams {
  std::string path;
  std::string format;  // ramulator2, dramsim3, dramsys or mckit; empty: detected from the file
  int burst_bytes = 64;
  std::uint64_t capacity = 0;  // of the memory: every address must lie below it
  std::uint64_t max_requests = std::numeric_limits<std::uint64_t>::max();  // the first ones only
};

class TraceSource : public PlannedSource {
 public:
  // Reads the trace through once before it plays: every line is checked before a run starts
  // and the plan counts the requests exactly. Throws InputError for a bad file or line.
  explicit TraceSource(const TraceParams& p);

  bool next(Request& out) override;
  // Footprint: from address 0 up to the end of the highest burst the trace touches.
  WorkloadPlan plan() const override { return plan_; }
  TraceFormat format() const { return reader_->format(); }

 private:
  WorkloadPlan plan_;
  std::optional<TraceReader> reader_;
  std::uint64_t played_ = 0;
};

}  // namespace mckit::workloads
