// One tiled GEMM, C[M×N] = A[M×K] · B[K×N], all three row-major, with an on-chip buffer
// holding one tile of each. Loop order, output-stationary:
//
//   for i in M tiles (Tm rows), for j in N tiles (Tn cols):   // C tile (i, j)
//     for k in K tiles (Tk):  read A tile (i, k), then B tile (k, j)
//     write C tile (i, j)                                     // once, when finished
//
// Only the C tile being accumulated stays resident; A and B tiles are dropped after use, so
// A is read once per N tile and B once per M tile, whatever Tk is:
//
//   reads  = bursts(A in Tk-wide tiles) · ⌈N/Tn⌉ + bursts(B in Tn-wide tiles) · ⌈M/Tm⌉
//   writes = bursts(C in Tn-wide tiles)
//
// (edge tiles clipped; see tile_bursts.h for how a tile row rounds to bursts).
#pragma once

#include <cstdint>

#include "workloads/tile_stream.h"

namespace mckit::workloads {

struct GemmTiles {
  std::uint64_t m = 128;  // Tm: rows of the A and C tiles
  std::uint64_t n = 128;  // Tn: columns of the B and C tiles
  std::uint64_t k = 128;  // Tk: columns of the A tile, rows of the B tile
};

// Throws InputError when a tile side is zero or the A, B and C tiles together
// (Tm·Tk + Tk·Tn + Tm·Tn elements) exceed buffer_bytes.
void check_gemm_tiles(const GemmTiles& t, DType dtype, std::uint64_t buffer_bytes);

struct Gemm {
  Matrix a, b, c;  // M×K, K×N, M×N
  std::uint32_t stream_a = 0, stream_b = 0, stream_c = 0;
};

struct GemmTraffic {
  std::uint64_t read_bursts = 0;
  std::uint64_t write_bursts = 0;
};

GemmTraffic gemm_traffic(const Gemm& g, const GemmTiles& t, int burst_bytes);

// The tile accesses of one GEMM in the loop order above.
class TiledGemmWalker {
 public:
  TiledGemmWalker(const Gemm& g, const GemmTiles& t) : g_(g), t_(t) {}
  bool next(TileAccess& out);

 private:
  Gemm g_;
  GemmTiles t_;
  std::uint64_t i_ = 0, j_ = 0, k_ = 0;  // row, column and depth of the next tile
  bool b_next_ = false;                   // the B tile of step k_ comes next
};

}  // namespace mckit::workloads
