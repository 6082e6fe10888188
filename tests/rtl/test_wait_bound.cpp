// Every request's wait is bounded (docs/controller.md, "Bounded waits"): a read-heavy stream,
// offered as fast as the controller takes it, keeps the read queue from ever running empty,
// and a trickle of writes stays below the write queue's high watermark, so no drain comes.
// Only the age cap serves those writes: under every scheduler and page policy, on both
// backends, the worst write waits at least the cap (the rule, not a lull, served it) and
// less than the documented bound; so does the worst read where the bound holds for reads
// (fcfs and frfcfs-cap). Then the bound's own worst case, as near as traffic comes to it:
// both queues full of row conflicts in one bank. On the RTL, mc_top's assertions check every
// request against the same bound (ctrl::wait_bound) all along.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "backend.h"
#include "ctrl/wait_bound.h"
#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

using test::TrickleSource;

// The worst waits of a run, from acceptance to the column command on the bus: a write's
// completes there, a read's response comes tCL + tBL + 1 cycles after it.
struct WorstWaits {
  std::uint64_t write = 0, read = 0, writes = 0;

  void watch(testbench::Harness& h, const dram::Timing& t) {
    const std::uint64_t read_tail = std::uint64_t(t.tCL + t.tBL) + test::kDataToResponse;
    h.on_completion = [this, read_tail](const ctrl::Completion& c) {
      const std::uint64_t waited = c.done_cycle - c.accept_cycle;
      if (c.write) {
        ++writes;
        write = std::max(write, waited);
      } else if (!c.forwarded) {
        read = std::max(read, waited - read_tail);
      }
    };
  }
};

void expect_clean(const stats::RunStats& s) {
  EXPECT_EQ(s.violations, 0u);
  for (const auto& v : s.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
}

// Runs `source` on `backend` under `config`, watching the worst waits into `worst`; the run
// must be clean.
stats::RunStats run_watched(const dram::DramPreset& p, sim::Backend backend,
                            const ctrl::ControllerConfig& config,
                            workloads::RequestSource& source, WorstWaits& worst) {
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller = config;
  sim::CycleHarness h(p, options);
  worst.watch(h, p.timing);
  const stats::RunStats s = h.run(source);
  expect_clean(s);
  return s;
}

// The bound mc_top's assertions check (ControllerParams::wait_bound), printed beside the worst
// waits of the run.
std::uint64_t bound_of(const dram::DramPreset& p, const ctrl::ControllerConfig& c,
                       const std::string& run, const WorstWaits& w, std::uint64_t cycles) {
  const std::optional<std::uint64_t> bound = ctrl::wait_bound(p, c);
  EXPECT_TRUE(bound.has_value());
  std::cout << "[ waits    ] " << run << ": worst write " << w.write << ", worst read " << w.read
            << " cycles, bound " << bound.value_or(0) << ", run " << cycles << " cycles\n";
  return bound.value_or(0);
}

using Param = std::tuple<std::string, ctrl::Scheduler, ctrl::PagePolicy, sim::Backend>;

class WaitBoundUnderReads : public ::testing::TestWithParam<Param> {};

TEST_P(WaitBoundUnderReads, TrickledWritesWaitForTheCapAndNoLonger) {
  const auto& [preset_name, scheduler, page_policy, backend] = GetParam();
  const dram::DramPreset p = dram::load_preset(preset_name);
  ctrl::ControllerConfig config;
  config.scheduler = scheduler;
  config.page_policy = page_policy;
  config.age_cap = 256;
  config.idle_timeout = 32;
  // 25 000 requests, one write in every 1 000: 20 writes, fewer than the high watermark.
  constexpr std::uint64_t kRequests = 25'000, kWriteEvery = 1'000, kWrites = 20;
  ASSERT_LT(kWrites, std::uint64_t(config.write_high));
  TrickleSource source(p, kRequests, kWriteEvery, kWrites, 7 + std::uint64_t(scheduler));
  WorstWaits worst;
  const stats::RunStats s = run_watched(p, backend, config, source, worst);
  EXPECT_EQ(worst.writes, kWrites);

  const std::uint64_t bound =
      bound_of(p, config, preset_name + " " + ctrl::name_of(scheduler) + " " +
                              ctrl::name_of(page_policy) + " " + sim::name_of(backend),
               worst, s.cycles);
  EXPECT_GE(worst.write, std::uint64_t(config.age_cap)) << "no write had to wait for the cap";
  EXPECT_LT(worst.write, bound) << "a write waited past the documented bound";
  if (scheduler != ctrl::Scheduler::FrFcfs) {
    EXPECT_LT(worst.read, bound) << "a read waited past the documented bound";
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

// The bound's worst case, as near as traffic comes: every request a row conflict in one bank
// (each a new row), one in two a write, offered as fast as the controller takes them, so both
// queues stay full and the write queue drains between its watermarks. Under the schedulers that
// bound reads, every wait stays below the bound.
using OneBankParam = std::tuple<ctrl::Scheduler, sim::Backend>;

class WaitBoundOneBank : public ::testing::TestWithParam<OneBankParam> {};

TEST_P(WaitBoundOneBank, RowConflictsInOneBankWaitLessThanTheBound) {
  const auto& [scheduler, backend] = GetParam();
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  ctrl::ControllerConfig config;
  config.scheduler = scheduler;
  config.age_cap = 256;
  constexpr std::uint32_t kRequests = 4'000;
  std::vector<Request> requests(kRequests);
  for (std::uint32_t k = 0; k < kRequests; ++k) {
    requests[k].addr = test::address_of(p, 0, 0, k, 0);
    requests[k].write = k % 2 == 1;
    if (requests[k].write) workloads::fill_pattern(requests[k], 3, k, p.org.bytes_per_burst());
  }
  test::VectorSource source(requests);
  WorstWaits worst;
  const stats::RunStats s = run_watched(p, backend, config, source, worst);
  EXPECT_EQ(worst.writes, kRequests / 2);
  // Each request opens its row (again, should a forced refresh close it first).
  EXPECT_GE(test::count_of(s, dram::Command::ACT), kRequests);

  const std::uint64_t bound = bound_of(
      p, config, "ddr4-3200 one bank " + ctrl::name_of(scheduler) + " " + sim::name_of(backend),
      worst, s.cycles);
  EXPECT_LT(worst.write, bound) << "a write waited past the documented bound";
  EXPECT_LT(worst.read, bound) << "a read waited past the documented bound";
}

INSTANTIATE_TEST_SUITE_P(
    Ddr4, WaitBoundOneBank,
    ::testing::Combine(::testing::Values(ctrl::Scheduler::Fcfs, ctrl::Scheduler::FrFcfsCap),
                       ::testing::ValuesIn(test::kBackends)),
    [](const ::testing::TestParamInfo<OneBankParam>& info) {
      return test::test_name_of(ctrl::name_of(std::get<0>(info.param)) + "_" +
                                sim::name_of(std::get<1>(info.param)));
    });

}  // namespace
}  // namespace mckit
