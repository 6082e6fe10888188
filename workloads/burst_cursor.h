// Turns byte ranges of tensors (segments) into burst requests, one burst at a time, so a
// generator only has to say which range comes next.
#pragma once

#include <cstdint>

#include "common/request.h"
#include "workloads/planned_source.h"

namespace mckit::workloads {

struct Segment {
  std::uint64_t addr = 0;   // burst aligned
  std::uint64_t bytes = 0;  // a last partial burst is written with a byte mask
  bool write = false;
  std::uint32_t stream = 0;
};

// Bursts covering `bytes` bytes from a burst boundary.
inline std::uint64_t bursts_of(std::uint64_t bytes, int burst_bytes) {
  return (bytes + std::uint64_t(burst_bytes) - 1) / std::uint64_t(burst_bytes);
}

// `bytes` rounded up to whole bursts.
inline std::uint64_t burst_padded(std::uint64_t bytes, int burst_bytes) {
  return bursts_of(bytes, burst_bytes) * std::uint64_t(burst_bytes);
}

class BurstCursor {
 public:
  // Write data follows fill_pattern(seed, request number).
  BurstCursor(int burst_bytes, std::uint64_t seed) : burst_(burst_bytes), seed_(seed) {}
  void start(const Segment& s) { seg_ = s; offset_ = 0; }
  // The next burst of the current segment; false once it is used up.
  bool next(Request& out);

 private:
  int burst_;
  std::uint64_t seed_;
  Segment seg_;
  std::uint64_t offset_ = 0;
  std::uint64_t issued_ = 0;
};

// A generator that names the byte ranges it moves, one after another; the bursts follow.
class SegmentSource : public PlannedSource {
 public:
  bool next(Request& out) final;

 protected:
  SegmentSource(int burst_bytes, std::uint64_t seed) : cursor_(burst_bytes, seed) {}
  // The next range, in order; false when the workload is over.
  virtual bool next_segment(Segment& s) = 0;

 private:
  BurstCursor cursor_;
};

}  // namespace mckit::workloads
