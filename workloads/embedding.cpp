#include "workloads/embedding.h"

#include <numeric>

#include "common/byte_size.h"
#include "common/input_error.h"
#include "workloads/ai_params_check.h"
#include "workloads/fit_check.h"

namespace mckit::workloads {

namespace {
constexpr std::uint64_t kAlignment = 4096;

// Checked before the Zipf table is built, whose size is the row count: the tables and the
// pooled output must fit the capacity.
const EmbeddingParams& checked(const EmbeddingParams& p) {
  require_kind(p.model, ModelKind::Embedding, "embedding");
  require_memory(p.burst_bytes, p.capacity);
  if (p.samples == 0) throw InputError("embedding: samples must be at least 1");
  const ModelShape& m = p.model;
  const std::uint64_t row_stride = burst_padded(tensor_bytes(m.dim, p.dtype), p.burst_bytes);
  const TensorGroup tables{m.tables, sat_mul(m.rows, row_stride)};
  const TensorGroup pooled{1, sat_mul(sat_mul(p.samples, m.tables), row_stride)};
  std::vector<std::string> choices;
  if (!smaller_dtypes(p.dtype).empty()) choices.push_back("--dtype " + smaller_dtypes(p.dtype));
  choices.push_back("fewer --samples (the pooled output)");
  choices.push_back("a model with smaller tables");
  require_fit("embedding with " + m.name, layout_bytes({tables, pooled}),
              std::to_string(m.tables) + " tables " +
                  bytes_human(double(layout_bytes({tables}))) +
                  ", pooled output " + bytes_human(double(pooled.bytes)) + " in " +
                  name_of(p.dtype),
              p.capacity, choices);
  return p;
}
}  // namespace

EmbeddingSource::EmbeddingSource(const EmbeddingParams& p)
    : SegmentSource(p.burst_bytes, p.seed),
      p_(checked(p)),
      rng_(p.seed),
      zipf_(p.model.rows, p.alpha) {
  const ModelShape& m = p_.model;
  row_bytes_ = tensor_bytes(m.dim, p_.dtype);
  row_stride_ = burst_padded(row_bytes_, p_.burst_bytes);

  AllocatorParams a;
  a.capacity = p_.capacity;
  a.alignment = kAlignment;
  a.stagger = p_.stagger;
  TensorAllocator alloc(a);
  for (std::uint64_t t = 0; t < m.tables; ++t)
    alloc.allocate("embedding table " + std::to_string(t), m.rows * row_stride_);
  alloc.allocate("pooled output", p_.samples * m.tables * row_stride_);
  tensors_ = alloc.tensors();

  // The rank-to-row bijection's constants come first from the generator, then the lookups.
  multiplier_ = 1;
  if (m.rows > 1) {
    do multiplier_ = std::uniform_int_distribution<std::uint64_t>(1, m.rows - 1)(rng_) | 1;
    while (std::gcd(multiplier_, m.rows) != 1);
  }
  for (std::uint64_t t = 0; t < m.tables; ++t)
    offsets_.push_back(std::uniform_int_distribution<std::uint64_t>(0, m.rows - 1)(rng_));

  const std::uint64_t row_bursts = row_stride_ / std::uint64_t(p_.burst_bytes);
  const std::uint64_t reads = p_.samples * m.tables * m.lookups * row_bursts;
  const std::uint64_t writes = p_.samples * m.tables * row_bursts;
  plan_.requests = reads + writes;
  plan_.read_bytes = reads * std::uint64_t(p_.burst_bytes);
  plan_.write_bytes = writes * std::uint64_t(p_.burst_bytes);
  plan_.footprint = alloc.used();
}

std::uint64_t EmbeddingSource::row_of_rank(std::uint64_t table, std::uint64_t rank) const {
  const unsigned __int128 x = (unsigned __int128)multiplier_ * rank + offsets_[table];
  return std::uint64_t(x % p_.model.rows);
}

bool EmbeddingSource::next_segment(Segment& s) {
  const ModelShape& m = p_.model;
  const std::uint64_t gathers = m.tables * m.lookups;
  if (item_ == gathers + m.tables) {
    item_ = 0;
    ++sample_;
  }
  if (sample_ == p_.samples) return false;
  const std::uint64_t i = item_++;
  if (i < gathers) {
    const std::uint64_t t = i / m.lookups;
    const std::uint64_t row = row_of_rank(t, zipf_.sample(rng_));
    s = Segment{tensors_[t].base + row * row_stride_, row_bytes_, false, std::uint32_t(t)};
    return true;
  }
  const std::uint64_t t = i - gathers;
  const Tensor& out = tensors_[m.tables];
  s = Segment{out.base + (sample_ * m.tables + t) * row_stride_, row_bytes_, true,
              std::uint32_t(m.tables)};
  return true;
}

}  // namespace mckit::workloads
