// Random traffic through the RTL controller on every shipped preset and every scheduler: the
// device model sees no timing violation, every read returns the last data written, every
// request is answered, and the command counts add up.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <tuple>

#include "dram/dram_preset.h"
#include "rtl/rtl_harness.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

// Per preset and scheduler: half over a small footprint, half over the whole device.
constexpr std::uint64_t kRequests = 200'000;
constexpr std::uint64_t kSmallFootprint = 1ull << 20;  // 1 MiB: addresses repeat often

std::uint64_t count_of(const stats::RunStats& s, dram::Command c) {
  return s.commands[std::size_t(c)];
}

// Runs `count` random requests and checks everything that must hold for any traffic.
void run_and_check(const dram::DramPreset& preset, const ctrl::ControllerConfig& config,
                   std::uint64_t count, std::uint64_t footprint, std::uint64_t seed) {
  SCOPED_TRACE(preset.name + ", " + ctrl::name_of(config.scheduler) + ", " +
               ctrl::name_of(config.page_policy) + ", footprint " + std::to_string(footprint) +
               ", seed " + std::to_string(seed));
  sim::RtlHarnessOptions options;
  options.controller = config;
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
  EXPECT_EQ(s.read_latency.count(), s.reads);
  // Every write reaches the device as one WR/WRA; every read not answered from a queued
  // write as one RD/RDA; each column command is a hit, a miss or a conflict.
  const std::uint64_t rd = count_of(s, dram::Command::RD) + count_of(s, dram::Command::RDA);
  const std::uint64_t wr = count_of(s, dram::Command::WR) + count_of(s, dram::Command::WRA);
  EXPECT_EQ(wr, s.writes);
  EXPECT_EQ(rd + s.forwarded_reads, s.reads);
  EXPECT_EQ(s.row_hits + s.row_misses + s.row_conflicts, rd + wr);
  if (config.page_policy == ctrl::PagePolicy::Closed) {
    // Every access closes its row. (A "hit" is still possible: a request served on a row
    // that another queued request's ACT opened.)
    EXPECT_EQ(count_of(s, dram::Command::RD) + count_of(s, dram::Command::WR), 0u);
  } else {
    EXPECT_EQ(count_of(s, dram::Command::RDA) + count_of(s, dram::Command::WRA), 0u);
  }
  // A run lasting more than a few refresh intervals refreshes.
  if (config.refresh && s.cycles > 10 * std::uint64_t(preset.timing.tREFI)) {
    EXPECT_GE(s.refreshes(), s.cycles / preset.timing.tREFI -
                                 std::uint64_t(config.refresh_postpone) - 1);
  }
  if (footprint == kSmallFootprint) {  // the front end's hazard paths were exercised
    EXPECT_GT(s.forwarded_reads, 0u);
  }
}

std::uint64_t seed_of(const std::string& preset, int scheduler) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : preset) h = (h ^ std::uint8_t(c)) * 1099511628211ull;
  return h ^ std::uint64_t(scheduler + 1);
}

using Param = std::tuple<std::string, ctrl::Scheduler>;

class RtlRandom : public ::testing::TestWithParam<Param> {};

TEST_P(RtlRandom, SmallAndLargeFootprint) {
  const dram::DramPreset preset = dram::load_preset(std::get<0>(GetParam()));
  ctrl::ControllerConfig config;
  config.scheduler = std::get<1>(GetParam());
  config.age_cap = 200;
  const std::uint64_t seed = seed_of(preset.name, int(config.scheduler));
  run_and_check(preset, config, kRequests / 2, kSmallFootprint, seed);
  run_and_check(preset, config, kRequests / 2, preset.capacity_bytes(), seed + 1);
}

INSTANTIATE_TEST_SUITE_P(
    PresetsBySchedulers, RtlRandom,
    ::testing::Combine(::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400",
                                         "hbm2", "hbm3"),
                       ::testing::Values(ctrl::Scheduler::Fcfs, ctrl::Scheduler::FrFcfs,
                                         ctrl::Scheduler::FrFcfsCap)),
    [](const ::testing::TestParamInfo<Param>& info) {
      std::string name = std::get<0>(info.param) + "_" + ctrl::name_of(std::get<1>(info.param));
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

// The other page policies and address mappings, with fewer requests.
using PolicyParam = std::tuple<std::string, ctrl::PagePolicy>;

class RtlRandomPolicy : public ::testing::TestWithParam<PolicyParam> {};

TEST_P(RtlRandomPolicy, SmallFootprint) {
  const dram::DramPreset preset = dram::load_preset(std::get<0>(GetParam()));
  ctrl::ControllerConfig config;
  config.scheduler = ctrl::Scheduler::FrFcfsCap;
  config.age_cap = 200;
  config.page_policy = std::get<1>(GetParam());
  config.idle_timeout = 16;
  for (ctrl::Mapping m : {ctrl::Mapping::RoBaRaCoCh, ctrl::Mapping::RoRaBaCoCh}) {
    config.mapping = m;
    config.xor_bank_hash = m == ctrl::Mapping::RoRaBaCoCh;
    run_and_check(preset, config, 25'000, kSmallFootprint,
                  seed_of(preset.name, 10 + int(config.page_policy) * 3 + int(m)));
  }
}

INSTANTIATE_TEST_SUITE_P(
    PresetsByPagePolicies, RtlRandomPolicy,
    ::testing::Combine(::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400",
                                         "hbm2", "hbm3"),
                       ::testing::Values(ctrl::PagePolicy::Closed, ctrl::PagePolicy::Adaptive)),
    [](const ::testing::TestParamInfo<PolicyParam>& info) {
      std::string name = std::get<0>(info.param) + "_" + ctrl::name_of(std::get<1>(info.param));
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

}  // namespace
}  // namespace mckit
