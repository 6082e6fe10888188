// Refresh in the controller on DDR4-3200: under steady traffic (postponed, never past the
// standard's limit, never with a bank open) and on an idle channel (every tREFI). On both
// backends: the RTL (mc_top) and the C++ reference controller (tests named .../rtl and .../tlm).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "dram/dram_preset.h"
#include "dram/timing_checker.h"
#include "backend.h"
#include "rtl_test_support.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

constexpr std::uint64_t kIntervals = 20;  // the runs last this many tREFI

// Random requests until the harness reaches `end_cycle`.
class UntilCycleSource : public workloads::RequestSource {
 public:
  UntilCycleSource(const sim::CycleHarness& h, std::uint64_t end_cycle,
                   const workloads::RandomParams& p)
      : h_(h), end_(end_cycle), random_(p) {}
  bool next(Request& out) override { return h_.cycle() < end_ && random_.next(out); }

 private:
  const sim::CycleHarness& h_;
  std::uint64_t end_;
  workloads::RandomSource random_;
};

// One request, offered at a given cycle: keeps an otherwise idle controller running.
class OneReadSource : public workloads::RequestSource {
 public:
  bool next(Request& out) override {
    if (done_) return false;
    out = Request{};
    done_ = true;
    return true;
  }

 private:
  bool done_ = false;
};

struct RefreshLog {
  std::vector<std::uint64_t> ref_cycles;
  std::uint64_t refs_with_open_bank = 0;
};

// Records every REF and whether any bank of its rank was open in the device when it came
// (a REF opens no bank, so the state after it is the state it found).
void watch_refreshes(sim::CycleHarness& h, const dram::DramPreset& p, RefreshLog& log) {
  h.on_command = [&h, &p, &log](const ctrl::IssuedCommand& c) {
    if (c.command.cmd != dram::Command::REF) return;
    log.ref_cycles.push_back(c.command.cycle);
    bool open = false;
    for (std::uint32_t g = 0; g < std::uint32_t(p.org.bank_groups); ++g)
      for (std::uint32_t b = 0; b < std::uint32_t(p.org.banks_per_group); ++b)
        open = open || h.device().checker().bank_open(c.command.rank, g, b);
    if (open) ++log.refs_with_open_bank;
  };
}

// JESD79-4: at most 8 REF may be postponed on DDR4 (and the controller's default is 8).
constexpr std::uint64_t kDdr4Postponed = 8;

class Refresh : public ::testing::TestWithParam<sim::Backend> {
 protected:
  const sim::Backend backend = GetParam();
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  const std::uint64_t refi = std::uint64_t(p.timing.tREFI);
};

