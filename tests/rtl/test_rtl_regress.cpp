// Long random runs through the RTL controller (label `regress`): five million requests per
// shipped preset under FR-FCFS with the age cap, reads and writes (some partial), random
// run lengths, half over a 1 MiB footprint (heavy address reuse: forwarding and hazards),
// half over the whole device.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "dram/dram_preset.h"
#include "rtl/rtl_harness.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

constexpr std::uint64_t kRequests = 5'000'000;  // per preset
constexpr std::uint64_t kSmallFootprint = 1ull << 20;

std::uint64_t count_of(const stats::RunStats& s, dram::Command c) {
  return s.commands[std::size_t(c)];
}

void run_and_check(const dram::DramPreset& preset, std::uint64_t count, std::uint64_t footprint,
                   std::uint64_t seed) {
  SCOPED_TRACE(preset.name + ", footprint " + std::to_string(footprint) + ", seed " +
               std::to_string(seed));
  sim::RtlHarnessOptions options;
  options.controller.scheduler = ctrl::Scheduler::FrFcfsCap;
  options.controller.age_cap = 200;
  sim::RtlHarness h(preset, options);
  workloads::RandomParams rp;
  rp.count = count;
  rp.seed = seed;
  rp.footprint = footprint;
  rp.burst_bytes = preset.org.bytes_per_burst();
  rp.read_fraction = 0.7;
  rp.max_run = 8;
  rp.partial_write_fraction = 0.1;
  workloads::RandomSource source(rp);
  const stats::RunStats s = h.run(source);

  EXPECT_EQ(s.violations, 0u);
  for (const auto& v : s.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(s.reads + s.writes, count);
  const std::uint64_t rd = count_of(s, dram::Command::RD) + count_of(s, dram::Command::RDA);
  const std::uint64_t wr = count_of(s, dram::Command::WR) + count_of(s, dram::Command::WRA);
  EXPECT_EQ(wr, s.writes);
  EXPECT_EQ(rd + s.forwarded_reads, s.reads);
  EXPECT_EQ(s.row_hits + s.row_misses + s.row_conflicts, rd + wr);
  EXPECT_LE(s.max_refresh_owed, std::uint64_t(options.controller.refresh_postpone));
  EXPECT_GE(s.refreshes(), s.cycles / preset.timing.tREFI -
                               std::uint64_t(options.controller.refresh_postpone) - 1);
}

class RtlRegress : public ::testing::TestWithParam<std::string> {};

TEST_P(RtlRegress, FiveMillionRandomRequests) {
  const dram::DramPreset preset = dram::load_preset(GetParam());
  std::uint64_t seed = 0x5eed;
  for (char c : preset.name) seed = seed * 131 + std::uint8_t(c);
  run_and_check(preset, kRequests / 2, kSmallFootprint, seed);
  run_and_check(preset, kRequests / 2, preset.capacity_bytes(), seed + 1);
}

INSTANTIATE_TEST_SUITE_P(Presets, RtlRegress,
                         ::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800",
                                           "lpddr5-6400", "hbm2", "hbm3"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace mckit
