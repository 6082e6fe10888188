#include "workloads/ai_workloads.h"

#include <algorithm>
#include <string>

#include "common/input_error.h"
#include "workloads/ai_params_check.h"
#include "workloads/attention.h"
#include "workloads/dtype.h"
#include "workloads/embedding.h"
#include "workloads/fit_check.h"
#include "workloads/llm_decode.h"
#include "workloads/llm_prefill.h"
#include "workloads/model_shape.h"
#include "workloads/moe.h"
#include "workloads/stream_mix.h"

namespace mckit::workloads {

namespace {

// Stream ids of instance k start at k x this, above every generator's own ids.
constexpr std::uint32_t kStreamsPerInstance = 1024;
constexpr std::uint64_t kInstanceAlignment = 1ull << 20;

std::string default_model(const std::string& workload) {
  if (workload == "embedding") return "dlrm-benchmark";
  if (workload == "moe") return "mixtral-8x7b";
  return "llama2-7b";
}

// The model a part runs: the one given, or the part's own default.
std::string model_of(const WorkloadParams& p, const std::string& part) {
  return p.ai.model.empty() ? default_model(part) : p.ai.model;
}

std::unique_ptr<PlannedSource> make_one(const WorkloadParams& p, std::uint64_t capacity,
                                        std::uint64_t seed) {
  const AiParams& a = p.ai;
  const ModelShape model = load_model_shape(model_of(p, p.name));
  const DType dtype = parse_dtype(a.dtype);
  if (p.name == "llm-decode") {
    LlmDecodeParams d;
    d.model = model;
    d.batch = a.batch;
    d.context = a.context;
    d.tokens = a.tokens;
    d.weight_dtype = dtype;
    d.kv_dtype = parse_dtype(a.kv_dtype);
    d.weights_resident = a.weights_resident;
    d.layers = a.layers;
    d.seed = seed;
    d.burst_bytes = p.burst_bytes;
    d.capacity = capacity;
    d.stagger = a.stagger;
    return std::make_unique<LlmDecodeSource>(d);
  }
  if (p.name == "moe") {
    MoeParams m;
    m.model = model;
    m.batch = a.batch;
    m.steps = a.tokens;
    m.alpha = a.alpha;
    m.weight_dtype = dtype;
    m.layers = a.layers;
    m.seed = seed;
    m.burst_bytes = p.burst_bytes;
    m.capacity = capacity;
    m.stagger = a.stagger;
    return std::make_unique<MoeSource>(m);
  }
  if (p.name == "embedding") {
    EmbeddingParams e;
    e.model = model;
    e.samples = a.samples;
    e.dtype = dtype;
    e.alpha = a.alpha;
    e.seed = seed;
    e.burst_bytes = p.burst_bytes;
    e.capacity = capacity;
    e.stagger = a.stagger;
    return std::make_unique<EmbeddingSource>(e);
  }
  if (model.kind != ModelKind::Decoder && model.kind != ModelKind::Moe)
    throw InputError(p.name + " needs a transformer model, and " + model.file + " is not one");
  if (p.name == "llm-prefill") {
    LlmPrefillParams f;
    f.hidden = model.hidden;
    f.heads = model.heads;
    f.kv_heads = model.kv_heads;
    f.head_dim = model.head_dim;
    f.ffn = model.ffn;
    f.layers = simulated_layers(model, a.layers);
    f.batch = a.batch;
    f.seq = a.seq;
    f.dtype = dtype;
    f.buffer_bytes = a.buffer_bytes;
    f.tiles = GemmTiles{a.tile, a.tile, a.tile};
    f.burst_bytes = p.burst_bytes;
    f.capacity = capacity;
    f.stagger = a.stagger;
    f.seed = seed;
    return std::make_unique<LlmPrefillSource>(f);
  }
  AttentionParams t;  // one layer's attention
  t.seq = a.seq;
  t.heads = model.heads;
  t.kv_heads = model.kv_heads;
  t.head_dim = model.head_dim;
  t.batch = a.batch;
  t.block_rows = t.block_cols = a.block;
  t.causal = a.causal;
  t.dtype = dtype;
  t.burst_bytes = p.burst_bytes;
  t.capacity = capacity;
  t.stagger = a.stagger;
  t.seed = seed;
  return std::make_unique<AttentionSource>(t);
}

// "llm-decode+embedding": the generators that run together.
std::vector<std::string> parts_of(const std::string& name) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t plus = name.find('+', start);
    parts.push_back(name.substr(start, plus - start));
    if (plus == std::string::npos) return parts;
    start = plus + 1;
  }
}

