// llm-prefill: the GEMMs of a transformer's layers while it reads a prompt of `seq` tokens
// for `batch` sequences (M = batch·seq rows), each GEMM tiled as in tiled_gemm.h. Per layer,
// in order (weights are stored [in, out], so X·W needs no transpose):
//
//   q    = x    · wq   (hidden → heads·head_dim)
//   k    = x    · wk   (hidden → kv_heads·head_dim)     grouped-query attention
//   v    = x    · wv   (hidden → kv_heads·head_dim)
//   h    = attn · wo   (heads·head_dim → hidden)        attn: the attention's output
//   g    = h    · wg   (hidden → ffn)                   FFN gate
//   u    = h    · wu   (hidden → ffn)                   FFN up
//   x    = g    · wd   (ffn → hidden)                   FFN down, into the next layer's input
//
// The attention itself (see attention.h), norms, residual adds and act(g)·u (taken to
// overwrite g in place) are not GEMMs and move no traffic here. Activations are one set of
// buffers reused by every layer; each layer has its own weights. Stream ids name the tensor
// (PrefillStream), the same in every layer: a layer's weights are told apart by address.
// Tensors are laid out in the PrefillStream order (activations, then layer 0's weights, then
// layer 1's ...), each 4 KiB-aligned, from address 0.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/tiled_gemm.h"

namespace mckit::workloads {

enum PrefillStream : std::uint32_t {
  kPrefillX, kPrefillQ, kPrefillK, kPrefillV, kPrefillAttn, kPrefillH, kPrefillG, kPrefillU,
  kPrefillWq, kPrefillWk, kPrefillWv, kPrefillWo, kPrefillWg, kPrefillWu, kPrefillWd,
};

struct LlmPrefillParams {
  // Model shape, as a model-shape preset gives it.
  std::uint64_t hidden = 0;
  std::uint64_t heads = 0;
  std::uint64_t kv_heads = 0;  // divides heads
  std::uint64_t head_dim = 0;
  std::uint64_t ffn = 0;
  std::uint64_t layers = 1;
  // The run.
  std::uint64_t batch = 1;
  std::uint64_t seq = 512;
  DType dtype = DType::Fp16;
  std::uint64_t buffer_bytes = 4 << 20;  // on-chip: must hold the A, B and C tiles
  GemmTiles tiles{512, 512, 512};
  int burst_bytes = 64;
  std::uint64_t capacity = 1ull << 33;  // of the memory: the tensors must fit
  std::uint64_t stagger = 0;   // tensor k starts k x stagger bytes past its 4 KiB boundary
  std::uint64_t seed = 1;               // of the write data
};

// Where the tensors landed: every layer's GEMMs in order, and the bytes they span.
struct PrefillLayout {
  std::vector<Gemm> gemms;
  std::uint64_t footprint = 0;
};

class LlmPrefillSource : public TileStream {
 public:
  // Throws InputError for a zero dimension, kv_heads not dividing heads, tiles that do not
  // fit the buffer, or tensors that do not fit the capacity.
  explicit LlmPrefillSource(const LlmPrefillParams& p);
  WorkloadPlan plan() const override;

 protected:
  bool next_access(TileAccess& out) override;

 private:
  LlmPrefillParams p_;
  PrefillLayout layout_;
  std::size_t current_ = 0;
  TiledGemmWalker walker_;
};

}  // namespace mckit::workloads
