// The controller's scheduling on DDR4-3200: FR-FCFS against FCFS order, the age cap against a
// starving row-hit stream, and the four-activate window. On both backends: the RTL (mc_top)
// and the C++ reference controller (tests named .../rtl and .../tlm).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "dram/dram_preset.h"
#include "backend.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

using namespace test;

struct Outcome {
  std::vector<dram::DramCommand> commands;
  std::map<std::uint64_t, ctrl::Completion> done;  // by sequence
  std::vector<std::uint64_t> completion_order;     // sequences
  stats::RunStats stats;

  std::vector<dram::DramCommand> of(dram::Command kind) const {
    std::vector<dram::DramCommand> out;
    for (const auto& c : commands)
      if (c.cmd == kind) out.push_back(c);
    return out;
  }
};

// Offers request k no earlier than cycle offer_at[k], on an otherwise idle controller.
Outcome run_scheduled(sim::Backend backend, const dram::DramPreset& preset,
                      const ctrl::ControllerConfig& config, const std::vector<Request>& requests,
                      const std::vector<std::uint64_t>& offer_at) {
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller = config;
  sim::CycleHarness h(preset, options);
  Outcome run;
  h.on_command = [&](const ctrl::IssuedCommand& c) { run.commands.push_back(c.command); };
  h.on_completion = [&](const ctrl::Completion& c) {
    run.done[c.tag] = c;
    run.completion_order.push_back(c.tag);
  };
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t seq) {
    return seq >= offer_at.size() || cycle >= offer_at[seq];
  });
  VectorSource source(requests);
  run.stats = h.run(source);
  EXPECT_EQ(run.stats.violations, 0u);
  for (const auto& v : run.stats.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(run.stats.data_mismatches, 0u);
  EXPECT_EQ(run.stats.unanswered, 0u);
  EXPECT_EQ(run.stats.requests(), requests.size());
  return run;
}

ctrl::ControllerConfig config_for(ctrl::Scheduler s, int age_cap = 512) {
  ctrl::ControllerConfig c;
  c.scheduler = s;
  c.page_policy = ctrl::PagePolicy::Open;
  c.age_cap = age_cap;
  c.refresh = false;  // nothing but the requests under test may take the command bus
  return c;
}

class Scheduling : public ::testing::TestWithParam<sim::Backend> {
 protected:
  const sim::Backend backend = GetParam();
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  const dram::Timing& t = p.timing;
};

// ---- (a) FR-FCFS against FCFS ------------------------------------------------------------
// Three reads to bank bg0/b0, back to back from cycle 100: R0 row 10 (bank closed: ACT),
// R1 row 20 (older, a conflict once row 10 is open), R2 row 10 (younger, a row hit).
// R1's PRE cannot go before tRAS after the ACT, so by then both R1 and R2 wait in the queue.
class SchedulingOrder : public Scheduling {
 protected:
  std::vector<Request> requests() const {
    return {read_at(address_of(p, 0, 0, 10, 0)), read_at(address_of(p, 0, 0, 20, 0)),
            read_at(address_of(p, 0, 0, 10, 1))};
  }
  const std::vector<std::uint64_t> offer_at{100, 101, 102};
};

TEST_P(SchedulingOrder, FrFcfsServesTheYoungerRowHitFirst) {
  const Outcome r =
      run_scheduled(backend, p, config_for(ctrl::Scheduler::FrFcfs), requests(), offer_at);
  EXPECT_EQ(r.completion_order, (std::vector<std::uint64_t>{0, 2, 1}));
  const auto rds = r.of(dram::Command::RD);
  ASSERT_EQ(rds.size(), 3u);
  EXPECT_EQ(rds[0].row, 10u);
  EXPECT_EQ(rds[0].column, 0u);
  EXPECT_EQ(rds[1].row, 10u);  // R2, the younger hit
  EXPECT_EQ(rds[1].column, 1u * std::uint32_t(p.org.burst_length));
  EXPECT_EQ(rds[2].row, 20u);  // R1, the older conflict, last
  EXPECT_EQ(r.stats.row_misses, 1u);
  EXPECT_EQ(r.stats.row_hits, 1u);
  EXPECT_EQ(r.stats.row_conflicts, 1u);
  EXPECT_EQ(r.stats.commands[std::size_t(dram::Command::ACT)], 2u);
  EXPECT_EQ(r.stats.commands[std::size_t(dram::Command::PRE)], 1u);

  // Cycle by cycle: ACT 3 cycles after R0's handshake, RD tRCD later, the hit tCCD_L after
  // that, then R1's PRE as soon as tRAS (from the ACT) allows, ACT tRP, RD tRCD.
  const auto acts = r.of(dram::Command::ACT);
  const auto pres = r.of(dram::Command::PRE);
  ASSERT_EQ(acts.size(), 2u);
  ASSERT_EQ(pres.size(), 1u);
  EXPECT_EQ(acts[0].cycle, offer_at[0] + kAcceptToBus);
  EXPECT_EQ(rds[0].cycle, acts[0].cycle + t.tRCD);
  EXPECT_EQ(rds[1].cycle, rds[0].cycle + t.tCCD_L);
  ASSERT_GT(acts[0].cycle + t.tRAS, rds[1].cycle + t.tRTP);  // tRAS is what binds the PRE
  EXPECT_EQ(pres[0].cycle, acts[0].cycle + t.tRAS);
  EXPECT_EQ(acts[1].cycle, pres[0].cycle + t.tRP);
  EXPECT_EQ(rds[2].cycle, acts[1].cycle + t.tRCD);
}

