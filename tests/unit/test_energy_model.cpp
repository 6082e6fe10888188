// Energy of short command sequences, worked out by hand from the IDD values of
// tests/data/presets/custom-ddr4.json: VDD 1.2 V, 8 devices, tCK 0.625 ns, IDD0 58,
// IDD2N 33, IDD3N 44, IDD4R 150, IDD4W 140, IDD5B 250 mA; tRAS 52, tRC 74, tBL 4, tRFC 560.
// One mA over one cycle costs 1.2 V x 8 x 0.625 ns = 6 pJ.
#include <gtest/gtest.h>

#include <vector>

#include "dram/dram_device.h"

namespace mckit::dram {
namespace {

constexpr double kPjPerMaCycle = 1.2 * 8 * 0.625;

DramPreset custom() { return load_preset(std::string(MCKIT_TEST_DATA) + "/presets/custom-ddr4.json"); }

DramCommand cmd(std::uint64_t cycle, Command c) {
  DramCommand d;
  d.cycle = cycle;
  d.cmd = c;
  return d;
}

void expect_within_0_1_percent(double actual, double expected) {
  EXPECT_NEAR(actual, expected, expected * 1e-3) << "actual " << actual << " expected " << expected;
}

TEST(EnergyModel, PerCommandEnergies) {
  const EnergyModel e(custom());
  expect_within_0_1_percent(e.act_pj(), (58 - 44) * 52 * kPjPerMaCycle);         // 4368
  expect_within_0_1_percent(e.pre_pj(), (58 - 33) * (74 - 52) * kPjPerMaCycle);  // 3300
  expect_within_0_1_percent(e.rd_pj(), (150 - 44) * 4 * kPjPerMaCycle);          // 2544
  expect_within_0_1_percent(e.wr_pj(), (140 - 44) * 4 * kPjPerMaCycle);          // 2304
  expect_within_0_1_percent(e.ref_pj(), (250 - 44) * 560 * kPjPerMaCycle);       // 692160
}

// ACT@0, RD@22, WR@34, PRE@78, REF@100, end at 700.
// Commands: 4368 + 2544 + 2304 + 3300 + 692160 = 704676 pJ.
// Background: active [0,78) 78 x 44 x 6 = 20592; precharged [78,100) 22 x 33 x 6 = 4356;
// refreshing [100,660) 560 x 44 x 6 = 147840; precharged [660,700) 40 x 33 x 6 = 7920.
// Total 885384 pJ over 2 bursts of 512 bits: 864.63 pJ/bit.
TEST(EnergyModel, HandComputedSequence) {
  DramDevice dev(custom());
  const std::vector<std::uint8_t> data(64, 0xA5);
  dev.issue(cmd(0, Command::ACT));
  dev.issue(cmd(22, Command::RD));
  dev.issue(cmd(34, Command::WR), data.data());
  dev.issue(cmd(78, Command::PRE));
  dev.issue(cmd(100, Command::REF));
  dev.finish(700);
  ASSERT_TRUE(dev.violations().empty()) << dev.violations().front().message();
  const EnergyReport& r = dev.energy();
  expect_within_0_1_percent(r.background_active, 20592 + 147840);
  expect_within_0_1_percent(r.background_precharged, 4356 + 7920);
  expect_within_0_1_percent(r.total(), 885384);
  EXPECT_EQ(r.bits, 1024u);
  expect_within_0_1_percent(r.pj_per_bit(), 885384.0 / 1024);
}

// ACT@0, RDA@22: the bank closes by itself at max(22 + tRTP 12, 0 + tRAS 52) = 52.
// ACT 4368 + RD 2544 + PRE 3300 + active 52 x 44 x 6 = 13728 + precharged 48 x 33 x 6 = 9504.
TEST(EnergyModel, AutoPrechargeClosesTheBankOnTime) {
  DramDevice dev(custom());
  dev.issue(cmd(0, Command::ACT));
  dev.issue(cmd(22, Command::RDA));
  dev.finish(100);
  ASSERT_TRUE(dev.violations().empty());
  expect_within_0_1_percent(dev.energy().background_active, 13728);
  expect_within_0_1_percent(dev.energy().background_precharged, 9504);
  expect_within_0_1_percent(dev.energy().total(), 4368 + 2544 + 3300 + 13728 + 9504);
}

// PREA closes every open bank and pays one precharge for each; idle banks cost nothing.
TEST(EnergyModel, PrechargeAllPaysPerOpenBank) {
  DramDevice dev(custom());
  DramCommand second = cmd(8, Command::ACT);
  second.bank_group = 1;
  dev.issue(cmd(0, Command::ACT));
  dev.issue(second);
  dev.issue(cmd(60, Command::PREA));
  dev.finish(60);
  ASSERT_TRUE(dev.violations().empty());
  expect_within_0_1_percent(dev.energy().pre, 2 * 3300);
  expect_within_0_1_percent(dev.energy().act, 2 * 4368);
}

}  // namespace
}  // namespace mckit::dram
