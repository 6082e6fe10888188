// The checker on per-bank (REFpb: LPDDR5's bank pairs, HBM's single-bank REFSB) and same-bank
// (REFsb: DDR5) refresh: each row provoked one cycle early and met on time, refreshed banks
// that must be idle, and a bank starved of refresh reported at its deadline. The cycles are
// the presets' values (configs/dram/), written out here.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "dram/timing_checker.h"

namespace mckit::dram {
namespace {

struct Bank {
  std::uint32_t bg = 0, bank = 0;
};

DramCommand cmd(std::uint64_t cycle, Command c, Bank b = {}, std::uint32_t row = 3) {
  DramCommand d;
  d.cycle = cycle;
  d.cmd = c;
  d.bank_group = b.bg;
  d.bank = b.bank;
  d.row = row;
  return d;
}

std::string messages(const std::vector<Violation>& vs) {
  std::string text;
  for (const Violation& v : vs) text += "\n  " + v.message();
  return text.empty() ? " (none)" : text;
}

// Runs `setup` (which must be clean), then `probe`: its violations.
std::vector<Violation> probe(const std::string& preset, const std::vector<DramCommand>& setup,
                             const DramCommand& last) {
  TimingChecker checker(load_preset(preset));
  std::vector<Violation> out;
  for (const DramCommand& c : setup) checker.execute(c, out);
  EXPECT_TRUE(out.empty()) << "setup broke a rule:" << messages(out);
  out.clear();
  checker.execute(last, out);
  return out;
}

// `last` at `cycle` is clean; at cycle - 1 it breaks exactly `name`, one cycle early.
void expect_binds(const std::string& preset, const std::vector<DramCommand>& setup,
                  DramCommand last, const std::string& name) {
  SCOPED_TRACE(preset + ": " + describe(last) + " at " + std::to_string(last.cycle) + ", " + name);
  const std::vector<Violation> on_time = probe(preset, setup, last);
  EXPECT_TRUE(on_time.empty()) << messages(on_time);
  --last.cycle;
  const std::vector<Violation> early = probe(preset, setup, last);
  ASSERT_EQ(early.size(), 1u) << messages(early);
  EXPECT_EQ(early[0].constraint, name);
  EXPECT_EQ(early[0].cycles, 1u);
  EXPECT_FALSE(early[0].late);
}

constexpr std::uint64_t kT0 = 1000;

// --- LPDDR5 (lpddr5-6400: tRFCpb 96, tpbR2pbR 72, tpbR2act 7, tRRD 4, tRP 15, tREFI 3125) ---
// Bank pairs are rank-wide indices i and i + 8: bank group g and g + 2, the same bank.

TEST(PerBankRefreshLpddr5, ActToTheRefreshedBankWaitsTrfcpb) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::REFpb, {0, 1})},
               cmd(kT0 + 96, Command::ACT, {0, 1}), "tRFCpb");
}

TEST(PerBankRefreshLpddr5, ActToThePairedBankWaitsTrfcpb) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::REFpb, {0, 1})},
               cmd(kT0 + 96, Command::ACT, {2, 1}), "tRFCpb");
}

TEST(PerBankRefreshLpddr5, RefpbToAnotherPairWaitsTpbr2pbr) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::REFpb, {0, 0})},
               cmd(kT0 + 72, Command::REFpb, {1, 0}), "tpbR2pbR");
}

TEST(PerBankRefreshLpddr5, RefpbToTheSamePairAgainWaitsTrfcpb) {
  // The pair named from either bank is one pair.
  expect_binds("lpddr5-6400", {cmd(kT0, Command::REFpb, {0, 2})},
               cmd(kT0 + 96, Command::REFpb, {2, 2}), "tRFCpb");
}

TEST(PerBankRefreshLpddr5, ActToAnotherBankWaitsTpbr2act) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::REFpb, {0, 0})},
               cmd(kT0 + 7, Command::ACT, {1, 0}), "tpbR2act");
}

TEST(PerBankRefreshLpddr5, RefpbAfterAnActWaitsTrrd) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::ACT, {1, 0})},
               cmd(kT0 + 4, Command::REFpb, {0, 0}), "tRRD");
}