std::string describe_one(const WorkloadParams& p) {
  const AiParams& a = p.ai;
  const auto n = [](std::uint64_t v) { return std::to_string(v); };
  std::string text = p.name + ": " + model_of(p, p.name);
  if (p.name == "embedding") {
    text += ", " + n(a.samples) + " samples, alpha " + std::to_string(a.alpha).substr(0, 4);
  } else {
    text += ", batch " + n(a.batch);
    if (p.name == "llm-decode") text += ", context " + n(a.context);
    if (p.name == "llm-decode" || p.name == "moe") text += ", " + n(a.tokens) + " token(s)";
    if (p.name == "llm-prefill" || p.name == "attention") text += ", seq " + n(a.seq);
    if (p.name != "attention") text += ", " + (a.layers ? layers_text(a.layers) : "all layers");
  }
  text += ", " + a.dtype;
  if (p.name == "llm-decode")
    text += a.weights_resident ? " (weights resident), " + a.kv_dtype + " KV"
                               : " weights, " + a.kv_dtype + " KV";
  return text;
}

}  // namespace

const std::vector<std::string>& ai_workload_names() {
  static const std::vector<std::string> names{"llm-decode", "llm-prefill", "attention",
                                              "embedding", "moe"};
  return names;
}

bool is_ai_workload(const std::string& name) {
  const auto& n = ai_workload_names();
  for (const std::string& part : parts_of(name))
    if (std::find(n.begin(), n.end(), part) == n.end()) return false;
  return true;
}

std::string ai_model_names(const WorkloadParams& p) {
  if (!is_ai_workload(p.name)) return "";
  std::string names;
  for (const std::string& part : parts_of(p.name))
    names += (names.empty() ? "" : "+") + model_of(p, part);
  return names;
}

std::vector<std::string> ai_model_files(const WorkloadParams& p) {
  std::vector<std::string> files;
  if (!is_ai_workload(p.name)) return files;
  for (const std::string& part : parts_of(p.name)) {
    const std::string file = model_shape_path(model_of(p, part));
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
  }
  return files;
}

std::string describe_ai_workload(const WorkloadParams& p) {
  std::string text;
  WorkloadParams one = p;
  for (const std::string& part : parts_of(p.name)) {
    one.name = part;
    text += (text.empty() ? "" : " + ") + describe_one(one);
  }
  if (p.ai.instances > 1) text += ", x" + std::to_string(p.ai.instances);
  return text;
}

std::unique_ptr<PlannedSource> make_ai_workload(const WorkloadParams& p) {
  const std::uint64_t n = p.ai.instances;
  if (n == 0) throw InputError("--instances must be at least 1");
  const std::vector<std::string> parts = parts_of(p.name);
  if (n == 1 && parts.size() == 1) return make_one(p, p.capacity, p.seed);
  // Each generator, and each copy of it, in its own slice of the memory, with its own seed
  // and streams.
  const std::uint64_t count = n * parts.size();
  const std::uint64_t slice = p.capacity / count / kInstanceAlignment * kInstanceAlignment;
  if (slice == 0)
    throw InputError(std::to_string(count) + " generators (--instances " + std::to_string(n) +
                     " of " + p.name + ") leave none of them a whole MiB of the " +
                     std::to_string(p.capacity) + "-byte memory; try fewer --instances");
  std::vector<StreamMix::Part> mix;
  WorkloadParams one = p;
  for (std::uint64_t k = 0; k < count; ++k) {
    one.name = parts[k % parts.size()];
    mix.push_back({make_one(one, slice, p.seed + k), std::uint32_t(k * kStreamsPerInstance),
                   k * slice});
  }
  return std::make_unique<StreamMix>(std::move(mix));
}

}  // namespace mckit::workloads
