#include "workloads/stream_mix.h"

namespace mckit::workloads {

StreamMix::StreamMix(std::vector<Part> parts) : parts_(std::move(parts)) {
  for (std::size_t i = 0; i < parts_.size(); ++i) live_.push_back(i);
}

bool StreamMix::next(Request& out) {
  while (!live_.empty()) {
    if (turn_ >= live_.size()) turn_ = 0;
    Part& p = parts_[live_[turn_]];
    if (p.source->next(out)) {
      out.stream += p.stream_offset;
      out.addr += p.address_offset;
      ++turn_;
      return true;
    }
    live_.erase(live_.begin() + std::ptrdiff_t(turn_));  // the next part takes this turn
  }
  return false;
}

WorkloadPlan StreamMix::plan() const {
  WorkloadPlan total;
  for (const Part& p : parts_) {
    const WorkloadPlan one = p.source->plan();
    total.requests += one.requests;
    total.read_bytes += one.read_bytes;
    total.write_bytes += one.write_bytes;
    total.footprint += one.footprint;
  }
  return total;
}

}  // namespace mckit::workloads
