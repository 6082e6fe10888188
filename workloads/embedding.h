// embedding: the gathers of a recommendation model's embedding tables (DLRM-style
// SparseLengthsSum). For each sample, in this order:
//   1. for each table t: `lookups` rows read, row indices Zipf-distributed with skew alpha
//      (drawn with replacement: a row drawn twice is read twice, as the operator does);
//   2. the pooled outputs, one row-sized vector per table, written once, one after another.
// Popularity rank r (0 = hottest) maps to row (a * r + b_t) mod rows, with a seeded odd
// multiplier a coprime to rows and a seeded offset b_t per table: a bijection that spreads
// hot rows over the table and puts them in different places in each table.
// Rows (and pooled vectors) are padded to whole bursts, so every row read is
// ceil(dim x dtype bytes / burst) bursts.
//
// Stream ids: t for table t (0..tables-1); `tables` for the pooled output.
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

struct EmbeddingParams {
  ModelShape model;              // kind embedding: tables, rows, dim, lookups
  std::uint64_t samples = 1000;
  DType dtype = DType::Fp32;
  double alpha = 1.0;            // Zipf skew over the rows of a table (0: uniform)
  std::uint64_t seed = 1;
  int burst_bytes = 64;
  std::uint64_t capacity = 0;    // of the memory: tables are laid out from address 0
  std::uint64_t stagger = 0;   // tensor k starts k x stagger bytes past its 4 KiB boundary
};

class EmbeddingSource : public SegmentSource {
 public:
  // Throws InputError for a non-embedding model, zero samples, a negative alpha, or tables
  // that do not fit in the capacity.
  explicit EmbeddingSource(const EmbeddingParams& p);
  WorkloadPlan plan() const override { return plan_; }

  // The row that popularity rank `rank` (0 = hottest) of table `table` maps to.
  std::uint64_t row_of_rank(std::uint64_t table, std::uint64_t rank) const;
  std::uint64_t row_stride() const { return row_stride_; }

 private:
  bool next_segment(Segment& s) override;

  EmbeddingParams p_;
  std::uint64_t row_bytes_;
  std::uint64_t row_stride_;
  std::vector<Tensor> tensors_;
  std::mt19937_64 rng_;
  ZipfSampler zipf_;
  std::uint64_t multiplier_;
  std::vector<std::uint64_t> offsets_;  // b_t per table
  WorkloadPlan plan_;
  std::uint64_t sample_ = 0, item_ = 0;  // where next_segment() stands
};

}  // namespace mckit::workloads
