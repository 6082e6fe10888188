#include "workload_options.h"

#include <limits>

#include "common/input_error.h"
#include "common/quoted_text.h"
#include "option_values.h"
#include "size_arg.h"
#include "workloads/ai_workloads.h"
#include "workloads/dtype.h"
#include "workloads/model_shape.h"
#include "workloads/trace_format.h"

namespace mckit::sim {

namespace {
const std::string kTracePrefix = "trace:";

// --footprint and --hot-bytes: "64MiB" and the like.
std::uint64_t size_value(const std::string& text) {
  std::uint64_t bytes = 0;
  if (!parse_bytes(text, bytes))
    throw InputError("must be a size such as 65536, 64MiB or 4GiB (got " + quoted_excerpt(text) +
                     ")");
  return bytes;
}

// A generator, AI workloads joined with '+', or trace:FILE.
void check_workload(const std::string& name) {
  if (name.compare(0, kTracePrefix.size(), kTracePrefix) != 0)
    workloads::require_known_workload(name);
  else if (name.size() == kTracePrefix.size())
    throw InputError("trace:FILE needs the trace file's path");
}

// The AI workloads' options (docs/workloads/*.md).
void add_ai_options(CLI::App& cmd, workloads::AiParams& a) {
  const NumberRange<std::uint64_t> positive{1};
  cmd.add_option("--model", a.model,
                 "model shape, shipped (configs/models) or a .json path (default: llama2-7b; "
                 "embedding: dlrm-benchmark; moe: mixtral-8x7b)")
      ->check(checked_text([](const std::string& n) { workloads::model_shape_path(n); }));
  add_number(cmd, "--batch", a.batch, "sequences (or tokens routed) together", positive);
  add_number(cmd, "--context", a.context, "tokens already in the KV cache (llm-decode)");
  add_number(cmd, "--tokens", a.tokens, "tokens generated (llm-decode, moe)", positive);
  add_number(cmd, "--seq", a.seq, "sequence length (llm-prefill, attention)", positive);
  add_number(cmd, "--layers", a.layers,
             "the first N layers (llm-decode, llm-prefill, moe); 0: the whole model");
  const auto dtype = checked_text([](const std::string& n) { workloads::parse_dtype(n); });
  cmd.add_option("--dtype", a.dtype, "fp32, bf16, fp16, int8 or int4: weights and tensors")
      ->check(dtype)
      ->capture_default_str();
  cmd.add_option("--kv-dtype", a.kv_dtype, "the KV cache's type (llm-decode)")
      ->check(dtype)
      ->capture_default_str();
  cmd.add_flag("--weights-resident", a.weights_resident,
               "weights stay on chip: only KV cache traffic (llm-decode)");
  add_number(cmd, "--alpha", a.alpha, "Zipf skew of rows (embedding) or experts (moe)",
             NumberRange<double>{0});
  add_number(cmd, "--samples", a.samples, "samples (embedding)", positive);
  add_number(cmd, "--buffer", a.buffer_bytes, "on-chip buffer bytes (llm-prefill)", positive);
  add_number(cmd, "--tile", a.tile, "square GEMM tile side (llm-prefill)", positive);
  add_number(cmd, "--block", a.block, "query and key block rows (attention)", positive);
  cmd.add_flag("--causal", a.causal, "causal mask: only blocks up to the diagonal (attention)");
  add_number(cmd, "--stagger", a.stagger,
             "bytes each further tensor starts past its 4 KiB boundary, so that tensors "
             "streamed side by side begin in different banks (AI workloads)");
  add_number(cmd, "--instances", a.instances,
             "copies run at once, each its own streams and slice of memory (AI workloads)",
             positive);
}

}  // namespace

void add_workload_options(CLI::App& cmd, WorkloadOptions& o) {
  workloads::WorkloadParams& w = o.params;
  const NumberRange<double> share{0, 1};
  cmd.add_option("--workload", w.name,
                 "sequential, random, strided, hotspot, rw-mix; llm-decode, llm-prefill, "
                 "attention, embedding, moe (docs/workloads/), several joined with +; or "
                 "trace:FILE (docs/traces.md)")
      ->check(checked_text(check_workload))
      ->capture_default_str();
  o.requests = add_number(cmd, "--requests", w.requests,
                          "requests (bursts) of a microbenchmark; a trace plays all its lines "
                          "unless given; an AI workload's length follows from its model",
                          NumberRange<std::uint64_t>{1});
  add_number(cmd, "--seed", w.seed, "seed of every random choice");
  add_number(cmd, "--read-fraction", w.read_fraction, "share of reads (random, hotspot, rw-mix)",
             share);
  add_number(cmd, "--run-length", w.max_run, "bursts in a row after each random start (random)",
             NumberRange<int>{1});
  const auto size = checked_text([](const std::string& text) { size_value(text); });
  cmd.add_option("--footprint", o.footprint, "bytes touched from address 0 (default: all)")
      ->check(size);
  add_number(cmd, "--stride", w.stride_bursts, "bursts from one read to the next (strided)",
             NumberRange<std::uint64_t>{1});
  add_number(cmd, "--hot-fraction", w.hot_fraction,
             "share of accesses to the hot region (hotspot)", share);
  cmd.add_option("--hot-bytes", o.hot_bytes,
                 "size of the hot region at address 0 (hotspot; default 1MiB)")
      ->check(size);
  cmd.add_option("--trace-format", w.trace_format,
                 "trace:FILE's format: ramulator, ramulator2, dramsim3, dramsys or mckit (default: detected)")
      ->check(checked_text([](const std::string& n) { workloads::parse_trace_format(n); }));
  add_ai_options(cmd, w.ai);
}

workloads::WorkloadParams to_params(const WorkloadOptions& o, const dram::DramPreset& preset) {
  workloads::WorkloadParams w = o.params;
  w.burst_bytes = preset.org.bytes_per_burst();
  w.capacity = preset.capacity_bytes();
  if (!o.footprint.empty()) w.footprint = size_value(o.footprint);
  if (!o.hot_bytes.empty()) w.hot_bytes = size_value(o.hot_bytes);
  if (workloads::is_ai_workload(w.name)) {
    if (o.requests != nullptr && o.requests->count() > 0)
      throw InputError(w.name + " runs as many requests as its model and options make "
                       "(--layers, --tokens, --batch, ...), not --requests");
    w.requests = std::numeric_limits<std::uint64_t>::max();
  }
  if (w.name.compare(0, kTracePrefix.size(), kTracePrefix) == 0) {
    w.trace_path = w.name.substr(kTracePrefix.size());
    w.name = "trace";
    if (o.requests == nullptr || o.requests->count() == 0)
      w.requests = std::numeric_limits<std::uint64_t>::max();
  }
  return w;
}

std::vector<std::string> input_files(const workloads::WorkloadParams& w,
                                     const dram::DramPreset& preset) {
  std::vector<std::string> files = workloads::ai_model_files(w);
  files.insert(files.end(), {preset.file, w.trace_path});
  return files;
}

}  // namespace mckit::sim
