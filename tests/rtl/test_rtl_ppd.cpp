// tPPD, the spacing of two precharges (PRE or PREA) in one rank, on both backends (RTL mc_top,
// tests named .../rtl, and the C++ reference controller, .../tlm): held exactly on every
// preset of a standard that has it, and a controller one cycle short of it is caught by the
// device's checker under that name on every pair that takes the shortcut.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "backend.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

// Random traffic over a few rows of every bank: row conflicts, so PREs close to each other.
workloads::RandomSource conflict_traffic(const dram::DramPreset& p) {
  workloads::RandomParams rp;
  rp.count = 20'000;
  rp.seed = 11;
  rp.footprint = std::uint64_t(4) * p.org.bytes_per_burst() * p.org.columns /
                 p.org.burst_length * p.org.banks_per_rank();
  rp.burst_bytes = p.org.bytes_per_burst();
  rp.read_fraction = 0.6;
  rp.max_run = 1;
  return workloads::RandomSource(rp);
}

// The gaps between each precharge and the previous one of its rank, counted by length.
struct PrechargeGaps {
  std::map<std::uint64_t, std::uint64_t> count;
  void watch(sim::CycleHarness& h) {
    h.on_command = [this](const ctrl::IssuedCommand& c) {
      const dram::DramCommand& d = c.command;
      if (d.cmd != dram::Command::PRE && d.cmd != dram::Command::PREA) return;
      const auto last = last_.find(d.rank);
      if (last != last_.end()) ++count[d.cycle - last->second];
      last_[d.rank] = d.cycle;
    };
  }

 private:
  std::map<std::uint32_t, std::uint64_t> last_;
};

class Ppd : public ::testing::TestWithParam<std::tuple<std::string, sim::Backend>> {
 protected:
  const dram::DramPreset p = dram::load_preset(std::get<0>(GetParam()));

  sim::HarnessOptions options() const {
    sim::HarnessOptions o;
    o.backend = std::get<1>(GetParam());
    return o;
  }
};

// The controller keeps the device's tPPD, and the traffic brings precharges right up to it.
TEST_P(Ppd, PrechargesAreNeverCloserThanTPpd) {
  ASSERT_EQ(p.timing.tPPD, 2);  // every preset here: 2 tCK (configs/dram/)
  sim::CycleHarness h(p, options());
  PrechargeGaps gaps;
  gaps.watch(h);
  auto source = conflict_traffic(p);
  const stats::RunStats s = h.run(source);
  EXPECT_TRUE(s.clean()) << (s.first_violations.empty() ? "" : s.first_violations[0]);
  EXPECT_EQ(s.violations, 0u);
  ASSERT_FALSE(gaps.count.empty());
  EXPECT_EQ(gaps.count.begin()->first, 2u) << "the closest two precharges of a rank";
}

// A controller told tPPD = 1 while the device keeps 2: exactly its precharges one cycle after
// another break tPPD, each by one cycle, and nothing else breaks.
TEST_P(Ppd, OneCycleShortIsCaughtOnEveryShortcut) {
  sim::HarnessOptions o = options();
  o.controller_timing = p.timing;
  o.controller_timing->tPPD = 1;
  sim::CycleHarness h(p, o);
  PrechargeGaps gaps;
  gaps.watch(h);
  auto source = conflict_traffic(p);
  const stats::RunStats s = h.run(source);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(s.data_mismatches, 0u);
  const std::uint64_t shortcuts = gaps.count[1];
  ASSERT_GT(shortcuts, 1000u) << "the traffic takes the shortcut";
  EXPECT_EQ(s.violations, shortcuts);
  for (const dram::Violation& v : h.device().violations()) {
    EXPECT_EQ(v.constraint, "tPPD") << v.message();
    EXPECT_EQ(v.cycles, 1u) << v.message();
    EXPECT_NE(v.message().find("tPPD, 1 cycle early"), std::string::npos) << v.message();
  }
}

std::string test_name(const ::testing::TestParamInfo<Ppd::ParamType>& info) {
  std::string name = std::get<0>(info.param) + "_" +
                     (std::get<1>(info.param) == sim::Backend::Rtl ? "rtl" : "tlm");
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Presets, Ppd,
                         ::testing::Combine(::testing::Values("ddr5-4800", "lpddr5-6400", "hbm3"),
                                            ::testing::ValuesIn(test::kBackends)),
                         test_name);

}  // namespace
}  // namespace mckit