TEST_P(SchedulingOrder, FcfsServesInArrivalOrder) {
  const Outcome r =
      run_scheduled(backend, p, config_for(ctrl::Scheduler::Fcfs), requests(), offer_at);
  EXPECT_EQ(r.completion_order, (std::vector<std::uint64_t>{0, 1, 2}));
  const auto rds = r.of(dram::Command::RD);
  ASSERT_EQ(rds.size(), 3u);
  EXPECT_EQ(rds[0].row, 10u);
  EXPECT_EQ(rds[1].row, 20u);
  EXPECT_EQ(rds[2].row, 10u);
  EXPECT_EQ(rds[2].column, 1u * std::uint32_t(p.org.burst_length));
  EXPECT_EQ(r.stats.row_misses, 1u);
  EXPECT_EQ(r.stats.row_hits, 0u);
  EXPECT_EQ(r.stats.row_conflicts, 2u);
  EXPECT_EQ(r.stats.commands[std::size_t(dram::Command::ACT)], 3u);
  EXPECT_EQ(r.stats.commands[std::size_t(dram::Command::PRE)], 2u);
}

// An age cap that is never reached leaves FR-FCFS order alone.
TEST_P(SchedulingOrder, FrFcfsWithAnUnreachedCapIsFrFcfs) {
  const Outcome r = run_scheduled(backend, p, config_for(ctrl::Scheduler::FrFcfsCap, 1000),
                                  requests(), offer_at);
  EXPECT_EQ(r.completion_order, (std::vector<std::uint64_t>{0, 2, 1}));
}

// ---- (b) The age cap against a starving row-hit stream ------------------------------------
// Reads to row 100 of bank bg0/b0 (the hot row): a backlog of kBacklog at once, then one every
// tCCD_L, the rate at which one bank serves them, so the queue always holds a few hits. After
// kBefore hits comes the lone read to row 200 of the same bank, then kAfter more hits. Under
// FR-FCFS the lone read's PRE is never "polite" (a queued request always hits the open row),
// so it waits for the whole stream; the age cap makes it the only candidate once it is
// age_cap cycles old.
class SchedulingAgeCap : public Scheduling {
 protected:
  static constexpr int kAgeCap = 200;
  static constexpr std::uint64_t kStart = 100, kBacklog = 4, kBefore = 20, kAfter = 300;

  std::vector<Request> requests;
  std::vector<std::uint64_t> offer_at;
  std::size_t lone = 0;  // its sequence number

  void SetUp() override {
    const std::uint64_t total = kBefore + 1 + kAfter;
    std::uint32_t col = 0;
    for (std::uint64_t k = 0; k < total; ++k) {
      const std::uint64_t at =
          k < kBacklog ? kStart + k : kStart + kBacklog - 1 + (k - kBacklog + 1) * t.tCCD_L;
      offer_at.push_back(at);
      if (k == kBefore) {
        lone = requests.size();
        requests.push_back(read_at(address_of(p, 0, 0, 200, 0)));
      } else {
        requests.push_back(read_at(address_of(p, 0, 0, 100, col)));
        col = (col + 1) % std::uint32_t(p.org.columns / p.org.burst_length);
      }
    }
  }

