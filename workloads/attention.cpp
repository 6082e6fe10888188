#include "workloads/attention.h"

#include <algorithm>
#include <string>

#include "common/input_error.h"
#include "workloads/fit_check.h"
#include "workloads/tensor_allocator.h"

namespace mckit::workloads {

namespace {

const AttentionParams& checked(const AttentionParams& p) {
  const std::pair<const char*, std::uint64_t> sizes[] = {
      {"seq", p.seq}, {"heads", p.heads}, {"kv_heads", p.kv_heads},
      {"head_dim", p.head_dim}, {"batch", p.batch}, {"block_rows", p.block_rows},
      {"block_cols", p.block_cols}};
  for (const auto& [name, value] : sizes)
    if (value == 0) throw InputError(std::string("attention: ") + name + " must be at least 1");
  if (p.heads % p.kv_heads != 0)
    throw InputError("attention: kv_heads (" + std::to_string(p.kv_heads) +
                     ") must divide heads (" + std::to_string(p.heads) + ")");
  // q, k, v and o, as the constructor lays them out.
  const std::uint64_t rows = sat_mul(p.batch, p.seq);
  const auto bytes = [&](std::uint64_t heads) {
    return tensor_bytes(sat_mul(rows, sat_mul(heads, p.head_dim)), p.dtype);
  };
  std::vector<std::string> choices;
  if (p.batch > 1) choices.push_back("a smaller --batch");
  choices.push_back("a smaller --seq");
  if (!smaller_dtypes(p.dtype).empty()) choices.push_back("--dtype " + smaller_dtypes(p.dtype));
  require_fit("attention", layout_bytes({{1, bytes(p.heads)}, {2, bytes(p.kv_heads)},
                                         {1, bytes(p.heads)}}),
              "q, k, v and o of " + std::to_string(rows) + " tokens in " + name_of(p.dtype),
              p.capacity, choices);
  return p;
}

}  // namespace

AttentionSource::AttentionSource(const AttentionParams& p)
    : TileStream(p.burst_bytes, p.seed), p_(checked(p)) {
  AllocatorParams ap;
  ap.capacity = p_.capacity;
  ap.stagger = p_.stagger;
  TensorAllocator alloc(ap);
  auto matrix = [&](const std::string& name, std::uint64_t heads) {
    const std::uint64_t rows = p_.batch * p_.seq, cols = heads * p_.head_dim;
    return Matrix{alloc.allocate(name, tensor_bytes(rows * cols, p_.dtype)).base, rows, cols,
                  p_.dtype};
  };
  q_ = matrix("q", p_.heads);
  k_ = matrix("k", p_.kv_heads);
  v_ = matrix("v", p_.kv_heads);
  o_ = matrix("o", p_.heads);
  footprint_ = alloc.used();
}

std::uint64_t AttentionSource::key_end(std::uint64_t row0) const {
  return p_.causal ? std::min(p_.seq, row0 + p_.block_rows) : p_.seq;
}

Tile AttentionSource::head_block(std::uint64_t b, std::uint64_t row0, std::uint64_t rows,
                                 std::uint64_t head) const {
  return Tile{b * p_.seq + row0, rows, head * p_.head_dim, p_.head_dim};
}

WorkloadPlan AttentionSource::plan() const {
  const int burst = burst_bytes();
  const std::uint64_t group = p_.heads / p_.kv_heads;
  std::uint64_t reads = 0, writes = 0;
  for (std::uint64_t b = 0; b < p_.batch; ++b) {
    for (std::uint64_t kvh = 0; kvh < p_.kv_heads; ++kvh) {
      // kv_before[n]: K and V bursts of key blocks 0..n-1, so that each query block adds
      // the prefix it reads instead of walking its key blocks again.
      std::vector<std::uint64_t> kv_before{0};
      for (std::uint64_t j = 0; j < p_.seq; j += p_.block_cols) {
        const Tile t = head_block(b, j, std::min(p_.block_cols, p_.seq - j), kvh);
        kv_before.push_back(kv_before.back() + tile_burst_count(k_, t, burst) +
                            tile_burst_count(v_, t, burst));
      }
      for (std::uint64_t h = kvh * group; h < (kvh + 1) * group; ++h) {
        for (std::uint64_t i = 0; i < p_.seq; i += p_.block_rows) {
          const Tile t = head_block(b, i, std::min(p_.block_rows, p_.seq - i), h);
          const std::uint64_t key_blocks = (key_end(i) + p_.block_cols - 1) / p_.block_cols;
          reads += tile_burst_count(q_, t, burst) + kv_before[key_blocks];
          writes += tile_burst_count(o_, t, burst);
        }
      }
    }
  }
  WorkloadPlan plan;
  plan.requests = reads + writes;
  plan.read_bytes = reads * std::uint64_t(burst);
  plan.write_bytes = writes * std::uint64_t(burst);
  plan.footprint = footprint_;
  return plan;
}

bool AttentionSource::next_access(TileAccess& out) {
  if (b_ == p_.batch) return false;
  const std::uint64_t rows = std::min(p_.block_rows, p_.seq - i_);
  const std::uint64_t kvh = h_ / (p_.heads / p_.kv_heads);
  const std::uint64_t key_rows = std::min(p_.block_cols, p_.seq - j_);
  switch (phase_) {
    case Phase::Q:
      out = {q_, head_block(b_, i_, rows, h_), false, kAttnQ};
      j_ = 0;
      phase_ = Phase::K;
      break;
    case Phase::K:
      out = {k_, head_block(b_, j_, key_rows, kvh), false, kAttnK};
      phase_ = Phase::V;
      break;
    case Phase::V:
      out = {v_, head_block(b_, j_, key_rows, kvh), false, kAttnV};
      j_ += key_rows;
      phase_ = j_ < key_end(i_) ? Phase::K : Phase::O;
      break;
    case Phase::O:
      out = {o_, head_block(b_, i_, rows, h_), true, kAttnO};
      phase_ = Phase::Q;
      i_ += rows;
      if (i_ == p_.seq) {
        i_ = 0;
        if (++h_ == p_.heads) {
          h_ = 0;
          ++b_;
        }
      }
      break;
  }
  return true;
}

}  // namespace mckit::workloads
