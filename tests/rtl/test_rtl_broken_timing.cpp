// The device model checks the controller, not a copy of its own rules: a controller given a
// tRCD one cycle shorter than the device's is caught on every RD/WR that uses the shortcut.
// And presets the controller's build cannot serve are refused up front, naming the limit. On
// both backends: the RTL (mc_top) and the C++ reference controller (tests named .../rtl and
// .../tlm).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "dram/dram_preset.h"
#include "ctrl/controller_params.h"
#include "backend.h"
#include "rtl_test_support.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

using test::VectorSource;

class BrokenTiming : public ::testing::TestWithParam<sim::Backend> {
 protected:
  const dram::DramPreset p = dram::load_preset("ddr4-3200");

  sim::HarnessOptions options() const {
    sim::HarnessOptions o;
    o.backend = GetParam();
    return o;
  }

  sim::HarnessOptions short_trcd_options() const {
    sim::HarnessOptions o = options();
    o.controller_timing = p.timing;
    o.controller_timing->tRCD = p.timing.tRCD - 1;  // the device keeps 22, the RTL uses 21
    return o;
  }
};

// Ten reads to ten rows of one bank, each once the previous one has completed: every one
// needs an ACT, and its RD goes tRCD(controller) = 21 cycles later: ten "tRCD, 1 cycle early".
TEST_P(BrokenTiming, EveryRdAfterAnActIsOneCycleEarly) {
  sim::HarnessOptions o = short_trcd_options();
  o.controller.refresh = false;
  sim::CycleHarness h(p, o);
  std::vector<ctrl::IssuedCommand> cmds;
  h.on_command = [&](const ctrl::IssuedCommand& c) { cmds.push_back(c); };
  std::map<std::uint64_t, std::uint64_t> done;
  h.on_completion = [&](const ctrl::Completion& c) { done[c.tag] = c.done_cycle; };
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t seq) {
    if (seq == 0) return cycle >= 100;
    const auto it = done.find(seq - 1);
    return it != done.end() && cycle >= it->second + 100;
  });
  std::vector<Request> reqs;
  const std::uint64_t row_bytes = std::uint64_t(p.org.bytes_per_burst()) *
                                  std::uint64_t(p.org.columns / p.org.burst_length) *
                                  std::uint64_t(p.org.banks_per_rank());
  for (int k = 0; k < 10; ++k) {
    Request r;
    r.addr = std::uint64_t(k + 1) * row_bytes;  // row k + 1 of bank bg0/b0
    reqs.push_back(r);
  }
  VectorSource source(reqs);
  const stats::RunStats s = h.run(source);

  EXPECT_EQ(s.reads, 10u);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.violations, 10u);
  const auto& violations = h.device().violations();
  ASSERT_EQ(violations.size(), 10u);
  std::uint64_t last_act = 0;
  std::size_t k = 0;
  for (const auto& c : cmds) {
    if (c.command.cmd == dram::Command::ACT) last_act = c.command.cycle;
    if (c.command.cmd != dram::Command::RD) continue;
    ASSERT_LT(k, violations.size());
    const dram::Violation& v = violations[k++];
    EXPECT_EQ(v.constraint, "tRCD");
    EXPECT_EQ(v.cycles, 1u);
    EXPECT_FALSE(v.late);
    EXPECT_EQ(v.command.cmd, dram::Command::RD);
    EXPECT_EQ(v.command.cycle, c.command.cycle);
    EXPECT_EQ(c.command.cycle - last_act, std::uint64_t(p.timing.tRCD - 1));
    EXPECT_EQ(v.message().find("tRCD, 1 cycle early") != std::string::npos, true) << v.message();
  }
  EXPECT_EQ(k, 10u);
  ASSERT_FALSE(s.first_violations.empty());
  EXPECT_NE(s.first_violations[0].find("tRCD, 1 cycle early"), std::string::npos);
}