  // PRE, ACT, RD + data + response of a conflict: the lone read's service time.
  std::uint64_t service() const {
    return std::uint64_t(t.tRP + t.tRCD + t.tCL + t.tBL) + kPipelineDepth;
  }

  // Hot-row RDs issued after the lone read's handshake and before its PRE.
  static std::size_t hits_overtaking(const Outcome& r, std::uint64_t accept, std::uint64_t pre) {
    std::size_t n = 0;
    for (const auto& c : r.commands)
      if (c.cmd == dram::Command::RD && c.row == 100 && c.cycle > accept && c.cycle < pre) ++n;
    return n;
  }
};

// Slack: the cap makes the lone read the only candidate at its decision cycle
// A + 1 + age_cap (its age counts from its filing, A + 1), so its PRE is on the bus at
// A + 2 + age_cap unless the hot row's last RD, which may have gone the cycle before, still
// holds the bank for tRTP. So PRE = max(A + 2 + age_cap, last RD + tRTP), and the latency is
// at most age_cap + service + tRTP - 2 (the idle PRE would have been on the bus at A + 3).
TEST_P(SchedulingAgeCap, CapBoundsTheLoneReadsWait) {
  const Outcome r = run_scheduled(backend, p, config_for(ctrl::Scheduler::FrFcfsCap, kAgeCap),
                                  requests, offer_at);
  const ctrl::Completion& c = r.done.at(lone);
  EXPECT_EQ(c.accept_cycle, offer_at[lone]);  // the queue never backed up to the front end
  const std::uint64_t latency = c.done_cycle - c.accept_cycle;
  const std::uint64_t slack = std::uint64_t(t.tRTP) - 2;
  EXPECT_LE(latency, kAgeCap + service() + slack);
  EXPECT_GE(latency, kAgeCap + service() - 1);  // it did wait for the cap: the stream is hostile

  // The lone read's PRE, exactly.
  const auto pres = r.of(dram::Command::PRE);
  ASSERT_GE(pres.size(), 1u);
  const dram::DramCommand& pre = pres[0];  // the first PRE closes the hot row for it
  std::uint64_t last_rd = 0;
  for (const auto& cmd : r.commands)
    if (cmd.cmd == dram::Command::RD && cmd.cycle < pre.cycle) last_rd = cmd.cycle;
  EXPECT_EQ(pre.cycle, std::max<std::uint64_t>(c.accept_cycle + 2 + kAgeCap, last_rd + t.tRTP));
  // Between its handshake and its PRE the hot row was served at its full rate, one RD every
  // tCCD_L, and no longer than the cap allows.
  const std::size_t overtaking = hits_overtaking(r, c.accept_cycle, pre.cycle);
  EXPECT_LE(overtaking, std::size_t((kAgeCap + t.tRTP) / t.tCCD_L + 1));
  EXPECT_GE(overtaking, std::size_t(kAgeCap / t.tCCD_L - 1));
  // And the stream went on after it: the lone read is not simply last.
  EXPECT_NE(r.completion_order.back(), lone);
}

// The same pattern under plain FR-FCFS: the lone read waits for every hit of the stream, far
// longer than the cap would allow, and goes only once the last hit has left (tRTP after it).
TEST_P(SchedulingAgeCap, PlainFrFcfsStarvesTheLoneRead) {
  const Outcome r =
      run_scheduled(backend, p, config_for(ctrl::Scheduler::FrFcfs), requests, offer_at);
  const ctrl::Completion& c = r.done.at(lone);
  const std::uint64_t latency = c.done_cycle - c.accept_cycle;
  EXPECT_GT(latency, kAgeCap + service() + std::uint64_t(t.tRTP));
  EXPECT_GE(latency, kAfter * std::uint64_t(t.tCCD_L));
  EXPECT_EQ(r.completion_order.back(), lone);
  const auto pres = r.of(dram::Command::PRE);
  ASSERT_EQ(pres.size(), 1u);
  std::uint64_t last_rd = 0;
  for (const auto& cmd : r.commands)
    if (cmd.cmd == dram::Command::RD && cmd.cycle < pres[0].cycle) last_rd = cmd.cycle;
  EXPECT_EQ(pres[0].cycle, last_rd + t.tRTP);
  // Every hit of the stream, older or younger, went before it.
  EXPECT_EQ(hits_overtaking(r, 0, pres[0].cycle), std::size_t(kBefore + kAfter));
}

