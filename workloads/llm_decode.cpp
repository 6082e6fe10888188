#include "workloads/llm_decode.h"

#include "common/byte_size.h"
#include "common/input_error.h"
#include "workloads/ai_params_check.h"
#include "workloads/fit_check.h"

namespace mckit::workloads {

namespace {
constexpr std::uint32_t kKvStreamBase = 16;
constexpr std::uint64_t kAlignment = 4096;  // tensors start on a page, as allocators do
}  // namespace

LlmDecodeSource::LlmDecodeSource(const LlmDecodeParams& p)
    : SegmentSource(p.burst_bytes, p.seed), p_(p) {
  require_kind(p_.model, ModelKind::Decoder, "llm-decode");
  require_memory(p_.burst_bytes, p_.capacity);
  if (p_.batch == 0) throw InputError("llm-decode: batch must be at least 1 sequence");
  if (p_.tokens == 0) throw InputError("llm-decode: tokens must be at least 1");
  layers_ = simulated_layers(p_.model, p_.layers);

  std::vector<WeightMatrix> weights = attention_weights(p_.model);
  for (const WeightMatrix& w : ffn_weights(p_.model)) weights.push_back(w);
  weights_ = p_.weights_resident ? 0 : weights.size();
  row_bytes_ = tensor_bytes(p_.model.kv_dim(), p_.kv_dtype);
  row_stride_ = burst_padded(row_bytes_, p_.burst_bytes);
  const std::uint64_t cache_bytes = sat_mul(sat_add(p_.context, p_.tokens), row_stride_);
  require_fits(weights, cache_bytes);

  AllocatorParams a;
  a.capacity = p_.capacity;
  a.alignment = kAlignment;
  a.stagger = p_.stagger;
  TensorAllocator alloc(a);
  std::uint64_t weight_bursts = 0;  // per layer
  for (std::uint64_t l = 0; l < layers_; ++l) {
    const std::string layer = "layer " + std::to_string(l) + " ";
    for (std::uint64_t w = 0; w < weights_; ++w) {
      const Tensor t = alloc.allocate(layer + weights[w].name,
                                      tensor_bytes(weights[w].elements, p_.weight_dtype));
      if (l == 0) weight_bursts += bursts_of(t.bytes, p_.burst_bytes);
    }
    for (std::uint64_t s = 0; s < p_.batch; ++s) {
      alloc.allocate(layer + "sequence " + std::to_string(s) + " K cache", cache_bytes);
      alloc.allocate(layer + "sequence " + std::to_string(s) + " V cache", cache_bytes);
    }
  }
  tensors_ = alloc.tensors();

  // Token t reads context + t rows of K and of V per sequence and appends one row of each.
  const std::uint64_t row_bursts = row_stride_ / std::uint64_t(p_.burst_bytes);
  const std::uint64_t T = p_.tokens;
  const std::uint64_t rows_read = T * p_.context + T * (T - 1) / 2;  // sum over t of context + t
  const std::uint64_t reads = layers_ * (T * weight_bursts + 2 * p_.batch * rows_read * row_bursts);
  const std::uint64_t writes = layers_ * T * p_.batch * 2 * row_bursts;
  plan_.requests = reads + writes;
  plan_.read_bytes = reads * std::uint64_t(p_.burst_bytes);
  plan_.write_bytes = writes * std::uint64_t(p_.burst_bytes);
  plan_.footprint = alloc.used();
}

void LlmDecodeSource::require_fits(const std::vector<WeightMatrix>& weights,
                                   std::uint64_t cache_bytes) const {
  std::vector<TensorGroup> groups;  // in the order they are laid out, the caches last
  std::uint64_t weight_bytes = 0;
  for (std::uint64_t w = 0; w < weights_; ++w) {
    groups.push_back({layers_, tensor_bytes(weights[w].elements, p_.weight_dtype)});
    weight_bytes = sat_add(weight_bytes, sat_mul(layers_, groups.back().bytes));
  }
  const std::uint64_t caches = sat_mul(layers_, sat_mul(2, p_.batch));
  groups.push_back({caches, cache_bytes});

  std::vector<std::string> choices;
  if (weights_ && !smaller_dtypes(p_.weight_dtype).empty())
    choices.push_back("--dtype " + smaller_dtypes(p_.weight_dtype) + " for the weights");
  if (layers_ > 1) choices.push_back("fewer --layers");
  if (p_.batch > 1) choices.push_back("a smaller --batch");
  if (p_.context > 0) choices.push_back("a smaller --context");
  if (!smaller_dtypes(p_.kv_dtype).empty())
    choices.push_back("--kv-dtype " + smaller_dtypes(p_.kv_dtype) + " for the KV cache");
  if (weights_) choices.push_back("--weights-resident");
  const std::string what = "llm-decode with " + layers_text(layers_) + " of " +
                           p_.model.name;
  const std::string detail = (weights_ ? "weights " + bytes_human(double(weight_bytes)) + " in " +
                                             name_of(p_.weight_dtype) + ", "
                                       : std::string()) +
                             "KV cache " + bytes_human(double(sat_mul(caches, cache_bytes))) +
                             " in " + name_of(p_.kv_dtype);
  require_fit(what, layout_bytes(groups), detail, p_.capacity, choices);
}

bool LlmDecodeSource::next_segment(Segment& s) {
  const std::uint64_t items = weights_ + 4 * p_.batch;  // per layer and token
  if (item_ == items) {
    item_ = 0;
    if (++layer_ == layers_) {
      layer_ = 0;
      ++token_;
    }
  }
  if (token_ == p_.tokens) return false;

  const std::uint64_t first = layer_ * (weights_ + 2 * p_.batch);  // this layer's tensors
  const std::uint64_t i = item_++;
  if (i < weights_) {
    s = Segment{tensors_[first + i].base, tensors_[first + i].bytes, false, std::uint32_t(i)};
    return true;
  }
  const std::uint64_t seq = (i - weights_) / 4;
  const std::uint64_t what = (i - weights_) % 4;  // K read, V read, K append, V append
  const bool v = what % 2 == 1;
  const Tensor& cache = tensors_[first + weights_ + 2 * seq + (v ? 1 : 0)];
  const std::uint64_t rows = p_.context + token_;
  s.stream = std::uint32_t(kKvStreamBase + 2 * seq + (v ? 1 : 0));
  s.write = what >= 2;
  s.addr = s.write ? cache.base + rows * row_stride_ : cache.base;
  s.bytes = s.write ? row_bytes_ : rows * row_stride_;
  return true;
}

}  // namespace mckit::workloads
