#include "workloads/moe.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "common/byte_size.h"
#include "common/input_error.h"
#include "workloads/ai_params_check.h"
#include "workloads/fit_check.h"

namespace mckit::workloads {

namespace {
constexpr std::uint32_t kExpertStreamBase = 16;
constexpr std::uint64_t kAlignment = 4096;
constexpr std::uint64_t kAttention = 4;  // q, k, v, o
constexpr std::uint64_t kFfn = 3;        // gate, up, down
constexpr std::uint64_t kMaxRoutingDraws = 1ull << 32;
constexpr const char* kSmallModel = "olmoe-1b-7b";  // shipped: one layer fits an HBM2 channel

// Throws InputError, saying what to change, when the layout would not fit the capacity.
void require_fits(const MoeParams& p) {
  const ModelShape& m = p.model;
  const std::uint64_t layers = simulated_layers(m, p.layers);
  const std::uint64_t experts = sat_mul(layers, m.experts);
  std::vector<TensorGroup> groups;  // the experts' down matrices last, as laid out
  std::uint64_t attention = 0, expert = 0;
  for (const WeightMatrix& w : attention_weights(m)) {
    groups.push_back({layers, tensor_bytes(w.elements, p.weight_dtype)});
    attention = sat_add(attention, sat_mul(layers, groups.back().bytes));
  }
  for (const WeightMatrix& w : ffn_weights(m)) {
    groups.push_back({experts, tensor_bytes(w.elements, p.weight_dtype)});
    expert = sat_add(expert, sat_mul(experts, groups.back().bytes));
  }
  std::vector<std::string> choices;
  if (!smaller_dtypes(p.weight_dtype).empty())
    choices.push_back("--dtype " + smaller_dtypes(p.weight_dtype));
  if (layers > 1) choices.push_back("fewer --layers");
  if (std::filesystem::path(m.file).stem() != kSmallModel)
    choices.push_back("a model with smaller experts (--model " + std::string(kSmallModel) + ")");
  require_fit("moe with " + layers_text(layers) + " of " + m.name,
              layout_bytes(groups),
              "attention " + bytes_human(double(attention)) + ", " + std::to_string(experts) +
                  " experts " + bytes_human(double(expert)) + " in " + name_of(p.weight_dtype),
              p.capacity, choices);
}

// Checked before the router is built: it holds a table per layer of the model's experts.
const MoeParams& checked(const MoeParams& p) {
  require_kind(p.model, ModelKind::Moe, "moe");
  require_memory(p.burst_bytes, p.capacity);
  if (p.batch == 0) throw InputError("moe: batch must be at least 1 token");
  if (p.steps == 0) throw InputError("moe: steps must be at least 1");
  // The plan replays every routing choice before the run: keep that to seconds.
  const std::uint64_t draws = sat_mul(sat_mul(p.steps, simulated_layers(p.model, p.layers)),
                                      sat_mul(p.batch, p.model.top_k));
  if (draws > kMaxRoutingDraws)
    throw InputError("moe: " + std::to_string(p.steps) + " token(s) x batch " +
                     std::to_string(p.batch) + " x top-" + std::to_string(p.model.top_k) +
                     " over the layers make more than " + std::to_string(kMaxRoutingDraws) +
                     " routing choices; try fewer --tokens, a smaller --batch or fewer --layers");
  require_fits(p);
  return p;
}
}  // namespace

MoeRouter::MoeRouter(const ModelShape& m, std::uint64_t layers, std::uint64_t batch,
                     double alpha, std::uint64_t seed)
    : experts_(m.experts), top_k_(m.top_k), batch_(batch), rng_(seed), zipf_(m.experts, alpha) {
  for (std::uint64_t l = 0; l < layers; ++l) {
    std::vector<std::uint64_t> perm(experts_);
    std::iota(perm.begin(), perm.end(), 0);
    std::shuffle(perm.begin(), perm.end(), rng_);
    expert_of_rank_.push_back(perm);
  }
}

std::vector<std::uint64_t> MoeRouter::route(std::uint64_t layer) {
  std::vector<bool> used(experts_, false);
  for (std::uint64_t token = 0; token < batch_; ++token) {
    std::vector<bool> mine(experts_, false);
    for (std::uint64_t k = 0; k < top_k_; ++k) {
      std::uint64_t e;
      do e = expert_of_rank_[layer][zipf_.sample(rng_)];
      while (mine[e]);
      mine[e] = used[e] = true;
    }
  }
  std::vector<std::uint64_t> chosen;
  for (std::uint64_t e = 0; e < experts_; ++e)
    if (used[e]) chosen.push_back(e);
  return chosen;
}

MoeSource::MoeSource(const MoeParams& p)
    : SegmentSource(p.burst_bytes, p.seed),
      p_(checked(p)),
      layers_(simulated_layers(p_.model, p_.layers)),
      router_(p_.model, layers_, p_.batch, p_.alpha, p_.seed) {
  const ModelShape& m = p_.model;
  AllocatorParams a;
  a.capacity = p_.capacity;
  a.alignment = kAlignment;
  a.stagger = p_.stagger;
  TensorAllocator alloc(a);
  const std::vector<WeightMatrix> attention = attention_weights(m);
  const std::vector<WeightMatrix> ffn = ffn_weights(m);
  std::uint64_t attention_bursts = 0, expert_bursts = 0;  // per layer, per expert
  for (std::uint64_t l = 0; l < layers_; ++l) {
    const std::string layer = "layer " + std::to_string(l) + " ";
    for (const WeightMatrix& w : attention) {
      const Tensor t = alloc.allocate(layer + w.name, tensor_bytes(w.elements, p_.weight_dtype));
      if (l == 0) attention_bursts += bursts_of(t.bytes, p_.burst_bytes);
    }
    for (std::uint64_t e = 0; e < m.experts; ++e)
      for (const WeightMatrix& w : ffn) {
        const Tensor t = alloc.allocate(layer + "expert " + std::to_string(e) + " " + w.name,
                                        tensor_bytes(w.elements, p_.weight_dtype));
        if (l == 0 && e == 0) expert_bursts += bursts_of(t.bytes, p_.burst_bytes);
      }
  }
  tensors_ = alloc.tensors();

  // The routing is random, so the plan replays a router with the same seed.
  MoeRouter replay(m, layers_, p_.batch, p_.alpha, p_.seed);
  std::uint64_t fetches = 0;
  for (std::uint64_t s = 0; s < p_.steps; ++s)
    for (std::uint64_t l = 0; l < layers_; ++l) fetches += replay.route(l).size();
  const std::uint64_t reads = p_.steps * layers_ * attention_bursts + fetches * expert_bursts;
  plan_.requests = reads;
  plan_.read_bytes = reads * std::uint64_t(p_.burst_bytes);
  plan_.footprint = alloc.used();
}

bool MoeSource::next_segment(Segment& s) {
  if (step_ == p_.steps) return false;
  if (item_ == 0) chosen_ = router_.route(layer_);
  const std::uint64_t first = layer_ * (kAttention + kFfn * p_.model.experts);
  const std::uint64_t i = item_++;
  if (i < kAttention) {
    s = Segment{tensors_[first + i].base, tensors_[first + i].bytes, false, std::uint32_t(i)};
  } else {
    const std::uint64_t e = chosen_[(i - kAttention) / kFfn];
    const Tensor& t = tensors_[first + kAttention + kFfn * e + (i - kAttention) % kFfn];
    s = Segment{t.base, t.bytes, false, std::uint32_t(kExpertStreamBase + e)};
  }
  if (item_ == kAttention + kFfn * chosen_.size()) {
    item_ = 0;
    if (++layer_ == layers_) {
      layer_ = 0;
      ++step_;
    }
  }
  return true;
}

}  // namespace mckit::workloads
