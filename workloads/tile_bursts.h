// The bursts that move a rectangular tile of a row-major matrix: row by row, each row
// segment reading (or writing) every burst it touches. A segment that covers only part of a
// burst (narrower than a burst, or not starting on a burst boundary) still moves the whole
// burst; a write says which bytes are its own through the request's byte mask.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/dtype.h"

namespace mckit::workloads {

// A row-major matrix stored from `base` (burst-aligned): element (r, c) is element number
// r * cols + c, so int4 rows of odd length share a byte with the next row.
struct Matrix {
  std::uint64_t base = 0;
  std::uint64_t rows = 0;
  std::uint64_t cols = 0;
  DType dtype = DType::Fp16;
};

// Rows [row0, row0 + rows) and columns [col0, col0 + cols) of a matrix.
struct Tile {
  std::uint64_t row0 = 0;
  std::uint64_t rows = 0;
  std::uint64_t col0 = 0;
  std::uint64_t cols = 0;
};

struct Burst {
  std::uint64_t addr = 0;
  std::uint64_t mask = ~0ull;  // the tile's bytes in the burst, bit i = byte i; ~0: all
};

// Appends the tile's bursts in order: row by row, ascending addresses within a row.
void append_tile_bursts(const Matrix& m, const Tile& t, int burst_bytes, std::vector<Burst>& out);

// How many bursts append_tile_bursts gives, without listing them.
std::uint64_t tile_burst_count(const Matrix& m, const Tile& t, int burst_bytes);

// The bursts of one pass over the whole matrix in tiles `tile_cols` wide (the last one
// clipped). The tile height does not matter: row tiles only regroup the same row segments.
std::uint64_t tiling_burst_count(const Matrix& m, std::uint64_t tile_cols, int burst_bytes);

}  // namespace mckit::workloads