// Random traffic: exactly the RDs and WRs issued 21 cycles after their bank's ACT break tRCD
// (DDR4 has no separate tRCDWR), each by one cycle, and nothing else breaks.
TEST_P(BrokenTiming, RandomTrafficBreaksTRcdExactlyWhereTheShortcutIsTaken) {
  sim::CycleHarness h(p, short_trcd_options());
  std::map<std::uint32_t, std::uint64_t> act_at;  // bank index -> cycle of its last ACT
  std::uint64_t shortcuts = 0, columns = 0;
  h.on_command = [&](const ctrl::IssuedCommand& c) {
    const dram::DramCommand& d = c.command;
    const std::uint32_t bank = d.bank_group * std::uint32_t(p.org.banks_per_group) + d.bank;
    if (d.cmd == dram::Command::ACT) act_at[bank] = d.cycle;
    if (dram::is_column(d.cmd)) {
      ++columns;
      if (d.cycle - act_at.at(bank) == std::uint64_t(p.timing.tRCD - 1)) ++shortcuts;
    }
  };
  workloads::RandomParams rp;
  rp.count = 20'000;
  rp.seed = 5;
  rp.footprint = 1ull << 24;
  rp.read_fraction = 0.7;
  rp.max_run = 4;
  workloads::RandomSource source(rp);
  const stats::RunStats s = h.run(source);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(s.data_mismatches, 0u);
  ASSERT_GT(shortcuts, 1000u);  // the traffic does exercise it (misses and conflicts)
  EXPECT_LT(shortcuts, columns);
  EXPECT_EQ(s.violations, shortcuts);
  for (const auto& v : h.device().violations()) {
    EXPECT_EQ(v.constraint, "tRCD") << v.message();
    EXPECT_EQ(v.cycles, 1u) << v.message();
  }
}

// The same traffic with the controller's timing equal to the device's is clean: the option
// changes nothing by itself.
TEST_P(BrokenTiming, ControllerTimingEqualToTheDevicesIsClean) {
  sim::HarnessOptions o = options();
  o.controller_timing = p.timing;
  sim::CycleHarness h(p, o);
  workloads::RandomParams rp;
  rp.count = 20'000;
  rp.seed = 5;
  rp.footprint = 1ull << 24;
  rp.read_fraction = 0.7;
  rp.max_run = 4;
  workloads::RandomSource source(rp);
  const stats::RunStats s = h.run(source);
  EXPECT_EQ(s.violations, 0u);
  EXPECT_TRUE(s.clean());
}

// ---- Presets the RTL cannot serve --------------------------------------------------------

std::string construction_error(const dram::DramPreset& preset,
                               const sim::HarnessOptions& options) {
  try {
    sim::CycleHarness h(preset, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

TEST_P(BrokenTiming, FourRanksAreRefused) {
  dram::DramPreset four = p;
  four.org.ranks = 4;
  const std::string error = construction_error(four, options());
  EXPECT_NE(error.find("ranks = 4 exceeds the controller's limit of " +
                       std::to_string(ctrl::ControllerLimits::kRanks)),
            std::string::npos)
      << error;
}

TEST_P(BrokenTiming, TRfcBeyondSixteenBitsIsRefused) {
  dram::DramPreset slow = p;
  slow.timing.tRFC = 70'000;
  const std::string error = construction_error(slow, options());
  EXPECT_NE(error.find("timing.tRFC = 70000 exceeds the controller's limit of 65535"),
            std::string::npos)
      << error;
}

TEST_P(BrokenTiming, TRefiBeyondSixteenBitsIsRefused) {
  dram::DramPreset slow = p;
  slow.timing.tREFI = 65'536;
  const std::string error = construction_error(slow, options());
  EXPECT_NE(error.find("timing.tREFI = 65536 exceeds the controller's limit of 65535"),
            std::string::npos)
      << error;
}

TEST_P(BrokenTiming, ShortTimingBeyondEightBitsIsRefused) {
  dram::DramPreset slow = p;
  slow.timing.tRAS = 256;
  slow.timing.tRC = slow.timing.tRAS + slow.timing.tRP;
  const std::string error = construction_error(slow, options());
  EXPECT_NE(error.find("timing.tRAS = 256 exceeds the controller's limit of 255"),
            std::string::npos)
      << error;
}

// The controller's own timing is checked as well, when it differs from the device's.
TEST_P(BrokenTiming, ControllerTimingIsCheckedToo) {
  sim::HarnessOptions o = options();
  o.controller_timing = p.timing;
  o.controller_timing->tRCD = 300;
  const std::string error = construction_error(p, o);
  EXPECT_NE(error.find("timing.tRCD = 300 exceeds the controller's limit of 255"),
            std::string::npos)
      << error;
}

TEST_P(BrokenTiming, AQueueDepthOtherThanTheBuiltOneIsRefused) {
  sim::HarnessOptions o = options();
  o.controller.queue_depth = 64;
  const std::string error = construction_error(p, o);
  EXPECT_NE(error.find("queues of " + std::to_string(ctrl::ControllerLimits::kQueueDepth) +
                       " entries, not 64"),
            std::string::npos)
      << error;
}

INSTANTIATE_TEST_SUITE_P(Backends, BrokenTiming, ::testing::ValuesIn(test::kBackends),
                         test::backend_test_name);

}  // namespace
}  // namespace mckit
