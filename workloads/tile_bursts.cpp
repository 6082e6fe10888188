#include "workloads/tile_bursts.h"

#include <algorithm>

namespace mckit::workloads {

namespace {

std::uint64_t bits_of(DType t) { return std::uint64_t(bytes_per_element(t) * 8); }

// The bytes [first, end) holding `cols` elements of row `row` from column `col0`.
struct ByteRange {
  std::uint64_t first;
  std::uint64_t end;
};

ByteRange segment_bytes(const Matrix& m, std::uint64_t row, std::uint64_t col0,
                        std::uint64_t cols) {
  const std::uint64_t bits = bits_of(m.dtype);
  const std::uint64_t first_bit = (row * m.cols + col0) * bits;
  return {first_bit / 8, (first_bit + cols * bits + 7) / 8};
}

std::uint64_t segment_bursts(const Matrix& m, std::uint64_t row, std::uint64_t col0,
                             std::uint64_t cols, std::uint64_t burst) {
  const ByteRange b = segment_bytes(m, row, col0, cols);
  return (b.end + burst - 1) / burst - b.first / burst;
}

// When a row spans whole bursts, every row sits the same way on burst boundaries, so one
// row's count stands for all: this keeps plans of model-sized GEMMs cheap.
bool rows_burst_aligned(const Matrix& m, std::uint64_t burst) {
  return (m.cols * bits_of(m.dtype)) % (8 * burst) == 0;
}

}  // namespace

void append_tile_bursts(const Matrix& m, const Tile& t, int burst_bytes, std::vector<Burst>& out) {
  const std::uint64_t burst = std::uint64_t(burst_bytes);
  for (std::uint64_t r = t.row0; r < t.row0 + t.rows; ++r) {
    const ByteRange b = segment_bytes(m, r, t.col0, t.cols);
    for (std::uint64_t at = b.first / burst * burst; at < b.end; at += burst) {
      const std::uint64_t lo = b.first > at ? b.first - at : 0;
      const std::uint64_t hi = b.end < at + burst ? b.end - at : burst;
      Burst x;
      x.addr = m.base + at;
      // Bytes [lo, hi) of the burst; 1 << 64 would be undefined, hence the 64 case.
      if (lo != 0 || hi != burst) x.mask = ((hi == 64 ? 0 : 1ull << hi) - 1) & ~((1ull << lo) - 1);
      out.push_back(x);
    }
  }
}

std::uint64_t tile_burst_count(const Matrix& m, const Tile& t, int burst_bytes) {
  const std::uint64_t burst = std::uint64_t(burst_bytes);
  if (rows_burst_aligned(m, burst))
    return t.rows * segment_bursts(m, t.row0, t.col0, t.cols, burst);
  std::uint64_t n = 0;
  for (std::uint64_t r = t.row0; r < t.row0 + t.rows; ++r)
    n += segment_bursts(m, r, t.col0, t.cols, burst);
  return n;
}

std::uint64_t tiling_burst_count(const Matrix& m, std::uint64_t tile_cols, int burst_bytes) {
  const std::uint64_t burst = std::uint64_t(burst_bytes);
  const bool aligned = rows_burst_aligned(m, burst);
  std::uint64_t n = 0;
  for (std::uint64_t r = 0; r < (aligned ? 1 : m.rows); ++r)
    for (std::uint64_t c = 0; c < m.cols; c += tile_cols)
      n += segment_bursts(m, r, c, std::min(tile_cols, m.cols - c), burst);
  return aligned ? n * m.rows : n;
}

}  // namespace mckit::workloads
