// ACT to WR on HBM2 and HBM3, whose standards give it its own tRCDWR (JESD235, JESD238), on
// both backends (RTL mc_top, tests named .../rtl, and the C++ reference controller, .../tlm):
// each write to a closed bank goes exactly tRCDWR after its ACT's second clock (tRCDWR + 1
// after the clock the log records), and a controller one cycle short of it is caught by the
// device's checker under that name on every one.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "backend.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

using test::VectorSource;

constexpr int kWrites = 10;

class ActToWrite : public ::testing::TestWithParam<std::tuple<std::string, sim::Backend>> {
 protected:
  const dram::DramPreset p = dram::load_preset(std::get<0>(GetParam()));

  // Ten writes to ten rows of bank 0, refresh off: each needs an ACT, then its WR.
  stats::RunStats run(sim::HarnessOptions o) {
    o.backend = std::get<1>(GetParam());
    o.controller.refresh = false;
    sim::CycleHarness h(p, o);
    h.on_command = [&](const ctrl::IssuedCommand& c) {
      if (c.command.bank_group != 0 || c.command.bank != 0) return;
      if (c.command.cmd == dram::Command::ACT) last_act_ = c.command.cycle;
      if (c.command.cmd == dram::Command::WR) act_to_wr_.push_back(c.command.cycle - last_act_);
    };
    const std::uint64_t row_bytes = std::uint64_t(p.org.bytes_per_burst()) *
                                    std::uint64_t(p.org.columns / p.org.burst_length) *
                                    std::uint64_t(p.org.banks_per_rank());
    std::vector<Request> reqs;
    for (int k = 0; k < kWrites; ++k) {
      Request r;
      r.addr = std::uint64_t(k + 1) * row_bytes;  // row k + 1 of bank group 0, bank 0
      r.write = true;
      reqs.push_back(r);
    }
    VectorSource source(reqs);
    stats::RunStats s = h.run(source);
    violations_ = h.device().violations();
    return s;
  }

  // The presets' own values (configs/dram/hbm2.json, hbm3.json), not the controller's.
  int expected_trcdwr() const { return p.standard == "HBM2" ? 14 : 15; }
  // An HBM ACT takes two clocks of the row bus and tRCDWR counts from its second (JESD235;
  // DRAMSys CheckerHBM2.cpp: ACT to WR tRCDWR + tCK); the log records its first.
  int expected_gap() const { return expected_trcdwr() + 1; }

  std::uint64_t last_act_ = 0;
  std::vector<std::uint64_t> act_to_wr_;
  std::vector<dram::Violation> violations_;
};

TEST_P(ActToWrite, EachWriteGoesTRcdwrAfterItsAct) {
  ASSERT_EQ(p.timing.tRCDWR, expected_trcdwr());
  // HBM3's write value is its own, shorter than the read's (31); HBM2's equals its tRCD.
  if (p.standard == "HBM3") {
    ASSERT_LT(p.timing.tRCDWR, p.timing.tRCD);
  }
  const stats::RunStats s = run({});
  EXPECT_TRUE(s.clean());
  EXPECT_EQ(s.writes, std::uint64_t(kWrites));
  ASSERT_EQ(act_to_wr_.size(), std::size_t(kWrites));
  for (const std::uint64_t gap : act_to_wr_) EXPECT_EQ(gap, std::uint64_t(expected_gap()));
}

TEST_P(ActToWrite, OneCycleShortIsCaughtOnEveryWrite) {
  sim::HarnessOptions o;
  o.controller_timing = p.timing;
  o.controller_timing->tRCDWR = expected_trcdwr() - 1;
  const stats::RunStats s = run(o);
  EXPECT_EQ(s.writes, std::uint64_t(kWrites));
  ASSERT_EQ(act_to_wr_.size(), std::size_t(kWrites));
  for (const std::uint64_t gap : act_to_wr_) EXPECT_EQ(gap, std::uint64_t(expected_gap() - 1));
  EXPECT_EQ(s.violations, std::uint64_t(kWrites));
  ASSERT_EQ(violations_.size(), std::size_t(kWrites));
  for (const dram::Violation& v : violations_) {
    EXPECT_EQ(v.command.cmd, dram::Command::WR);
    EXPECT_NE(v.message().find("tRCDWR, 1 cycle early"), std::string::npos) << v.message();
  }
}

std::string test_name(const ::testing::TestParamInfo<ActToWrite::ParamType>& info) {
  return std::get<0>(info.param) + "_" +
         (std::get<1>(info.param) == sim::Backend::Rtl ? "rtl" : "tlm");
}

INSTANTIATE_TEST_SUITE_P(Presets, ActToWrite,
                         ::testing::Combine(::testing::Values("hbm2", "hbm3"),
                                            ::testing::ValuesIn(test::kBackends)),
                         test_name);

}  // namespace
}  // namespace mckit
