// The pieces AI workloads are built from: element sizes, the tensor allocator, and the mix
// that runs several generators as separate streams.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "workloads/dtype.h"
#include "workloads/stream_mix.h"
#include "workloads/tensor_allocator.h"

namespace mckit::workloads {
namespace {

TEST(DType, SizesAndNames) {
  EXPECT_EQ(tensor_bytes(1000, DType::Fp32), 4000u);
  EXPECT_EQ(tensor_bytes(1000, DType::Bf16), 2000u);
  EXPECT_EQ(tensor_bytes(1000, DType::Int8), 1000u);
  EXPECT_EQ(tensor_bytes(1001, DType::Int4), 501u);  // two a byte, the last one alone
  EXPECT_DOUBLE_EQ(bytes_per_element(DType::Int4), 0.5);
  EXPECT_EQ(parse_dtype("fp16"), DType::Fp16);
  EXPECT_EQ(name_of(DType::Int4), "int4");
  try {
    parse_dtype("fp8");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "unknown data type 'fp8' (expected fp32, bf16, fp16, int8 or int4)");
  }
}

TEST(TensorAllocator, AlignsStaggersAndRefusesWhatDoesNotFit) {
  TensorAllocator a({/*base*/ 8192, /*capacity*/ 20000, /*alignment*/ 4096, /*stagger*/ 1024});
  EXPECT_EQ(a.allocate("w", 5000).base, 8192u);         // tensor 0: no stagger
  EXPECT_EQ(a.allocate("k", 100).base, 16384u + 1024);  // next 4 KiB boundary, + 1 x 1024
  EXPECT_EQ(a.used(), 16384u + 1024 + 100 - 8192);
  try {
    a.allocate("v", 20000);
    FAIL();
  } catch (const InputError& e) {
    // 'k' ends at 17508; the next 4 KiB boundary is 20480, plus 2 x 1024 of stagger.
    EXPECT_EQ(std::string(e.what()),
              "tensor 'v' (20000 bytes) does not fit: it would start 14336 bytes in, and the "
              "memory holds 20000");
  }
  EXPECT_THROW(TensorAllocator({0, 1 << 20, 3000, 0}), InputError);
}

// Counts up from `first`, `n` requests, each on stream 1 or 2 by parity.
class Counter : public PlannedSource {
 public:
  Counter(std::uint64_t first, std::uint64_t n) : next_(first), end_(first + n) {}
  bool next(Request& r) override {
    if (next_ == end_) return false;
    r = Request{};
    r.addr = 64 * next_;
    r.stream = 1 + std::uint32_t(next_ % 2);
    ++next_;
    return true;
  }
  WorkloadPlan plan() const override { return {end_ - next_, 64 * (end_ - next_), 0, 64}; }

 private:
  std::uint64_t next_, end_;
};

TEST(StreamMix, TakesTurnsKeepsStreamsApartAndSumsThePlans) {
  std::vector<StreamMix::Part> parts;
  parts.push_back({std::make_unique<Counter>(0, 3), 0, 0});
  parts.push_back({std::make_unique<Counter>(100, 1), 16, 0});
  parts.push_back({std::make_unique<Counter>(0, 2), 32, 64 * 200});  // moved up 200 bursts
  StreamMix mix(std::move(parts));
  const WorkloadPlan plan = mix.plan();
  EXPECT_EQ(plan.requests, 6u);
  EXPECT_EQ(plan.read_bytes, 6u * 64);
  EXPECT_EQ(plan.footprint, 3u * 64);
  std::vector<std::uint64_t> order;
  std::vector<std::uint32_t> streams;
  Request r;
  while (mix.next(r)) {
    order.push_back(r.addr / 64);
    streams.push_back(r.stream);
  }
  // One from each in turn; the second is done after one, the third after two.
  EXPECT_EQ(order, (std::vector<std::uint64_t>{0, 100, 200, 1, 201, 2}));
  EXPECT_EQ(streams, (std::vector<std::uint32_t>{1, 16 + 1, 32 + 1, 2, 32 + 2, 1}));
}

}  // namespace
}  // namespace mckit::workloads