// ---- (c) The four-activate window -------------------------------------------------------
// Five reads to five closed banks of the one rank (bank groups 0, 1, 2, 3, 0). ACTs 1-4 go
// tRRD_S apart; the 5th, which tRRD_S (and tRRD_L from the 1st, same group) would allow much
// sooner, must wait for 1st + tFAW. The 4th read comes a few cycles late on purpose: with
// four ACTs exactly tRRD_S apart the 4th bank's RD would fall due at 1st + 3 tRRD_S + tRCD =
// 1st + 34 = 1st + tFAW on DDR4-3200, and a column command goes before an ACT, which would
// push the 5th ACT one cycle past tFAW for a reason that is not tFAW.
TEST_P(Scheduling, FifthActComesExactlyTFawAfterTheFirst) {
  ASSERT_EQ(t.tFAW, 34);
  ASSERT_EQ(t.tRRD_S, 4);
  ASSERT_EQ(t.tRRD_L, 8);
  const std::vector<Request> reqs = {
      read_at(address_of(p, 0, 0, 7, 0)), read_at(address_of(p, 1, 0, 7, 0)),
      read_at(address_of(p, 2, 0, 7, 0)), read_at(address_of(p, 3, 0, 7, 0)),
      read_at(address_of(p, 0, 1, 7, 0))};
  const Outcome r = run_scheduled(backend, p, config_for(ctrl::Scheduler::FrFcfs), reqs,
                                  {100, 101, 102, 113, 114});
  const auto acts = r.of(dram::Command::ACT);
  ASSERT_EQ(acts.size(), 5u);
  EXPECT_EQ(acts[0].cycle, 100 + kAcceptToBus);               // 103
  EXPECT_EQ(acts[1].cycle, acts[0].cycle + t.tRRD_S);         // 107
  EXPECT_EQ(acts[2].cycle, acts[1].cycle + t.tRRD_S);         // 111
  EXPECT_EQ(acts[3].cycle, 113 + kAcceptToBus);               // 116, as soon as it came
  ASSERT_LT(acts[3].cycle + t.tRRD_S, acts[0].cycle + t.tFAW);  // tRRD_S does not bind
  ASSERT_LT(acts[0].cycle + t.tRRD_L, acts[0].cycle + t.tFAW);  // nor tRRD_L
  EXPECT_EQ(acts[4].cycle, acts[0].cycle + t.tFAW);           // 137: tFAW does
  EXPECT_EQ(acts[4].bank_group, 0u);
  EXPECT_EQ(acts[4].bank, 1u);
  for (const auto& c : r.commands) {  // no other command wanted the 5th ACT's cycle
    if (c.cmd != dram::Command::ACT) {
      EXPECT_NE(c.cycle, acts[4].cycle);
    }
  }
}

// Five reads back to back, bank groups 0, 1, 2, 2, 3. FR-FCFS may reorder the ACTs (the 5th
// request's ACT is ready before the 4th's, which tRRD_L holds back), but the 5th ACT still
// waits for exactly 1st + tFAW, or one cycle more if a column command (which goes first)
// holds the bus in that cycle.
TEST_P(Scheduling, FifthActBackToBackWaitsForTFaw) {
  const std::vector<Request> reqs = {
      read_at(address_of(p, 0, 0, 7, 0)), read_at(address_of(p, 1, 0, 7, 0)),
      read_at(address_of(p, 2, 0, 7, 0)), read_at(address_of(p, 2, 1, 7, 0)),
      read_at(address_of(p, 3, 0, 7, 0))};
  const Outcome r = run_scheduled(backend, p, config_for(ctrl::Scheduler::FrFcfs), reqs,
                                  {100, 101, 102, 103, 104});
  const auto acts = r.of(dram::Command::ACT);
  ASSERT_EQ(acts.size(), 5u);
  bool bus_busy = false;
  for (const auto& c : r.commands) bus_busy = bus_busy || c.cycle == acts[0].cycle + t.tFAW;
  EXPECT_EQ(acts[4].cycle, acts[0].cycle + t.tFAW + (bus_busy ? 1 : 0));
}

INSTANTIATE_TEST_SUITE_P(Backends, SchedulingOrder, ::testing::ValuesIn(kBackends),
                         backend_test_name);
INSTANTIATE_TEST_SUITE_P(Backends, SchedulingAgeCap, ::testing::ValuesIn(kBackends),
                         backend_test_name);
INSTANTIATE_TEST_SUITE_P(Backends, Scheduling, ::testing::ValuesIn(kBackends), backend_test_name);

}  // namespace
}  // namespace mckit