TEST(PerBankRefreshLpddr5, RefpbAfterPrechargeWaitsTrp) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::ACT, {2, 3}), cmd(kT0 + 34, Command::PRE, {2, 3})},
               cmd(kT0 + 34 + 15, Command::REFpb, {0, 3}), "tRP");
}

TEST(PerBankRefreshLpddr5, AllBankRefAfterRefpbWaitsTrfcpb) {
  expect_binds("lpddr5-6400", {cmd(kT0, Command::REFpb, {1, 1})}, cmd(kT0 + 96, Command::REF),
               "tRFCpb");
}

TEST(PerBankRefreshLpddr5, RefpbWithItsPairedBankOpenIsIllegal) {
  const auto got = probe("lpddr5-6400", {cmd(kT0, Command::ACT, {3, 0})},
                         cmd(kT0 + 100, Command::REFpb, {1, 0}));
  ASSERT_EQ(got.size(), 1u) << messages(got);
  EXPECT_EQ(got[0].constraint, "refreshed bank open");
  // Another bank open does not matter.
  EXPECT_TRUE(probe("lpddr5-6400", {cmd(kT0, Command::ACT, {3, 1})},
                    cmd(kT0 + 100, Command::REFpb, {1, 0}))
                  .empty());
}

// Every pair once per tREFI, 20 x tREFI long, in a rotating order and each REFpb at its
// earliest after the last: never late.
TEST(PerBankRefreshLpddr5, EveryPairOncePerTrefiIsNeverLate) {
  TimingChecker checker(load_preset("lpddr5-6400"));
  std::vector<Violation> out;
  for (std::uint64_t round = 0; round < 20; ++round)
    for (std::uint32_t i = 0; i < 8; ++i) {
      const std::uint32_t pair = (i + round) % 8;  // rank-wide index 0..7: groups 0 and 1
      checker.execute(cmd(round * 3125 + i * 96, Command::REFpb, {pair / 4, pair % 4}), out);
    }
  checker.check_refresh_deadline(21 * 3125, out);
  EXPECT_TRUE(out.empty()) << messages(out);
}

// Pairs 1..7 refreshed every tREFI, pair 0 never: with 8 postponed allowed, its first
// refresh is due before 9 x tREFI; reported once, naming its bank.
TEST(PerBankRefreshLpddr5, APairStarvedPastNinePeriodsIsReported) {
  TimingChecker checker(load_preset("lpddr5-6400"));
  std::vector<Violation> out;
  for (std::uint64_t round = 0; round < 12; ++round)
    for (std::uint32_t pair = 1; pair < 8; ++pair)
      if (round * 3125 + pair * 96 < 9 * 3125)
        checker.execute(cmd(round * 3125 + pair * 96, Command::REFpb, {pair / 4, pair % 4}), out);
  checker.check_refresh_deadline(9 * 3125 - 1, out);
  EXPECT_TRUE(out.empty()) << messages(out);
  checker.check_refresh_deadline(9 * 3125 + 9, out);
  ASSERT_EQ(out.size(), 1u) << messages(out);
  EXPECT_EQ(out[0].constraint, "tREFI: more than 8 refreshes postponed");
  EXPECT_EQ(out[0].message(),
            "cycle 28134: REFpb r0 bg0 b0: tREFI: more than 8 refreshes postponed, 10 cycles late");
  checker.check_refresh_deadline(9 * 3125 + 500, out);
  EXPECT_EQ(out.size(), 1u) << "reported once:" << messages(out);
}

// An all-bank REF refreshes every bank: it keeps the per-bank deadlines too.
TEST(PerBankRefreshLpddr5, AllBankRefCountsForEveryBank) {
  TimingChecker checker(load_preset("lpddr5-6400"));
  std::vector<Violation> out;
  checker.execute(cmd(100, Command::REF), out);
  checker.check_refresh_deadline(10 * 3125 - 1, out);
  EXPECT_TRUE(out.empty()) << messages(out);
  checker.check_refresh_deadline(10 * 3125, out);
  ASSERT_EQ(out.size(), 1u) << messages(out);
  EXPECT_EQ(out[0].command.cmd, Command::REF);  // every bank late: the rank's REF
}

