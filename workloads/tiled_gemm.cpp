#include "workloads/tiled_gemm.h"

#include <algorithm>
#include <string>

#include "common/input_error.h"
#include "workloads/fit_check.h"

namespace mckit::workloads {

namespace {
std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return (a + b - 1) / b; }
}  // namespace

void check_gemm_tiles(const GemmTiles& t, DType dtype, std::uint64_t buffer_bytes) {
  if (t.m == 0 || t.n == 0 || t.k == 0) throw InputError("GEMM tile sides must be at least 1");
  const std::uint64_t need =
      sat_add(sat_add(tensor_bytes(sat_mul(t.m, t.k), dtype), tensor_bytes(sat_mul(t.k, t.n), dtype)),
              tensor_bytes(sat_mul(t.m, t.n), dtype));
  if (need > buffer_bytes)
    throw InputError("GEMM tiles " + std::to_string(t.m) + "x" + std::to_string(t.n) + "x" +
                     std::to_string(t.k) + " need " + std::to_string(need) + " bytes of " +
                     name_of(dtype) + " (A + B + C tile) but the buffer holds " +
                     std::to_string(buffer_bytes));
}

GemmTraffic gemm_traffic(const Gemm& g, const GemmTiles& t, int burst_bytes) {
  GemmTraffic r;
  r.read_bursts = tiling_burst_count(g.a, t.k, burst_bytes) * ceil_div(g.c.cols, t.n) +
                  tiling_burst_count(g.b, t.n, burst_bytes) * ceil_div(g.c.rows, t.m);
  r.write_bursts = tiling_burst_count(g.c, t.n, burst_bytes);
  return r;
}

bool TiledGemmWalker::next(TileAccess& out) {
  const std::uint64_t m = g_.c.rows, n = g_.c.cols, k = g_.a.cols;
  if (i_ >= m) return false;
  const std::uint64_t rows = std::min(t_.m, m - i_), cols = std::min(t_.n, n - j_);
  if (k_ < k) {
    const std::uint64_t depth = std::min(t_.k, k - k_);
    if (!b_next_) {
      out = {g_.a, Tile{i_, rows, k_, depth}, false, g_.stream_a};
    } else {
      out = {g_.b, Tile{k_, depth, j_, cols}, false, g_.stream_b};
      k_ += depth;
    }
    b_next_ = !b_next_;
    return true;
  }
  out = {g_.c, Tile{i_, rows, j_, cols}, true, g_.stream_c};
  k_ = 0;
  j_ += cols;
  if (j_ >= n) {
    j_ = 0;
    i_ += rows;
  }
  return true;
}

}  // namespace mckit::workloads
