// A generator described as a sequence of tile accesses (read or write one tile of one
// tensor); this base turns each access into its bursts, one request at a time, so a
// subclass only states its loop nest. Written bursts carry fill_pattern(seed, request
// number) data and a mask of the tile's own bytes.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/planned_source.h"
#include "workloads/tile_bursts.h"

namespace mckit::workloads {

struct TileAccess {
  Matrix matrix;
  Tile tile;
  bool write = false;
  std::uint32_t stream = 0;
};

class TileStream : public PlannedSource {
 public:
  bool next(Request& out) final;

 protected:
  // Throws InputError unless burst_bytes is a power of two from 8 to kMaxBurstBytes.
  TileStream(int burst_bytes, std::uint64_t seed);
  // The next access of the loop nest; false once it is over.
  virtual bool next_access(TileAccess& out) = 0;
  int burst_bytes() const { return burst_bytes_; }

 private:
  int burst_bytes_;
  std::uint64_t seed_;
  TileAccess access_;
  std::vector<Burst> bursts_;  // of access_, not yet issued from `at_` on
  std::size_t at_ = 0;
  std::uint64_t issued_ = 0;
};

}  // namespace mckit::workloads
