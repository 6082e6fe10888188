#include "workloads/burst_cursor.h"

#include "workloads/microbench.h"

namespace mckit::workloads {

bool BurstCursor::next(Request& out) {
  if (offset_ >= seg_.bytes) return false;
  out = Request{};
  out.addr = seg_.addr + offset_;
  out.write = seg_.write;
  out.stream = seg_.stream;
  if (out.write) {
    fill_pattern(out, seed_, issued_, burst_);
    const std::uint64_t left = seg_.bytes - offset_;
    if (left < std::uint64_t(burst_)) out.mask = (1ull << left) - 1;
  }
  offset_ += std::uint64_t(burst_);
  ++issued_;
  return true;
}

bool SegmentSource::next(Request& out) {
  while (!cursor_.next(out)) {
    Segment s;
    if (!next_segment(s)) return false;
    cursor_.start(s);
  }
  return true;
}

}  // namespace mckit::workloads