TEST_P(Refresh, SteadyTrafficPostponesWithinTheLimitAndNeverWithABankOpen) {
  sim::HarnessOptions options;  // FR-FCFS, open page, refresh on, postponement 8
  options.backend = backend;
  ASSERT_EQ(std::uint64_t(options.controller.refresh_postpone), kDdr4Postponed);
  sim::CycleHarness h(p, options);
  RefreshLog log;
  watch_refreshes(h, p, log);
  workloads::RandomParams rp;
  rp.count = UINT64_MAX;
  rp.seed = 11;
  rp.footprint = 64ull << 20;
  rp.read_fraction = 0.7;
  rp.max_run = 8;
  UntilCycleSource source(h, kIntervals * refi, rp);
  const stats::RunStats s = h.run(source);

  EXPECT_EQ(s.violations, 0u);  // no "REF with a bank open", no refresh deadline missed
  for (const auto& v : s.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_GE(s.cycles, kIntervals * refi);
  EXPECT_LT(s.cycles, (kIntervals + 1) * refi);  // the tail after the last request is short

  EXPECT_EQ(log.ref_cycles.size(), s.refreshes());
  EXPECT_GE(s.refreshes(), kIntervals - kDdr4Postponed);
  EXPECT_LE(s.refreshes(), kIntervals + 1);
  EXPECT_EQ(log.refs_with_open_bank, 0u);
  EXPECT_LE(s.max_refresh_owed, std::uint64_t(kDdr4Postponed));
  // The traffic never left the rank idle, so refreshes were postponed to the limit.
  EXPECT_EQ(s.max_refresh_owed, std::uint64_t(kDdr4Postponed));
  // The n-th REF (from 1) is due at n x tREFI and may be postponed by 8 intervals at most.
  const std::uint64_t postpone = kDdr4Postponed;
  for (std::size_t n = 1; n <= log.ref_cycles.size(); ++n)
    EXPECT_LT(log.ref_cycles[n - 1], (n + postpone) * refi) << "REF " << n;
  // The rank always had demand, so every refresh waited until 8 were owed and then went at
  // once: the n-th falls due (the 8th owed) at (n + 7) tREFI, and is on the bus once the open
  // banks may close (tRAS after an ACT, or tCWL + tBL + tWR after a WR), PREA, and tRP later.
  const dram::Timing& t = p.timing;
  const std::uint64_t close_and_ref = std::uint64_t(t.tRAS + t.tCWL + t.tBL + t.tWR + t.tRP);
  ASSERT_GE(log.ref_cycles.size(), kIntervals - postpone + 1);
  for (std::size_t n = 1; n <= kIntervals - postpone + 1; ++n) {
    EXPECT_GE(log.ref_cycles[n - 1], (n + postpone - 1) * refi) << "REF " << n;
    EXPECT_LT(log.ref_cycles[n - 1], (n + postpone - 1) * refi + close_and_ref) << "REF " << n;
  }
  // Closing the rank for a refresh under traffic takes PREA.
  EXPECT_GE(s.commands[std::size_t(dram::Command::PREA)], 1u);
}

TEST_P(Refresh, IdleControllerRefreshesEveryTRefi) {
  sim::HarnessOptions options;
  options.backend = backend;
  sim::CycleHarness h(p, options);
  RefreshLog log;
  watch_refreshes(h, p, log);
  const std::uint64_t idle_until = kIntervals * refi + refi / 2;
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t) { return cycle >= idle_until; });
  OneReadSource source;
  const stats::RunStats s = h.run(source);
  EXPECT_TRUE(s.clean());
  EXPECT_EQ(s.reads, 1u);
  ASSERT_GE(s.cycles, idle_until);
  const std::uint64_t expected = s.cycles / refi;
  EXPECT_GE(log.ref_cycles.size() + 1, expected);
  EXPECT_LE(log.ref_cycles.size(), expected + 1);
  EXPECT_EQ(log.ref_cycles.size(), kIntervals);
  EXPECT_EQ(log.refs_with_open_bank, 0u);
  EXPECT_EQ(s.commands[std::size_t(dram::Command::PREA)], 0u);  // nothing was ever open
  EXPECT_EQ(s.refreshes_postponed, 0u);
  EXPECT_EQ(s.max_refresh_owed, 1u);
  // Each falls due tREFI after the previous one and goes at once: the first falls due in
  // cycle tREFI - 1 (the interval counter starts at 0 after reset), the refresh block's
  // registered request is up in cycle tREFI, the scheduler picks REF then, and the registered
  // bus shows it one cycle later.
  ASSERT_FALSE(log.ref_cycles.empty());
  EXPECT_EQ(log.ref_cycles[0], refi + 1);
  for (std::size_t i = 1; i < log.ref_cycles.size(); ++i)
    EXPECT_EQ(log.ref_cycles[i] - log.ref_cycles[i - 1], refi) << "REF " << i + 1;
}

// Refresh disabled: no REF at all in the same idle time.
TEST_P(Refresh, DisabledMeansNoRefresh) {
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller.refresh = false;
  sim::CycleHarness h(p, options);
  const std::uint64_t idle_until = 3 * refi;
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t) { return cycle >= idle_until; });
  OneReadSource source;
  const stats::RunStats s = h.run(source);
  EXPECT_EQ(s.refreshes(), 0u);
  EXPECT_EQ(s.reads, 1u);
  // Three intervals without a REF are still within the 8 the standard lets a controller owe.
  EXPECT_EQ(s.violations, 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Refresh, ::testing::ValuesIn(test::kBackends),
                         test::backend_test_name);

}  // namespace
}  // namespace mckit
