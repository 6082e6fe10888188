// Two-clock commands on both backends (RTL mc_top, tests named .../rtl, and the C++ reference
// controller, .../tlm), in exact cycles of the command log, which records a command's first
// clock: nothing on a bus in the second clock of a command holding it (DDR5: ACT, RD, RDA, WR,
// WRA; LPDDR5: ACT; HBM: ACT on the row bus), and on HBM a PRE followed by its bank's ACT
// tRP - 1 later, the ACT's timings counting from its second clock (JESD235; DRAMSys
// CheckerHBM2.cpp: PRE to ACT tRP - tCK).
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

using dram::Command;
using test::VectorSource;

// Which commands take two clocks of their bus, and whether HBM's separate column bus is free
// beside them, as the standards state it (JESD79-5, JESD209-5, JESD235, JESD238).
bool two_clock(const std::string& standard, Command c) {
  if (standard == "DDR5") return c == Command::ACT || dram::is_column(c);
  return c == Command::ACT && standard != "DDR3" && standard != "DDR4";
}
bool split_buses(const std::string& standard) { return standard.rfind("HBM", 0) == 0; }

class TwoClock : public ::testing::TestWithParam<std::tuple<std::string, sim::Backend>> {
 protected:
  const dram::DramPreset p = dram::load_preset(std::get<0>(GetParam()));

  // Runs `reqs` with refresh off, recording every command.
  stats::RunStats run(const std::vector<Request>& reqs) {
    sim::HarnessOptions o;
    o.backend = std::get<1>(GetParam());
    o.controller.refresh = false;
    sim::CycleHarness h(p, o);
    h.on_command = [&](const ctrl::IssuedCommand& c) { log_.push_back(c.command); };
    VectorSource source(reqs);
    return h.run(source);
  }

  // Reads and writes over many rows of every bank: row misses, conflicts and hits mixed.
  std::vector<Request> mixed(int n) const {
    std::vector<Request> reqs;
    std::uint64_t x = 12345;
    for (int k = 0; k < n; ++k) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      Request r;
      r.addr = ((x >> 20) % (1u << 22)) * std::uint64_t(p.org.bytes_per_burst());
      r.write = (x >> 60) % 3 == 0;
      reqs.push_back(r);
    }
    return reqs;
  }

  std::vector<dram::DramCommand> log_;
};

TEST_P(TwoClock, NothingOnABusInItsHoldersSecondClock) {
  const stats::RunStats s = run(mixed(3000));
  EXPECT_TRUE(s.clean());
  const std::string& std_name = p.standard;
  std::map<std::uint64_t, int> right_after;  // holder then a command: how often at gap 1, 2
  for (std::size_t i = 1; i < log_.size(); ++i) {
    const dram::DramCommand &a = log_[i - 1], &b = log_[i];
    if (!two_clock(std_name, a.cmd) || b.cycle - a.cycle > 2) continue;
    const bool other_bus = split_buses(std_name) && dram::is_column(b.cmd);
    if (b.cycle - a.cycle == 1) {
      EXPECT_TRUE(other_bus) << "cycle " << b.cycle << ": " << dram::describe(b) << " right after "
                             << dram::describe(a);
    }
    ++right_after[b.cycle - a.cycle];
  }
  // The bus is used again as soon as it is free.
  if (std_name != "DDR3" && std_name != "DDR4") {
    EXPECT_GT(right_after[2], 0u) << "no command right after a two-clock one";
  }
}

// HBM's PRE to ACT, on the HBM presets only.
class TwoClockHbm : public TwoClock {};

TEST_P(TwoClockHbm, PrechargeToActivateIsTrpLessOne) {
  // Ten writes to ten rows of bank 0: each after the first closes the row before.
  const std::uint64_t row_bytes = std::uint64_t(p.org.bytes_per_burst()) *
                                  std::uint64_t(p.org.columns / p.org.burst_length) *
                                  std::uint64_t(p.org.banks_per_rank());
  std::vector<Request> reqs;
  for (int k = 0; k < 10; ++k) {
    Request r;
    r.addr = std::uint64_t(k + 1) * row_bytes;
    r.write = true;
    reqs.push_back(r);
  }
  const stats::RunStats s = run(reqs);
  EXPECT_TRUE(s.clean());
  std::vector<std::uint64_t> gaps;
  std::uint64_t pre = 0;
  for (const dram::DramCommand& c : log_) {
    if (c.bank_group != 0 || c.bank != 0) continue;
    if (c.cmd == Command::PRE) pre = c.cycle;
    if (c.cmd == Command::ACT && pre != 0) gaps.push_back(c.cycle - pre);
  }
  ASSERT_EQ(gaps.size(), 9u);
  // The presets' tRP (configs/dram/hbm2.json, hbm3.json), less the ACT's first clock.
  const std::uint64_t trp = p.standard == "HBM2" ? 14 : 26;
  ASSERT_EQ(std::uint64_t(p.timing.tRP), trp);
  for (const std::uint64_t gap : gaps) EXPECT_EQ(gap, trp - 1);
}

std::string test_name(const ::testing::TestParamInfo<TwoClock::ParamType>& info) {
  std::string name = std::get<0>(info.param);
  for (char& ch : name)
    if (ch == '-') ch = '_';
  return name + "_" + (std::get<1>(info.param) == sim::Backend::Rtl ? "rtl" : "tlm");
}

INSTANTIATE_TEST_SUITE_P(Presets, TwoClock,
                         ::testing::Combine(::testing::Values("ddr4-3200", "ddr5-4800",
                                                              "lpddr5-6400", "hbm2", "hbm3"),
                                            ::testing::ValuesIn(test::kBackends)),
                         test_name);

INSTANTIATE_TEST_SUITE_P(Presets, TwoClockHbm,
                         ::testing::Combine(::testing::Values("hbm2", "hbm3"),
                                            ::testing::ValuesIn(test::kBackends)),
                         test_name);

}  // namespace
}  // namespace mckit
