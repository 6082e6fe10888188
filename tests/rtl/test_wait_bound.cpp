// Every request's wait is bounded (docs/controller.md, "Bounded waits"): a read-heavy stream,
// offered as fast as the controller takes it, keeps the read queue from ever running empty,
// and a trickle of writes stays below the write queue's high watermark, so no drain comes.
// Only the age cap serves those writes: under every scheduler and page policy, on both
// backends, the worst write waits at least the cap (the rule, not a lull, served it) and
// less than the documented bound; so does the worst read where the bound holds for reads
// (fcfs and frfcfs-cap).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>

#include "backend.h"
#include "ctrl/wait_bound.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

using test::TrickleSource;

using Param = std::tuple<std::string, ctrl::Scheduler, ctrl::PagePolicy, sim::Backend>;

class WaitBoundUnderReads : public ::testing::TestWithParam<Param> {};

TEST_P(WaitBoundUnderReads, TrickledWritesWaitForTheCapAndNoLonger) {
  const auto& [preset_name, scheduler, page_policy, backend] = GetParam();
  const dram::DramPreset p = dram::load_preset(preset_name);
  const dram::Timing& t = p.timing;
  ctrl::ControllerConfig config;
  config.scheduler = scheduler;
  config.page_policy = page_policy;
  config.age_cap = 256;
  config.idle_timeout = 32;
  // 25 000 requests, one write in every 1 000: 20 writes, fewer than the high watermark.
  constexpr std::uint64_t kRequests = 25'000, kWriteEvery = 1'000, kWrites = 20;
  ASSERT_LT(kWrites, std::uint64_t(config.write_high));
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller = config;
  sim::CycleHarness h(p, options);
  std::uint64_t worst_write = 0, worst_read = 0, writes = 0;
  // A read's column command is tCL + tBL + 1 cycles before its response.
  const std::uint64_t read_tail = std::uint64_t(t.tCL + t.tBL) + test::kDataToResponse;
  h.on_completion = [&](const ctrl::Completion& c) {
    const std::uint64_t waited = c.done_cycle - c.accept_cycle;
    if (c.write) {
      ++writes;
      worst_write = std::max(worst_write, waited);
    } else if (!c.forwarded) {
      worst_read = std::max(worst_read, waited - read_tail);
    }
  };
  TrickleSource source(p, kRequests, kWriteEvery, kWrites, 7 + std::uint64_t(scheduler));
  const stats::RunStats s = h.run(source);
  EXPECT_EQ(s.violations, 0u);
  for (const auto& v : s.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(writes, kWrites);

  // The bound mc_top's assertions check all along this run (ControllerParams::wait_bound).
  const std::optional<std::uint64_t> bound = ctrl::wait_bound(p, config);
  ASSERT_TRUE(bound.has_value());
  std::cout << "[ waits    ] " << preset_name << " " << ctrl::name_of(scheduler) << " "
            << ctrl::name_of(page_policy) << " " << sim::name_of(backend)
            << ": worst write " << worst_write << ", worst read " << worst_read
            << " cycles, bound " << *bound << ", run " << s.cycles << " cycles\n";
  EXPECT_GE(worst_write, std::uint64_t(config.age_cap)) << "no write had to wait for the cap";
  EXPECT_LT(worst_write, *bound) << "a write waited past the documented bound";
  if (scheduler != ctrl::Scheduler::FrFcfs) {
    EXPECT_LT(worst_read, *bound) << "a read waited past the documented bound";
  }
}

std::string param_name(const ::testing::TestParamInfo<Param>& info) {
  const auto& [preset, scheduler, page_policy, backend] = info.param;
  return test::test_name_of(preset + "_" + ctrl::name_of(scheduler) + "_" +
                            ctrl::name_of(page_policy) + "_" + sim::name_of(backend));
}

const auto kSchedulers = ::testing::Values(ctrl::Scheduler::Fcfs, ctrl::Scheduler::FrFcfs,
                                           ctrl::Scheduler::FrFcfsCap);

INSTANTIATE_TEST_SUITE_P(
    Ddr4EveryPolicy, WaitBoundUnderReads,
    ::testing::Combine(::testing::Values("ddr4-3200"), kSchedulers,
                       ::testing::Values(ctrl::PagePolicy::Open, ctrl::PagePolicy::Closed,
                                         ctrl::PagePolicy::Adaptive),
                       ::testing::ValuesIn(test::kBackends)),
    param_name);

// Two ranks: past the cap, no other request's column command may switch ranks.
INSTANTIATE_TEST_SUITE_P(
    TwoRanks, WaitBoundUnderReads,
    ::testing::Combine(::testing::Values("ddr3-1600k"), kSchedulers,
                       ::testing::Values(ctrl::PagePolicy::Open),
                       ::testing::ValuesIn(test::kBackends)),
    param_name);

}  // namespace
}  // namespace mckit