TEST(PerBankRefresh, AStandardWithoutItRefusesTheCommand) {
  const auto refpb = probe("ddr4-3200", {}, cmd(kT0, Command::REFpb, {1, 1}));
  ASSERT_EQ(refpb.size(), 1u) << messages(refpb);
  EXPECT_EQ(refpb[0].constraint, "not a command of this standard");
  const auto refsb = probe("lpddr5-6400", {}, cmd(kT0, Command::REFsb, {0, 1}));
  ASSERT_EQ(refsb.size(), 1u) << messages(refsb);
  EXPECT_EQ(refsb[0].constraint, "not a command of this standard");
}

// --- HBM2 (hbm2: tRFCSB 160, tRREFD 8; one bank a REFSB) --------------------------------
// A bound into HBM's and DDR5's two-clock ACT counts to its second clock: the logged ACT, its
// first clock, comes one cycle sooner (docs/command-log.md).

TEST(PerBankRefreshHbm2, ActToTheRefreshedBankWaitsTrfcsb) {
  expect_binds("hbm2", {cmd(kT0, Command::REFpb, {3, 2})}, cmd(kT0 + 159, Command::ACT, {3, 2}),
               "tRFCSB");
}

TEST(PerBankRefreshHbm2, AnotherBankWaitsTrrefd) {
  expect_binds("hbm2", {cmd(kT0, Command::REFpb, {0, 0})}, cmd(kT0 + 7, Command::ACT, {2, 0}),
               "tRREFD");
  expect_binds("hbm2", {cmd(kT0, Command::REFpb, {0, 0})}, cmd(kT0 + 8, Command::REFpb, {0, 1}),
               "tRREFD");
}

TEST(PerBankRefreshHbm3, AnotherBankWaitsTrrefd) {
  expect_binds("hbm3", {cmd(kT0, Command::REFpb, {1, 0})}, cmd(kT0 + 13, Command::REFpb, {1, 1}),
               "tRREFD");
  expect_binds("hbm3", {cmd(kT0, Command::REFpb, {1, 0})}, cmd(kT0 + 319, Command::ACT, {1, 0}),
               "tRFCSB");
}

// --- DDR5 (ddr5-4800: tRFCsb 312, tREFSBRD 72, tREFI 9360, 4 postponed) -----------------

TEST(SameBankRefreshDdr5, ActToTheBankIndexInAnyGroupWaitsTrfcsb) {
  expect_binds("ddr5-4800", {cmd(kT0, Command::REFsb, {0, 2})}, cmd(kT0 + 311, Command::ACT, {7, 2}),
               "tRFCsb");
}

TEST(SameBankRefreshDdr5, AnotherBankIndexWaitsTrefsbrd) {
  expect_binds("ddr5-4800", {cmd(kT0, Command::REFsb, {0, 2})}, cmd(kT0 + 71, Command::ACT, {7, 3}),
               "tREFSBRD");
  expect_binds("ddr5-4800", {cmd(kT0, Command::REFsb, {0, 2})},
               cmd(kT0 + 72, Command::REFsb, {0, 1}), "tREFSBRD");
}

TEST(SameBankRefreshDdr5, RefsbWithTheBankOpenInAnyGroupIsIllegal) {
  const auto got = probe("ddr5-4800", {cmd(kT0, Command::ACT, {5, 1})},
                         cmd(kT0 + 200, Command::REFsb, {0, 1}));
  ASSERT_EQ(got.size(), 1u) << messages(got);
  EXPECT_EQ(got[0].constraint, "refreshed bank open");
}

// Bank indices 0..2 refreshed every tREFI, index 3 never: due before (4 + 1) x tREFI.
TEST(SameBankRefreshDdr5, ABankIndexStarvedIsReported) {
  TimingChecker checker(load_preset("ddr5-4800"));
  std::vector<Violation> out;
  for (std::uint64_t round = 0; round < 5; ++round)
    for (std::uint32_t b = 0; b < 3; ++b)
      checker.execute(cmd(round * 9360 + b * 312, Command::REFsb, {0, b}), out);
  checker.check_refresh_deadline(5 * 9360 - 1, out);
  EXPECT_TRUE(out.empty()) << messages(out);
  checker.check_refresh_deadline(5 * 9360, out);
  ASSERT_EQ(out.size(), 1u) << messages(out);
  EXPECT_EQ(out[0].message(),
            "cycle 46800: REFsb r0 b3: tREFI: more than 4 refreshes postponed, 1 cycle late");
}

}  // namespace
}  // namespace mckit::dram
