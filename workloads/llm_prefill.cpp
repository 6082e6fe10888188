#include "workloads/llm_prefill.h"

#include <string>

#include "common/byte_size.h"
#include "common/input_error.h"
#include "workloads/fit_check.h"
#include "workloads/tensor_allocator.h"

namespace mckit::workloads {

namespace {

// Throws InputError, saying what to change, when the layout would not fit the capacity.
void require_fits(const LlmPrefillParams& p) {
  const std::uint64_t m = sat_mul(p.batch, p.seq), q_dim = sat_mul(p.heads, p.head_dim),
                      kv_dim = sat_mul(p.kv_heads, p.head_dim);
  const auto bytes = [&](std::uint64_t rows, std::uint64_t cols) {
    return tensor_bytes(sat_mul(rows, cols), p.dtype);
  };
  // As lay_out() places them: the activations, then each layer's weights, wd last.
  const std::vector<TensorGroup> activations = {
      {1, bytes(m, p.hidden)}, {1, bytes(m, q_dim)},  {1, bytes(m, kv_dim)}, {1, bytes(m, kv_dim)},
      {1, bytes(m, q_dim)},    {1, bytes(m, p.hidden)}, {1, bytes(m, p.ffn)}, {1, bytes(m, p.ffn)}};
  const std::vector<TensorGroup> weights = {
      {p.layers, bytes(p.hidden, q_dim)}, {p.layers, bytes(p.hidden, kv_dim)},
      {p.layers, bytes(p.hidden, kv_dim)}, {p.layers, bytes(q_dim, p.hidden)},
      {p.layers, bytes(p.hidden, p.ffn)}, {p.layers, bytes(p.hidden, p.ffn)},
      {p.layers, bytes(p.ffn, p.hidden)}};
  std::vector<TensorGroup> groups = activations;
  groups.insert(groups.end(), weights.begin(), weights.end());

  std::vector<std::string> choices;
  if (!smaller_dtypes(p.dtype).empty()) choices.push_back("--dtype " + smaller_dtypes(p.dtype));
  if (p.layers > 1) choices.push_back("fewer --layers");
  if (p.batch > 1) choices.push_back("a smaller --batch");
  choices.push_back("a smaller --seq");
  require_fit("llm-prefill with " + layers_text(p.layers), layout_bytes(groups),
              "weights " + bytes_human(double(layout_bytes(weights))) + ", activations " +
                  bytes_human(double(layout_bytes(activations))) + " in " + name_of(p.dtype),
              p.capacity, choices);
}

void check(const LlmPrefillParams& p) {
  const std::pair<const char*, std::uint64_t> sizes[] = {
      {"hidden", p.hidden}, {"heads", p.heads}, {"kv_heads", p.kv_heads},
      {"head_dim", p.head_dim}, {"ffn", p.ffn}, {"layers", p.layers},
      {"batch", p.batch}, {"seq", p.seq}};
  for (const auto& [name, value] : sizes)
    if (value == 0) throw InputError(std::string("llm-prefill: ") + name + " must be at least 1");
  if (p.heads % p.kv_heads != 0)
    throw InputError("llm-prefill: kv_heads (" + std::to_string(p.kv_heads) +
                     ") must divide heads (" + std::to_string(p.heads) + ")");
  check_gemm_tiles(p.tiles, p.dtype, p.buffer_bytes);
  require_fits(p);
}

PrefillLayout lay_out(const LlmPrefillParams& p) {
  AllocatorParams ap;
  ap.capacity = p.capacity;
  ap.stagger = p.stagger;
  TensorAllocator alloc(ap);
  auto matrix = [&](const std::string& name, std::uint64_t rows, std::uint64_t cols) {
    return Matrix{alloc.allocate(name, tensor_bytes(rows * cols, p.dtype)).base, rows, cols,
                  p.dtype};
  };
  const std::uint64_t m = p.batch * p.seq, q_dim = p.heads * p.head_dim,
                      kv_dim = p.kv_heads * p.head_dim;
  const Matrix x = matrix("x", m, p.hidden), q = matrix("q", m, q_dim),
               k = matrix("k", m, kv_dim), v = matrix("v", m, kv_dim),
               attn = matrix("attn", m, q_dim), h = matrix("h", m, p.hidden),
               g = matrix("g", m, p.ffn), u = matrix("u", m, p.ffn);
  std::vector<Gemm> gemms;
  for (std::uint64_t l = 0; l < p.layers; ++l) {
    const std::string at = "." + std::to_string(l);
    const Matrix wq = matrix("wq" + at, p.hidden, q_dim), wk = matrix("wk" + at, p.hidden, kv_dim),
                 wv = matrix("wv" + at, p.hidden, kv_dim), wo = matrix("wo" + at, q_dim, p.hidden),
                 wg = matrix("wg" + at, p.hidden, p.ffn), wu = matrix("wu" + at, p.hidden, p.ffn),
                 wd = matrix("wd" + at, p.ffn, p.hidden);
    gemms.push_back({x, wq, q, kPrefillX, kPrefillWq, kPrefillQ});
    gemms.push_back({x, wk, k, kPrefillX, kPrefillWk, kPrefillK});
    gemms.push_back({x, wv, v, kPrefillX, kPrefillWv, kPrefillV});
    gemms.push_back({attn, wo, h, kPrefillAttn, kPrefillWo, kPrefillH});
    gemms.push_back({h, wg, g, kPrefillH, kPrefillWg, kPrefillG});
    gemms.push_back({h, wu, u, kPrefillH, kPrefillWu, kPrefillU});
    gemms.push_back({g, wd, x, kPrefillG, kPrefillWd, kPrefillX});
  }
  return {gemms, alloc.used()};
}

const LlmPrefillParams& checked(const LlmPrefillParams& p) {
  check(p);
  return p;
}

}  // namespace

LlmPrefillSource::LlmPrefillSource(const LlmPrefillParams& p)
    : TileStream(p.burst_bytes, p.seed),
      p_(checked(p)),
      layout_(lay_out(p_)),
      walker_(layout_.gemms.front(), p_.tiles) {}

WorkloadPlan LlmPrefillSource::plan() const {
  WorkloadPlan plan;
  const std::uint64_t burst = std::uint64_t(burst_bytes());
  for (const Gemm& g : layout_.gemms) {
    const GemmTraffic t = gemm_traffic(g, p_.tiles, burst_bytes());
    plan.requests += t.read_bursts + t.write_bursts;
    plan.read_bytes += t.read_bursts * burst;
    plan.write_bytes += t.write_bursts * burst;
  }
  plan.footprint = layout_.footprint;
  return plan;
}

bool LlmPrefillSource::next_access(TileAccess& out) {
  while (!walker_.next(out)) {
    if (current_ + 1 == layout_.gemms.size()) return false;
    walker_ = TiledGemmWalker(layout_.gemms[++current_], p_.tiles);
  }
  return true;
}

}  // namespace mckit::workloads
