// attention: tiled (flash-attention style) attention for `batch` sequences of `seq` tokens.
// Q and the output O are [batch·seq, heads·head_dim] row-major, K and V
// [batch·seq, kv_heads·head_dim] (the layout the projections write, see llm_prefill.h);
// head h's slice is columns [h·head_dim, (h+1)·head_dim). With grouped-query attention the
// heads/kv_heads query heads h of one group share K/V head h / (heads/kv_heads). Loop order:
//
//   for b in batch, for h in heads, for query block i of Br rows:
//     read Q block i (Br × head_dim)                once
//     for key block j of Bc rows (causal: only blocks starting at or before the block's
//                                  last query row; the block is read whole even where it
//                                  crosses the diagonal):
//       read K block j, then V block j              (Bc × head_dim each)
//     write O block i                                once
//
// Nothing else stays resident, so K and V are re-read once per query block. With every
// block full and head_dim·element size a multiple of the burst:
//
//   Q reads = O writes = batch·heads·seq·head_dim·e bytes
//   K reads = V reads  = batch·heads·P·Bc·head_dim·e bytes,  P = (key, query) block pairs
//   P = ⌈seq/Br⌉·⌈seq/Bc⌉, or causal with Br = Bc = b and T = seq/b: T(T+1)/2
//
// Stream ids: AttentionStream. Tensors are laid out q, k, v, o, 4 KiB-aligned, from 0.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/tile_stream.h"

namespace mckit::workloads {

enum AttentionStream : std::uint32_t { kAttnQ, kAttnK, kAttnV, kAttnO };

struct AttentionParams {
  std::uint64_t seq = 2048;
  std::uint64_t heads = 32;
  std::uint64_t kv_heads = 8;  // divides heads
  std::uint64_t head_dim = 128;
  std::uint64_t batch = 1;
  std::uint64_t block_rows = 64;  // Br: query rows per block
  std::uint64_t block_cols = 64;  // Bc: key/value rows per block
  bool causal = false;
  DType dtype = DType::Fp16;
  int burst_bytes = 64;
  std::uint64_t capacity = 1ull << 33;  // of the memory: the tensors must fit
  std::uint64_t stagger = 0;   // tensor k starts k x stagger bytes past its 4 KiB boundary
  std::uint64_t seed = 1;               // of the write data
};

class AttentionSource : public TileStream {
 public:
  // Throws InputError for a zero size, kv_heads not dividing heads, or tensors that do not
  // fit the capacity.
  explicit AttentionSource(const AttentionParams& p);
  WorkloadPlan plan() const override;

 protected:
  bool next_access(TileAccess& out) override;

 private:
  enum class Phase { Q, K, V, O };
  // One past the last key row query block `row0` reads (causal: up to its diagonal).
  std::uint64_t key_end(std::uint64_t row0) const;
  Tile head_block(std::uint64_t b, std::uint64_t row0, std::uint64_t rows,
                  std::uint64_t head) const;

  AttentionParams p_;
  Matrix q_, k_, v_, o_;
  std::uint64_t footprint_ = 0;
  std::uint64_t b_ = 0, h_ = 0, i_ = 0, j_ = 0;  // batch, head, query row, key row
  Phase phase_ = Phase::Q;
};

}  // namespace mckit::workloads
