// Exact read latencies of the controller on an idle DDR4-3200 channel: a read to a closed bank,
// a row hit and a row conflict, and the commands that serve each. On both backends: the RTL
// (mc_top) and the C++ reference controller (tests named .../rtl and .../tlm).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

#include "dram/dram_preset.h"
#include "backend.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

using namespace test;

// The idle-controller cases start here, long after reset, so that nothing left from reset
// (see FirstReadAfterResetIsNotHeldBack) can bind.
constexpr std::uint64_t kSettled = 100;

struct Observed {
  std::vector<ctrl::IssuedCommand> commands;
  std::map<std::uint64_t, ctrl::Completion> done;  // by sequence
};

// Runs `requests` on an idle controller; request k is offered no earlier than
// `wait_after_previous[k]` cycles after request k-1 has completed (k = 0: from cycle 0).
Observed run_spaced(sim::Backend backend, const dram::DramPreset& preset,
                    const std::vector<Request>& requests,
                    const std::vector<std::uint64_t>& wait_after_previous) {
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller.scheduler = ctrl::Scheduler::FrFcfs;
  options.controller.page_policy = ctrl::PagePolicy::Open;
  options.controller.refresh = false;
  sim::CycleHarness h(preset, options);
  Observed seen;
  h.on_command = [&](const ctrl::IssuedCommand& c) { seen.commands.push_back(c); };
  h.on_completion = [&](const ctrl::Completion& c) { seen.done[c.tag] = c; };
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t seq) {
    if (seq >= wait_after_previous.size()) return true;  // the source is over: let it say so
    if (seq == 0) return cycle >= wait_after_previous[0];
    const auto it = seen.done.find(seq - 1);
    return it != seen.done.end() && cycle >= it->second.done_cycle + wait_after_previous[seq];
  });
  VectorSource source(requests);
  const stats::RunStats s = h.run(source);
  EXPECT_EQ(s.violations, 0u);
  for (const auto& v : s.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(s.reads, requests.size());
  return seen;
}

class Latency : public ::testing::TestWithParam<sim::Backend> {
 protected:
  const sim::Backend backend = GetParam();
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  const dram::Timing& t = p.timing;
};

// Independent of the backend: checked once.
TEST(LatencyPreset, ValuesAreTheOnesTheseExpectationsWereWorkedOutFor) {
  const dram::Timing t = dram::load_preset("ddr4-3200").timing;
  EXPECT_EQ(t.tRCD, 22);
  EXPECT_EQ(t.tRP, 22);
  EXPECT_EQ(t.tCL, 22);
  EXPECT_EQ(t.tBL, 4);
  EXPECT_EQ(t.tRAS, 52);
}

// (a) A read to a closed bank: ACT, then RD tRCD later.
//     latency = tRCD + tCL + tBL + P = 22 + 22 + 4 + 4 = 52
TEST_P(Latency, ReadToClosedBank) {
  const std::uint64_t addr = address_of(p, 1, 2, 77, 5);
  const Observed o = run_spaced(backend, p, {read_at(addr)}, {kSettled});
  ASSERT_EQ(o.done.size(), 1u);
  const ctrl::Completion& c = o.done.at(0);
  EXPECT_EQ(c.accept_cycle, kSettled);
  EXPECT_EQ(c.done_cycle - c.accept_cycle, std::uint64_t(t.tRCD + t.tCL + t.tBL) + kPipelineDepth);
  EXPECT_EQ(c.done_cycle - c.accept_cycle, 52u);

  ASSERT_EQ(o.commands.size(), 2u);
  const dram::DramCommand& act = o.commands[0].command;
  const dram::DramCommand& rd = o.commands[1].command;
  EXPECT_EQ(act.cmd, dram::Command::ACT);
  EXPECT_EQ(rd.cmd, dram::Command::RD);
  EXPECT_EQ(act.cycle, c.accept_cycle + kAcceptToDecision + kDecisionToBus);
  EXPECT_EQ(rd.cycle - act.cycle, std::uint64_t(t.tRCD));
  EXPECT_EQ(c.done_cycle, rd.cycle + t.tCL + t.tBL + kDataToResponse);
  for (const dram::DramCommand* d : {&act, &rd}) {
    EXPECT_EQ(d->bank_group, 1u);
    EXPECT_EQ(d->bank, 2u);
    EXPECT_EQ(d->row, 77u);
  }
  EXPECT_EQ(rd.column, 5u * std::uint32_t(p.org.burst_length));
}

// (b) A row hit: a second read to the same row once the first has completed: RD at once.
//     latency = tCL + tBL + P = 22 + 4 + 4 = 30
TEST_P(Latency, RowHit) {
  const Observed o =
      run_spaced(backend, p,
                 {read_at(address_of(p, 3, 1, 500, 0)), read_at(address_of(p, 3, 1, 500, 9))},
                 {kSettled, 0});
  ASSERT_EQ(o.done.size(), 2u);
  const ctrl::Completion& first = o.done.at(0);
  const ctrl::Completion& hit = o.done.at(1);
  EXPECT_EQ(first.done_cycle - first.accept_cycle,
            std::uint64_t(t.tRCD + t.tCL + t.tBL) + kPipelineDepth);
  EXPECT_EQ(hit.accept_cycle, first.done_cycle + 1);  // offered the cycle after, taken at once
  EXPECT_EQ(hit.done_cycle - hit.accept_cycle, std::uint64_t(t.tCL + t.tBL) + kPipelineDepth);
  EXPECT_EQ(hit.done_cycle - hit.accept_cycle, 30u);

  ASSERT_EQ(o.commands.size(), 3u);
  EXPECT_EQ(o.commands[0].command.cmd, dram::Command::ACT);
  EXPECT_EQ(o.commands[1].command.cmd, dram::Command::RD);
  const dram::DramCommand& rd = o.commands[2].command;
  EXPECT_EQ(rd.cmd, dram::Command::RD);  // no PRE, no ACT: the row stayed open
  EXPECT_EQ(rd.cycle, hit.accept_cycle + kAcceptToDecision + kDecisionToBus);
  EXPECT_EQ(rd.row, 500u);
  EXPECT_EQ(rd.column, 9u * std::uint32_t(p.org.burst_length));
}

