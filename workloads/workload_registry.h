// Workloads by name, as the command line and run files give them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "request_source.h"

namespace mckit::workloads {

// The AI workloads' options (docs/workloads/*.md): a model shape and how it runs.
struct AiParams {
  std::string model;                   // shipped shape (configs/models) or a path; empty: default
  std::uint64_t batch = 1;
  std::uint64_t context = 1024;        // llm-decode: tokens already in the KV cache
  std::uint64_t tokens = 1;            // llm-decode, moe: tokens generated
  std::uint64_t seq = 512;             // llm-prefill, attention: sequence length
  std::uint64_t layers = 1;            // the first N layers (0: the whole model)
  std::string dtype = "bf16";          // weights, embedding rows, prefill/attention tensors
  std::string kv_dtype = "bf16";       // llm-decode: the KV cache
  bool weights_resident = false;       // llm-decode: weights on chip, only KV traffic
  double alpha = 1.0;                  // embedding rows, moe experts: Zipf skew
  std::uint64_t samples = 1000;        // embedding
  std::uint64_t buffer_bytes = 4 << 20;  // llm-prefill: on-chip buffer (fp32 tiles fit)
  std::uint64_t tile = 512;            // llm-prefill: Tm = Tn = Tk
  std::uint64_t block = 64;            // attention: Br = Bc
  bool causal = false;                 // attention
  std::uint64_t instances = 1;         // copies run at once as separate streams
  std::uint64_t stagger = 0;           // tensor k starts k x stagger bytes past its boundary
};

struct WorkloadParams {
  std::string name = "random";      // a generator, or "trace" to play the file trace_path
  std::uint64_t requests = 100000;  // a trace plays at most this many of its requests
  std::uint64_t seed = 1;
  int burst_bytes = 64;
  std::uint64_t capacity = 0;       // of the memory: addresses stay below it
  std::uint64_t footprint = 0;      // bytes touched, from address 0 (0: the whole capacity)
  double read_fraction = 0.8;       // random, hotspot, rw-mix: share of reads
  int max_run = 1;                  // random: bursts in a row after each random start
  std::uint64_t stride_bursts = 16;   // strided: bursts from one read to the next
  double hot_fraction = 0.9;          // hotspot: share of accesses to the hot region
  std::uint64_t hot_bytes = 1ull << 20;  // hotspot: hot region size, at address 0
  std::string trace_path;                // trace: the file (docs/traces.md)
  std::string trace_format;              // trace: ramulator, ramulator2, dramsim3, dramsys, mckit; empty: detect
  AiParams ai;
};

// sequential, random, strided, hotspot, rw-mix
const std::vector<std::string>& workload_names();
// llm-decode, llm-prefill, attention, embedding, moe: their length follows from the model
const std::vector<std::string>& ai_workload_names();

// Throws InputError "unknown workload 'x' (accepted: ...)" unless `name` is a generator, AI
// workloads (several joined with '+'), or "trace".
void require_known_workload(const std::string& name);

// Throws InputError for an unknown name or inconsistent parameters.
std::unique_ptr<RequestSource> make_workload(const WorkloadParams& p);

}  // namespace mckit::workloads
