#include "workloads/tile_stream.h"

#include <string>

#include "common/input_error.h"
#include "workloads/microbench.h"

namespace mckit::workloads {

TileStream::TileStream(int burst_bytes, std::uint64_t seed)
    : burst_bytes_(burst_bytes), seed_(seed) {
  if (burst_bytes < 8 || burst_bytes > kMaxBurstBytes || (burst_bytes & (burst_bytes - 1)) != 0)
    throw InputError("burst of " + std::to_string(burst_bytes) +
                     " bytes: expected a power of two from 8 to " + std::to_string(kMaxBurstBytes));
}

bool TileStream::next(Request& out) {
  while (at_ == bursts_.size()) {
    if (!next_access(access_)) return false;
    bursts_.clear();
    at_ = 0;
    append_tile_bursts(access_.matrix, access_.tile, burst_bytes_, bursts_);
  }
  const Burst& b = bursts_[at_++];
  out = Request{};
  out.addr = b.addr;
  out.write = access_.write;
  out.stream = access_.stream;
  if (out.write) {
    out.mask = b.mask;
    fill_pattern(out, seed_, issued_, burst_bytes_);
  }
  ++issued_;
  return true;
}

}  // namespace mckit::workloads