// (c) A row conflict: another row of the same bank, long after tRAS, tRTP and tRC have
//     passed: PRE, ACT tRP later, RD tRCD after that.
//     latency = tRP + tRCD + tCL + tBL + P = 22 + 22 + 22 + 4 + 4 = 74
TEST_P(Latency, RowConflict) {
  const Observed o =
      run_spaced(backend, p,
                 {read_at(address_of(p, 0, 3, 12, 4)), read_at(address_of(p, 0, 3, 13, 4))},
                 {kSettled, 200});
  ASSERT_EQ(o.done.size(), 2u);
  const ctrl::Completion& conflict = o.done.at(1);
  EXPECT_EQ(conflict.accept_cycle, o.done.at(0).done_cycle + 200);
  EXPECT_EQ(conflict.done_cycle - conflict.accept_cycle,
            std::uint64_t(t.tRP + t.tRCD + t.tCL + t.tBL) + kPipelineDepth);
  EXPECT_EQ(conflict.done_cycle - conflict.accept_cycle, 74u);

  ASSERT_EQ(o.commands.size(), 5u);
  const dram::DramCommand& pre = o.commands[2].command;
  const dram::DramCommand& act = o.commands[3].command;
  const dram::DramCommand& rd = o.commands[4].command;
  EXPECT_EQ(pre.cmd, dram::Command::PRE);
  EXPECT_EQ(act.cmd, dram::Command::ACT);
  EXPECT_EQ(rd.cmd, dram::Command::RD);
  EXPECT_EQ(pre.cycle, conflict.accept_cycle + kAcceptToDecision + kDecisionToBus);
  EXPECT_EQ(act.cycle - pre.cycle, std::uint64_t(t.tRP));
  EXPECT_EQ(rd.cycle - act.cycle, std::uint64_t(t.tRCD));
  EXPECT_EQ(conflict.done_cycle, rd.cycle + t.tCL + t.tBL + kDataToResponse);
  EXPECT_EQ(pre.bank_group, 0u);
  EXPECT_EQ(pre.bank, 3u);
  EXPECT_EQ(act.row, 13u);
  EXPECT_EQ(rd.row, 13u);
}

// The three cases on one bank in a row, classified by the controller as it served them.
TEST_P(Latency, MissHitConflictClassesAndLatencies) {
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller.refresh = false;
  sim::CycleHarness h(p, options);
  std::map<std::uint64_t, ctrl::Completion> done;
  h.on_completion = [&](const ctrl::Completion& c) { done[c.tag] = c; };
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t seq) {
    if (seq == 0) return cycle >= kSettled;
    const auto it = done.find(seq - 1);
    return it != done.end() && cycle >= it->second.done_cycle + 100;
  });
  VectorSource source({read_at(address_of(p, 2, 2, 40, 1)), read_at(address_of(p, 2, 2, 40, 2)),
                       read_at(address_of(p, 2, 2, 41, 3))});
  const stats::RunStats s = h.run(source);
  EXPECT_TRUE(s.clean());
  EXPECT_EQ(s.row_misses, 1u);
  EXPECT_EQ(s.row_hits, 1u);
  EXPECT_EQ(s.row_conflicts, 1u);
  EXPECT_EQ(s.read_latency.count(), 3u);
  EXPECT_EQ(s.read_latency.min(), std::uint64_t(t.tCL + t.tBL) + kPipelineDepth);
  EXPECT_EQ(s.read_latency.max(), std::uint64_t(t.tRP + t.tRCD + t.tCL + t.tBL) + kPipelineDepth);
  EXPECT_EQ(s.commands[std::size_t(dram::Command::ACT)], 2u);
  EXPECT_EQ(s.commands[std::size_t(dram::Command::PRE)], 1u);
  EXPECT_EQ(s.commands[std::size_t(dram::Command::RD)], 3u);
}

// Right after reset the banks are closed and no ACT has ever been issued, so a read taken
// at cycle 0 is served exactly like any other read to a closed bank: ACT at A + 3, latency
// tRCD + tCL + tBL + P. (The bank machines must not start as if four ACTs had just gone.)
TEST_P(Latency, FirstReadAfterResetIsNotHeldBack) {
  const Observed o = run_spaced(backend, p, {read_at(address_of(p, 0, 0, 1, 0))}, {0});
  ASSERT_EQ(o.done.size(), 1u);
  const ctrl::Completion& c = o.done.at(0);
  EXPECT_EQ(c.accept_cycle, 0u);
  ASSERT_EQ(o.commands.size(), 2u);
  EXPECT_EQ(o.commands[0].command.cmd, dram::Command::ACT);
  EXPECT_EQ(o.commands[0].command.cycle, kAcceptToDecision + kDecisionToBus)
      << "the first ACT after reset waits for tFAW = " << t.tFAW
      << " as if four ACTs had been issued at cycle 0";
  EXPECT_EQ(c.done_cycle - c.accept_cycle, std::uint64_t(t.tRCD + t.tCL + t.tBL) + kPipelineDepth);
}

INSTANTIATE_TEST_SUITE_P(Backends, Latency, ::testing::ValuesIn(kBackends), backend_test_name);

}  // namespace
}  // namespace mckit
