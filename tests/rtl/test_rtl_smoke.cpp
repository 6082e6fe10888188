#include <gtest/gtest.h>
#include "rtl/rtl_harness.h"
#include "workloads/microbench.h"
using namespace mckit;
TEST(RtlSmoke, Random) {
  const auto preset = dram::load_preset("ddr4-3200");
  sim::RtlHarnessOptions o;
  sim::RtlHarness h(preset, o);
  workloads::RandomParams rp; rp.count = 20000; rp.seed = 3; rp.footprint = 1 << 20; rp.max_run = 4;
  workloads::RandomSource src(rp);
  auto s = h.run(src);
  std::printf("cycles %llu reads %llu writes %llu viol %llu mism %llu unans %llu hits %llu miss %llu conf %llu bw %.2f%% lat mean %.1f p99 %llu max %llu fwd %llu refs %llu wall %.3f\n",
    (unsigned long long)s.cycles, (unsigned long long)s.reads, (unsigned long long)s.writes, (unsigned long long)s.violations, (unsigned long long)s.data_mismatches, (unsigned long long)s.unanswered,
    (unsigned long long)s.row_hits, (unsigned long long)s.row_misses, (unsigned long long)s.row_conflicts, s.percent_of_peak(), s.read_latency.mean(), (unsigned long long)s.read_latency.percentile(0.99), (unsigned long long)s.read_latency.max(), (unsigned long long)s.forwarded_reads, (unsigned long long)s.refreshes(), s.wall_seconds);
  for (auto& m : s.first_violations) std::printf("%s\n", m.c_str());
  EXPECT_TRUE(s.clean());
}
