// moe: the weight traffic of decoding with a mixture-of-experts model. For each step (one
// token for each of `batch` sequences) and each simulated layer, in this order:
//   1. the attention weights q, k, v, o, read once for the batch (as in llm-decode);
//   2. the router picks top_k distinct experts for each of the batch's tokens; every expert
//      picked by at least one token is fetched once in this step (its gate, up and down
//      matrices), in ascending expert number. A weight fetched for one token serves every
//      token of the step that picked it, as a batched expert kernel does.
// The router draws experts from a Zipf distribution with skew alpha over popularity ranks
// (rank 1 the most popular); which expert holds which rank is a seeded permutation per
// layer. Top-k distinct: a draw of an expert already picked for the token is redrawn.
// KV cache traffic is left out (llm-decode models it): this isolates the expert fetches.
//
// Stream ids: 0..3 the attention matrices q, k, v, o (same id in every layer); 16 + e the
// FFN matrices of expert e.
//
// Only the first `layers` layers are simulated; routing differs per layer, so the full
// model's figures are these times model.layers / layers only in expectation.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "workloads/burst_cursor.h"
#include "workloads/dtype.h"
#include "workloads/model_shape.h"
#include "workloads/planned_source.h"
#include "workloads/tensor_allocator.h"
#include "workloads/zipf.h"

namespace mckit::workloads {

struct MoeParams {
  ModelShape model;                 // kind moe
  std::uint64_t batch = 1;          // tokens routed together per step
  std::uint64_t steps = 1;          // tokens generated per sequence
  double alpha = 1.0;               // Zipf skew of the router over experts (0: uniform)
  DType weight_dtype = DType::Bf16;
  std::uint64_t layers = 0;         // layers simulated, the first ones (0: all)
  std::uint64_t seed = 1;
  int burst_bytes = 64;
  std::uint64_t capacity = 0;       // of the memory: tensors are laid out from address 0
  std::uint64_t stagger = 0;   // tensor k starts k x stagger bytes past its 4 KiB boundary
};

// The seeded router: for each (step, layer), in that order, the experts the batch uses.
class MoeRouter {
 public:
  MoeRouter(const ModelShape& m, std::uint64_t layers, std::uint64_t batch, double alpha,
            std::uint64_t seed);
  // Experts picked by any token of the batch in the next layer of the step, ascending.
  std::vector<std::uint64_t> route(std::uint64_t layer);

 private:
  std::uint64_t experts_, top_k_, batch_;
  std::mt19937_64 rng_;
  ZipfSampler zipf_;
  std::vector<std::vector<std::uint64_t>> expert_of_rank_;  // per layer
};

class MoeSource : public SegmentSource {
 public:
  // Throws InputError for a non-moe model, a zero batch or step count, more layers than the
  // model has, a negative alpha, or tensors that do not fit in the capacity.
  explicit MoeSource(const MoeParams& p);
  WorkloadPlan plan() const override { return plan_; }

 private:
  bool next_segment(Segment& s) override;

  MoeParams p_;
  std::uint64_t layers_;
  std::vector<Tensor> tensors_;  // per layer: q, k, v, o, then gate, up, down of each expert
  MoeRouter router_;
  WorkloadPlan plan_;
  std::uint64_t step_ = 0, layer_ = 0, item_ = 0;  // where next_segment() stands
  std::vector<std::uint64_t> chosen_;              // experts of the current (step, layer)
};

}  // namespace mckit::workloads
