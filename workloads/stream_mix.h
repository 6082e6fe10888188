// Several generators at once, as separate streams: one request from each in turn (those
// that are done drop out), each generator's stream ids and addresses moved up by its own
// offsets so that the streams stay apart; the mix's plan is the sum of theirs.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "workloads/planned_source.h"

namespace mckit::workloads {

class StreamMix : public PlannedSource {
 public:
  struct Part {
    std::unique_ptr<PlannedSource> source;
    std::uint32_t stream_offset = 0;
    std::uint64_t address_offset = 0;  // keeps the generators' tensors apart
  };
  explicit StreamMix(std::vector<Part> parts);

  bool next(Request& out) override;
  WorkloadPlan plan() const override;

 private:
  std::vector<Part> parts_;
  std::vector<std::size_t> live_;  // parts not yet done, in turn order
  std::size_t turn_ = 0;
};

}  // namespace mckit::workloads
