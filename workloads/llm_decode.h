// llm-decode: the memory traffic of generating tokens with a decoder LLM, batch sequences at
// a time. For each generated token and each simulated layer, in this order:
//   1. the layer's weights, read once for the whole batch: q, k, v, o, gate, up, down
//      (skipped when weights_resident);
//   2. for each sequence s of the batch: its K cache, then its V cache, read for every token
//      already in it (context + tokens generated so far), then the new token's K row and V
//      row appended as writes.
// Each layer and sequence has its own K and V cache, token-major: a token's row is kv_heads x
// head_dim elements (grouped-query attention keeps only kv_heads heads), padded to whole
// bursts, so reading the cache is one contiguous range.
//
// Stream ids: 0..6 the weight matrices q, k, v, o, gate, up, down (the same id in every
// layer); 16 + 2s the K cache of sequence s, 17 + 2s its V cache (reads and appends alike).
//
// Only the first `layers` layers are simulated (every layer moves the same bytes, so a full
// model's figures are these times model.layers / layers). The embedding lookup and the
// final vocab projection are not modelled.
#pragma once

#include <cstdint>
#include <vector>

#include "workloads/burst_cursor.h"
#include "workloads/dtype.h"
#include "workloads/model_shape.h"
#include "workloads/planned_source.h"
#include "workloads/tensor_allocator.h"

namespace mckit::workloads {

struct LlmDecodeParams {
  ModelShape model;                 // kind decoder
  std::uint64_t batch = 1;          // sequences decoded together
  std::uint64_t context = 1024;     // tokens already in each sequence's KV cache
  std::uint64_t tokens = 1;         // tokens generated; the context grows by one per token
  DType weight_dtype = DType::Bf16;
  DType kv_dtype = DType::Bf16;
  bool weights_resident = false;    // weights kept on chip: only KV cache traffic
  std::uint64_t layers = 0;         // layers simulated, the first ones (0: all)
  std::uint64_t seed = 1;           // write data
  int burst_bytes = 64;
  std::uint64_t capacity = 0;       // of the memory: tensors are laid out from address 0
  std::uint64_t stagger = 0;   // tensor k starts k x stagger bytes past its 4 KiB boundary
};

class LlmDecodeSource : public SegmentSource {
 public:
  // Throws InputError for a non-decoder model, a zero batch or token count, more layers
  // than the model has, or tensors that do not fit in the capacity.
  explicit LlmDecodeSource(const LlmDecodeParams& p);
  WorkloadPlan plan() const override { return plan_; }

 private:
  bool next_segment(Segment& s) override;
  // Throws InputError, saying what to change, when the layout would not fit the capacity.
  void require_fits(const std::vector<WeightMatrix>& weights, std::uint64_t cache_bytes) const;

  LlmDecodeParams p_;
  std::uint64_t layers_;      // simulated
  std::uint64_t weights_;     // weight matrices streamed per layer: 7, or 0 when resident
  std::uint64_t row_bytes_;   // one token's K (or V) row
  std::uint64_t row_stride_;  // the row padded to whole bursts
  std::vector<Tensor> tensors_;
  WorkloadPlan plan_;
  std::uint64_t token_ = 0, layer_ = 0, item_ = 0;  // where next_segment() stands
};

}  // namespace mckit::workloads
