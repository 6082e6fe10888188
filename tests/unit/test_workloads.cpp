// The microbenchmark generators: exact streams, seeding, and parameter checks.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "workloads/workload_registry.h"

namespace mckit::workloads {
namespace {

WorkloadParams small(const std::string& name) {
  WorkloadParams p;
  p.name = name;
  p.requests = 1000;
  p.seed = 7;
  p.burst_bytes = 64;
  p.capacity = 1ull << 30;
  p.footprint = 1ull << 20;
  return p;
}

std::vector<Request> drain(const WorkloadParams& p) {
  std::unique_ptr<RequestSource> s = make_workload(p);
  std::vector<Request> out;
  Request r;
  while (s->next(r)) out.push_back(r);
  return out;
}

bool same_stream(const std::vector<Request>& a, const std::vector<Request>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].addr != b[i].addr || a[i].write != b[i].write || a[i].data != b[i].data) return false;
  return true;
}

std::string error_of(const WorkloadParams& p) {
  try {
    make_workload(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Workloads, NamesListAllGenerators) {
  EXPECT_EQ(workload_names(),
            (std::vector<std::string>{"sequential", "random", "strided", "hotspot", "rw-mix"}));
  for (const auto& n : workload_names()) EXPECT_EQ(drain(small(n)).size(), 1000u) << n;
}

TEST(Strided, AddressesStepByStrideAndWrap) {
  WorkloadParams p = small("strided");
  p.footprint = 10 * 64;  // 10 bursts
  p.stride_bursts = 3;
  p.requests = 12;
  const auto reqs = drain(p);
  const std::vector<std::uint64_t> expect = {0, 3, 6, 9, 2, 5, 8, 1, 4, 7, 0, 3};
  ASSERT_EQ(reqs.size(), expect.size());
  for (std::size_t i = 0; i < reqs.size(); ++i) {
    EXPECT_EQ(reqs[i].addr, expect[i] * 64) << i;
    EXPECT_FALSE(reqs[i].write) << i;
  }
}

TEST(Strided, DefaultStrideIsSixteenBursts) {
  WorkloadParams p = small("strided");
  p.requests = 4;
  const auto reqs = drain(p);
  ASSERT_EQ(reqs.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(reqs[i].addr, i * 16 * 64);
}

TEST(Strided, StrideLargerThanFootprintWraps) {
  WorkloadParams p = small("strided");
  p.footprint = 4 * 64;
  p.stride_bursts = 5;  // == 1 modulo 4 bursts
  p.requests = 5;
  const auto reqs = drain(p);
  for (std::size_t i = 0; i < reqs.size(); ++i) EXPECT_EQ(reqs[i].addr, (i % 4) * 64);
}

TEST(Strided, ZeroStrideIsRejected) {
  WorkloadParams p = small("strided");
  p.stride_bursts = 0;
  EXPECT_EQ(error_of(p), "stride must be at least 1 burst");
}

TEST(Hotspot, HotShareMatchesFraction) {
  WorkloadParams p = small("hotspot");
  p.requests = 100000;
  p.footprint = 64ull << 20;
  p.hot_bytes = 1ull << 20;
  p.hot_fraction = 0.9;
  p.read_fraction = 0.7;
  const auto reqs = drain(p);
  ASSERT_EQ(reqs.size(), 100000u);
  std::uint64_t hot = 0, reads = 0;
  for (const Request& r : reqs) {
    EXPECT_LT(r.addr, p.footprint);
    EXPECT_EQ(r.addr % 64, 0u);
    hot += r.addr < p.hot_bytes;
    reads += !r.write;
  }
  // 0.9 of accesses, plus the cold ones that land in the hot region (1/64 of 0.1).
  const double expected = 0.9 + 0.1 / 64.0;
  EXPECT_NEAR(double(hot) / 1e5, expected, 0.005);
  EXPECT_NEAR(double(reads) / 1e5, 0.7, 0.01);
}

TEST(Hotspot, AllHotStaysInHotRegion) {
  WorkloadParams p = small("hotspot");
  p.hot_fraction = 1.0;
  p.hot_bytes = 4096;
  for (const Request& r : drain(p)) EXPECT_LT(r.addr, 4096u);
}

TEST(Hotspot, BadParametersAreRejected) {
  WorkloadParams p = small("hotspot");
  p.hot_fraction = 1.5;
  EXPECT_EQ(error_of(p), "hot fraction must be between 0 and 1, got 1.5");
  p.hot_fraction = -0.1;
  EXPECT_EQ(error_of(p), "hot fraction must be between 0 and 1, got -0.1");
  p.hot_fraction = 0.9;
  p.hot_bytes = 2ull << 20;
  EXPECT_EQ(error_of(p),
            "hot region of 2097152 bytes is larger than the footprint of 1048576 bytes");
  p.hot_bytes = 32;
  EXPECT_EQ(error_of(p), "hot region of 32 bytes must hold at least one burst of 64 bytes");
}

TEST(RwMix, SequentialAddressesWithReadShare) {
  WorkloadParams p = small("rw-mix");
  p.requests = 100000;
  p.read_fraction = 0.3;
  const auto reqs = drain(p);
  std::uint64_t reads = 0;
  const std::uint64_t bursts = p.footprint / 64;
  for (std::size_t i = 0; i < reqs.size(); ++i) {
    EXPECT_EQ(reqs[i].addr, (i % bursts) * 64) << i;
    reads += !reqs[i].write;
  }
  EXPECT_NEAR(double(reads) / 1e5, 0.3, 0.01);
}

TEST(RwMix, ReadFractionExtremes) {
  WorkloadParams p = small("rw-mix");
  p.read_fraction = 1.0;
  for (const Request& r : drain(p)) EXPECT_FALSE(r.write);
  p.read_fraction = 0.0;
  for (const Request& r : drain(p)) EXPECT_TRUE(r.write);
  p.read_fraction = 1.2;
  EXPECT_EQ(error_of(p), "read fraction must be between 0 and 1");
}

TEST(Seeding, SameSeedSameStreamDifferentSeedDifferentStream) {
  for (const std::string name : {"hotspot", "rw-mix", "random"}) {
    WorkloadParams a = small(name), b = small(name), c = small(name);
    c.seed = a.seed + 1;
    EXPECT_TRUE(same_stream(drain(a), drain(b))) << name;
    EXPECT_FALSE(same_stream(drain(a), drain(c))) << name;
  }
  // Strided is fully determined by its parameters: the seed changes nothing.
  WorkloadParams s = small("strided"), t = small("strided");
  t.seed = 99;
  EXPECT_TRUE(same_stream(drain(s), drain(t)));
}

TEST(Workloads, UnknownNameListsAll) {
  EXPECT_EQ(error_of(small("zipf")),
            "unknown workload 'zipf' (accepted: sequential, random, strided, hotspot, rw-mix, "
            "llm-decode, llm-prefill, attention, embedding, moe)");
}

}  // namespace
}  // namespace mckit::workloads
