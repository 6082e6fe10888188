// TimingChecker on every shipped preset: PREA and auto-precharge against every bank they
// close, the refresh deadline at the standard's limit, illegal bank states named, malformed
// input refused. test_constraint_probes.cpp probes every row of the standards one by one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_device.h"
#include "dram/dram_preset.h"
#include "dram/timing_checker.h"

namespace mckit::dram {
namespace {

struct Bank {
  std::uint32_t rank = 0, bg = 0, bank = 0;
  bool operator==(const Bank& o) const { return rank == o.rank && bg == o.bg && bank == o.bank; }
};

constexpr Bank kA{0, 0, 0};   // bank group 0, bank 0
constexpr Bank kA2{0, 0, 1};  // same bank group as kA, other bank
constexpr Bank kB{0, 1, 0};   // other bank group
constexpr std::uint32_t kRow = 7;
constexpr std::int64_t kBase = 1000;  // scenario cycles are offsets from here

// A command sequence; the last command is the probe, placed at its earliest legal cycle.
struct Scenario {
  std::vector<DramCommand> commands;

  Scenario& at(std::int64_t offset, Command cmd, Bank b = kA, std::uint32_t row = kRow) {
    DramCommand c;
    c.cycle = std::uint64_t(kBase + offset);
    c.cmd = cmd;
    c.rank = b.rank;
    c.bank_group = b.bg;
    c.bank = b.bank;
    c.row = row;
    c.column = is_column(cmd) ? 16 : 0;
    commands.push_back(c);
    return *this;
  }
};

std::string messages(const std::vector<Violation>& vs) {
  std::string text;
  for (const Violation& v : vs) text += "\n  " + v.message();
  return text.empty() ? " (none)" : text;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Runs `s` on a fresh checker with the probe moved by `shift` cycles; the setup must be clean.
// Returns the probe's violations.
std::vector<Violation> run_probe(const DramPreset& p, const Scenario& s, std::int64_t shift) {
  TimingChecker checker(p);
  std::vector<Violation> out;
  for (std::size_t i = 0; i + 1 < s.commands.size(); ++i) checker.execute(s.commands[i], out);
  EXPECT_TRUE(out.empty()) << "setup broke a rule:" << messages(out);
  out.clear();
  DramCommand probe = s.commands.back();
  probe.cycle = std::uint64_t(std::int64_t(probe.cycle) + shift);
  checker.execute(probe, out);
  return out;
}

// The probe on time: no violation at all. One cycle early: exactly one violation whose name
// starts with `name`, 1 cycle early; any other constraint it trips is also just 1 cycle early.
void expect_binds_at_probe(const DramPreset& p, const Scenario& s, const std::string& name) {
  SCOPED_TRACE(p.name + ": " + name);
  ASSERT_GE(s.commands.size(), 1u);
  if (s.commands.size() >= 2) {  // the early probe must not share a cycle with the setup
    ASSERT_GT(s.commands.back().cycle - 1, s.commands[s.commands.size() - 2].cycle);
  }

  const auto on_time = run_probe(p, s, 0);
  EXPECT_TRUE(on_time.empty()) << "on time:" << messages(on_time);

  const auto early = run_probe(p, s, -1);
  int named = 0;
  for (const Violation& v : early) {
    EXPECT_EQ(v.cycles, 1u) << v.message();
    EXPECT_FALSE(v.late) << v.message();
    if (starts_with(v.constraint, name)) ++named;
  }
  EXPECT_EQ(named, 1) << "one cycle early:" << messages(early);
}

// The probe breaks a bank-state rule only: exactly one violation, `state`, with no cycle count.
void expect_state(const DramPreset& p, const Scenario& s, const std::string& state) {
  SCOPED_TRACE(p.name + ": " + state);
  const auto got = run_probe(p, s, 0);
  ASSERT_EQ(got.size(), 1u) << messages(got);
  EXPECT_TRUE(starts_with(got[0].constraint, state)) << got[0].message();
  EXPECT_EQ(got[0].cycles, 0u);
  EXPECT_FALSE(got[0].late);
  EXPECT_EQ(got[0].command.cycle, s.commands.back().cycle);
}

class TimingCheckerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { p_ = load_preset(GetParam()); }

  const Timing& t() const { return p_.timing; }
  // Two-clock commands, as their standards state it (docs/command-log.md): the log records a
  // command's first clock, and timings count from (and to) the clock the standard names. An
  // ACT's is its second on DDR5 (JESD79-5) and HBM (JESD235, JESD238), its first on LPDDR5
  // (ACT-1, JESD209-5); a DDR5 RD or WR's is its second.
  int act_late() const {
    return p_.standard == "DDR5" || p_.standard.rfind("HBM", 0) == 0 ? 1 : 0;
  }
  int col_late() const { return p_.standard == "DDR5" ? 1 : 0; }
  // The clocks an ACT holds its bus: two on DDR5, LPDDR5 (ACT-1, ACT-2) and HBM.
  int act_clocks() const { return p_.standard == "DDR3" || p_.standard == "DDR4" ? 1 : 2; }
  // Issue clock to issue clock: ACT to RD, ACT to WR, ACT to PRE, RD to PRE, WR to PRE, and
  // PRE to ACT.
  int rcd() const { return t().tRCD + act_late() - col_late(); }
  int act_to_wr() const {
    return (t().tRCDWR > 0 ? t().tRCDWR : t().tRCD) + act_late() - col_late();
  }
  int ras() const { return t().tRAS + act_late(); }
  int rtp() const { return t().tRTP + col_late(); }
  int wr_to_pre() const { return t().tCWL + t().tBL + t().tWR + col_late(); }
  int rp_act() const { return t().tRP - act_late(); }
  // The ACT that reopens the bank opened at cycle 0 once its precharge ends at `precharged`
  // (tRP counted), and the rule that binds it: tRP, or tRC where that ends later (HBM3's
  // tRC is one cycle above tRAS + tRP).
  std::pair<std::int64_t, std::string> reactivation(std::int64_t precharged) const {
    if (precharged >= t().tRC) return {precharged, "tRP"};
    return {t().tRC, "tRC"};
  }
  // A spacing in one bank group: the _L timing, or where the standard has one value for every
  // pair of banks (DDR3's tRRD, tCCD, tWTR; LPDDR5's tRRD), that value, written as the _S one.
  static int in_group(int long_timing, int short_timing) {
    return long_timing > 0 ? long_timing : short_timing;
  }
  // ACT to ACT of two banks: tRRD_L in one bank group, tRRD_S across groups; across ranks, once
  // the first leaves the bus.
  std::int64_t act_gap(Bank x, Bank y) const {
    return x.rank != y.rank ? act_clocks()
           : x.bg == y.bg   ? in_group(t().tRRD_L, t().tRRD_S)
                            : t().tRRD_S;
  }
  // The rank's last bank: loops over banks must reach it.
  Bank last_bank() const {
    return Bank{0, std::uint32_t(p_.org.bank_groups - 1),
                std::uint32_t(p_.org.banks_per_group - 1)};
  }
  // The standard's limit on postponed REF, as its document states it: JESD79-5 allows 4;
  // JESD79-3F, JESD79-4B, JESD209-5, JESD235 and JESD238 allow 8.
  std::uint64_t postponed() const { return p_.standard == "DDR5" ? 4 : 8; }
  // And on REF pulled in, beyond which a REF counts for nothing: the same numbers.
  std::uint64_t pulled_in() const { return p_.standard == "DDR5" ? 4 : 8; }
  DramPreset one_rank() const {
    DramPreset q = p_;
    q.org.ranks = 1;
    return q;
  }
  DramPreset two_ranks() const {
    DramPreset q = p_;
    q.org.ranks = 2;
    return q;
  }

  // ACT x, ACT y (unless y is x), then `first` to x once both rows are open for any column
  // command (max(tRCD, ACT to WR) after the later ACT), then the probe `second` to y `gap` later.
  Scenario column_pair(Command first, Bank x, Command second, Bank y, std::int64_t gap) const {
    Scenario s;
    s.at(0, Command::ACT, x);
    std::int64_t opened = 0;
    if (!(x == y)) s.at(opened = act_gap(x, y), Command::ACT, y);
    const std::int64_t c0 = opened + std::max(rcd(), act_to_wr());
    return s.at(c0, first, x).at(c0 + gap, second, y);
  }

  DramPreset p_;
};

// --- PREA against every open bank -------------------------------------------------------

TEST_P(TimingCheckerTest, PREA_tRAS_OfTheLaterOpenedBank) {
  // ACT kA, ACT last at g = ACT gap; PREA >= g + tRAS
  const std::int64_t g = act_gap(kA, last_bank());
  expect_binds_at_probe(p_,
                        Scenario()
                            .at(0, Command::ACT, kA)
                            .at(g, Command::ACT, last_bank())
                            .at(g + ras(), Command::PREA),
                        "tRAS");
}

TEST_P(TimingCheckerTest, PREA_tRTP_OfAReadBank) {
  // ACT last, ACT kA at g; RD last at r = g + max(tRCD, tRAS); PREA >= r + tRTP
  const std::int64_t g = act_gap(last_bank(), kA);
  const std::int64_t r = g + std::max(rcd(), ras());
  expect_binds_at_probe(p_,
                        Scenario()
                            .at(0, Command::ACT, last_bank())
                            .at(g, Command::ACT, kA)
                            .at(r, Command::RD, last_bank())
                            .at(r + rtp(), Command::PREA),
                        "tRTP");
}

TEST_P(TimingCheckerTest, PREA_tWR_OfAWrittenBank) {
  // ACT kA, ACT last at g; WR kA at w = g + max(ACT to WR, tRAS); PREA >= w + tCWL + tBL + tWR
  const std::int64_t g = act_gap(kA, last_bank());
  const std::int64_t w = g + std::max(act_to_wr(), ras());
  expect_binds_at_probe(p_,
                        Scenario()
                            .at(0, Command::ACT, kA)
                            .at(g, Command::ACT, last_bank())
                            .at(w, Command::WR, kA)
                            .at(w + wr_to_pre(), Command::PREA),
                        "tWR");
}

// --- precharge to precharge (tPPD) -----------------------------------------------------

// Where the standard has tPPD (JESD79-5, JESD209-5, JESD238: 2 tCK on these presets), a PRE or
// PREA follows a PRE in the rank tPPD later; elsewhere the next cycle is already clean.
void expect_ppd(const DramPreset& p, const Scenario& s) {
  if (p.timing.tPPD == 0) {
    const auto next_cycle = run_probe(p, s, -1);
    EXPECT_TRUE(next_cycle.empty()) << p.name << ":" << messages(next_cycle);
    return;
  }
  EXPECT_EQ(p.timing.tPPD, 2);
  expect_binds_at_probe(p, s, "tPPD");
}

TEST_P(TimingCheckerTest, Precharge_PreThenPreOfAnotherBank) {
  // ACT kA, ACT kA2 at g; PRE kA at g + tRAS (kA2's tRAS is met too); PRE kA2 after it.
  const std::int64_t g = act_gap(kA, kA2), pre = g + ras();
  expect_ppd(p_, Scenario()
                     .at(0, Command::ACT, kA)
                     .at(g, Command::ACT, kA2)
                     .at(pre, Command::PRE, kA)
                     .at(pre + std::max(t().tPPD, 2), Command::PRE, kA2));
}

TEST_P(TimingCheckerTest, Precharge_PreaAfterPre) {
  // ACT kA, ACT kA2 at g; PRE kA at g + tRAS; PREA (closing kA2) after it.
  const std::int64_t g = act_gap(kA, kA2), pre = g + ras();
  expect_ppd(p_, Scenario()
                     .at(0, Command::ACT, kA)
                     .at(g, Command::ACT, kA2)
                     .at(pre, Command::PRE, kA)
                     .at(pre + std::max(t().tPPD, 2), Command::PREA));
}

TEST_P(TimingCheckerTest, Precharge_AutoPrechargeIsNoPrechargeCommand) {
  // ACT kA, ACT kA2 at g; RDA kA at r = g + tRAS closes kA at r + tRTP by itself; a PRE to kA2
  // the cycle after is no command one cycle after a PRE.
  const std::int64_t g = act_gap(kA, kA2), r = g + ras();
  const auto got = run_probe(p_,
                             Scenario()
                                 .at(0, Command::ACT, kA)
                                 .at(g, Command::ACT, kA2)
                                 .at(r, Command::RDA, kA)
                                 .at(r + rtp() + 1, Command::PRE, kA2),
                             0);
  EXPECT_TRUE(got.empty()) << messages(got);
}

// --- auto-precharge -------------------------------------------------------------------

TEST_P(TimingCheckerTest, AutoPrecharge_ActivateAfterRda) {
  // ACT >= max(RDA + tRTP, ACT + tRAS) + tRP, for an RDA right at tRCD (tRAS decides on
  // these presets) and one at max(tRCD, tRAS) (tRTP decides); tRC where it ends later.
  for (const std::int64_t rda :
       {std::int64_t(rcd()), std::int64_t(std::max(rcd(), ras()))}) {
    SCOPED_TRACE("RDA at ACT + " + std::to_string(rda));
    const auto [act, rule] = reactivation(std::max<std::int64_t>(rda + rtp(), ras()) + rp_act());
    expect_binds_at_probe(
        p_, Scenario().at(0, Command::ACT).at(rda, Command::RDA).at(act, Command::ACT), rule);
  }
}

TEST_P(TimingCheckerTest, AutoPrecharge_ActivateAfterWra) {
  // ACT >= max(WRA + tCWL + tBL + tWR, ACT + tRAS) + tRP, for a WRA right at the ACT to WR
  // time and one at max(ACT to WR, tRAS); tRC where it ends later.
  for (const std::int64_t wra :
       {std::int64_t(act_to_wr()), std::int64_t(std::max(act_to_wr(), ras()))}) {
    SCOPED_TRACE("WRA at ACT + " + std::to_string(wra));
    const auto [act, rule] =
        reactivation(std::max<std::int64_t>(wra + wr_to_pre(), ras()) + rp_act());
    expect_binds_at_probe(
        p_, Scenario().at(0, Command::ACT).at(wra, Command::WRA).at(act, Command::ACT), rule);
  }
}

TEST_P(TimingCheckerTest, AutoPrecharge_PrechargeAfterRdaIsNoOp) {
  // JESD79-4: a PRE to a bank whose row is already being precharged is a NOP, so it neither
  // breaks tRAS/tRTP nor moves the precharge: ACT >= max(RDA + tRTP, ACT + tRAS) + tRP
  // (or tRC where it ends later).
  // The PRE goes once the RDA has left the command bus (two clocks on DDR5).
  const std::int64_t rda = rcd();
  const auto [act, rule] = reactivation(std::max<std::int64_t>(rda + rtp(), ras()) + rp_act());
  expect_binds_at_probe(p_,
                        Scenario()
                            .at(0, Command::ACT)
                            .at(rda, Command::RDA)
                            .at(rda + 1 + col_late(), Command::PRE)
                            .at(act, Command::ACT),
                        rule);
}

// --- across ranks ---------------------------------------------------------------------

constexpr Bank kR1{1, 0, 0};  // rank 1

TEST_P(TimingCheckerTest, DataBus_AcrossRanksWithoutTurnaround) {
  // With tRTRS = 0, the bursts themselves must not overlap:
  // RD -> RD: RD r1 >= RD r0 + tBL; RD -> WR: WR r1 + tCWL >= RD r0 + tCL + tBL.
  DramPreset q = two_ranks();
  q.timing.tRTRS = 0;
  expect_binds_at_probe(q, column_pair(Command::RD, kA, Command::RD, kR1, t().tBL), "data bus");
  expect_binds_at_probe(
      q, column_pair(Command::RD, kA, Command::WR, kR1, t().tCL + t().tBL - t().tCWL), "data bus");
}

// --- refresh deadline: at most N REF postponed (on one rank: each rank has its own) -----

TEST_P(TimingCheckerTest, RefreshDeadline_LimitIsTheStandards) {
  TimingChecker checker(one_rank());
  EXPECT_EQ(checker.max_postponed_refresh(), postponed());
}

TEST_P(TimingCheckerTest, RefreshDeadline_RefJustInTimeAndOneLate) {
  // With no REF before, the first REF is due before (N + 1) * tREFI.
  const std::uint64_t deadline = (postponed() + 1) * std::uint64_t(t().tREFI);
  Scenario in_time, late;
  in_time.at(std::int64_t(deadline) - 1 - kBase, Command::REF);
  late.at(std::int64_t(deadline) - kBase, Command::REF);

  EXPECT_TRUE(run_probe(one_rank(), in_time, 0).empty());
  const auto got = run_probe(one_rank(), late, 0);
  ASSERT_EQ(got.size(), 1u) << messages(got);
  EXPECT_TRUE(starts_with(got[0].constraint, "tREFI")) << got[0].message();
  EXPECT_TRUE(got[0].late);
  EXPECT_EQ(got[0].cycles, 1u);
}

TEST_P(TimingCheckerTest, RefreshDeadline_ReportedOnceWithoutAnyRef) {
  const std::uint64_t deadline = (postponed() + 1) * std::uint64_t(t().tREFI);
  TimingChecker checker(one_rank());
  std::vector<Violation> out;
  checker.check_refresh_deadline(deadline - 1, out);
  EXPECT_TRUE(out.empty()) << messages(out);
  checker.check_refresh_deadline(deadline + 41, out);  // 42 cycles late
  ASSERT_EQ(out.size(), 1u) << messages(out);
  EXPECT_TRUE(starts_with(out[0].constraint, "tREFI"));
  EXPECT_TRUE(out[0].late);
  EXPECT_EQ(out[0].cycles, 42u);
  EXPECT_EQ(out[0].command.rank, 0u);
  checker.check_refresh_deadline(deadline + 100, out);  // the same overdue REF, not again
  EXPECT_EQ(out.size(), 1u) << messages(out);
}

TEST_P(TimingCheckerTest, RefreshDeadline_EachRefMovesItByTrefi) {
  // After one REF the deadline is (1 + N + 1) * tREFI.
  const std::uint64_t deadline = (postponed() + 2) * std::uint64_t(t().tREFI);
  TimingChecker checker(one_rank());
  std::vector<Violation> out;
  checker.execute(Scenario().at(0, Command::REF).commands[0], out);
  checker.check_refresh_deadline(deadline - 1, out);
  EXPECT_TRUE(out.empty()) << messages(out);
  checker.check_refresh_deadline(deadline, out);
  ASSERT_EQ(out.size(), 1u) << messages(out);
  EXPECT_EQ(out[0].cycles, 1u);
}

// --- refresh pull-in: at most M REF ahead count toward the deadline; more earn nothing ----

TEST_P(TimingCheckerTest, RefreshPullIn_LimitIsTheStandards) {
  EXPECT_EQ(TimingChecker(one_rank()).max_pulled_in_refresh(), pulled_in());
}

TEST_P(TimingCheckerTest, RefreshPullIn_BeyondTheLimitEarnsNothing) {
  // M REF at once, before the first tREFI: the next is due before (M + N + 1) * tREFI. One
  // more REF moves that by nothing; one fewer, one tREFI earlier.
  const std::uint64_t m = pulled_in();
  const std::uint64_t deadline = (m + postponed() + 1) * std::uint64_t(t().tREFI);
  for (const std::uint64_t refs : {m - 1, m, m + 1}) {
    const std::uint64_t due = refs < m ? deadline - std::uint64_t(t().tREFI) : deadline;
    TimingChecker checker(one_rank());
    std::vector<Violation> out;
    for (std::uint64_t i = 0; i < refs; ++i)
      checker.execute(Scenario().at(std::int64_t(i) * t().tRFC, Command::REF).commands[0], out);
    ASSERT_LT(std::uint64_t(kBase) + refs * std::uint64_t(t().tRFC), std::uint64_t(t().tREFI));
    checker.check_refresh_deadline(due - 1, out);
    EXPECT_TRUE(out.empty()) << refs << " REF:" << messages(out);
    checker.check_refresh_deadline(due, out);
    ASSERT_EQ(out.size(), 1u) << refs << " REF:" << messages(out);
    EXPECT_EQ(out[0].cycles, 1u);
  }
}

TEST_P(TimingCheckerTest, RefreshDeadline_DeviceFinishReportsIt) {
  const std::uint64_t deadline = (postponed() + 1) * std::uint64_t(t().tREFI);
  DramDevice in_time(one_rank()), late(one_rank());
  in_time.finish(deadline - 1);
  late.finish(deadline);
  EXPECT_TRUE(in_time.violations().empty()) << messages(in_time.violations());
  ASSERT_EQ(late.violations().size(), 1u) << messages(late.violations());
  EXPECT_TRUE(starts_with(late.violations()[0].constraint, "tREFI"));
  EXPECT_TRUE(late.violations()[0].late);
  EXPECT_EQ(late.violations()[0].cycles, 1u);
}

// --- illegal states ---------------------------------------------------------------------

TEST_P(TimingCheckerTest, State_ActivateOpenBank) {
  expect_state(p_, Scenario().at(0, Command::ACT).at(t().tRC, Command::ACT, kA, kRow + 1),
               "ACT to open bank");
}

TEST_P(TimingCheckerTest, State_ColumnToClosedBank) {
  expect_state(p_, Scenario().at(0, Command::RD), "bank closed");
  expect_state(p_, Scenario().at(0, Command::WR), "bank closed");
  // Open, but another bank: still closed.
  expect_state(p_, Scenario().at(0, Command::ACT, kA2).at(t().tRCD, Command::RD, kA),
               "bank closed");
}

TEST_P(TimingCheckerTest, State_ReadAfterRdaClosedTheBank) {
  // RD at RDA + tCCD_L: every timing is met, but the RDA closed the row.
  expect_state(p_,
               Scenario()
                   .at(0, Command::ACT)
                   .at(rcd(), Command::RDA)
                   .at(rcd() + in_group(t().tCCD_L, t().tCCD_S), Command::RD),
               "bank closed");
}

TEST_P(TimingCheckerTest, State_WrongRow) {
  expect_state(p_, Scenario().at(0, Command::ACT, kA, kRow).at(rcd(), Command::RD, kA, kRow + 1),
               "wrong row");
}

TEST_P(TimingCheckerTest, State_RefreshWithBankOpen) {
  expect_state(p_, Scenario().at(0, Command::ACT, last_bank()).at(t().tRAS, Command::REF),
               "REF with a bank open");
}

// HBM drives row and column commands on separate pins (JESD235, JESD238); the other standards
// have one command bus. Named here, not taken from the standard files the checker reads.
bool has_row_and_column_bus(const DramPreset& p) { return p.standard.rfind("HBM", 0) == 0; }

TEST_P(TimingCheckerTest, State_TwoCommandsOnOneBusInOneCycle) {
  // Precharging idle banks is a legal no-op, so only the shared cycle is wrong.
  expect_state(p_, Scenario().at(0, Command::PRE, kA).at(0, Command::PRE, kA2),
               has_row_and_column_bus(p_) ? "row bus" : "command bus");
}

TEST_P(TimingCheckerTest, State_RowAndColumnCommandInOneCycle) {
  const std::int64_t at = std::max<std::int64_t>(rcd(), act_gap(kA, kA2));
  const Scenario s =
      Scenario().at(0, Command::ACT, kA).at(at, Command::ACT, kA2).at(at, Command::RD, kA);
  if (has_row_and_column_bus(p_)) {
    const auto got = run_probe(p_, s, 0);
    EXPECT_TRUE(got.empty()) << messages(got);
    // A second column command in the cycle breaks tCCD too; the bus is named besides.
    const auto twice = run_probe(p_, Scenario(s).at(at, Command::RD, kA), 0);
    EXPECT_EQ(std::count_if(twice.begin(), twice.end(),
                            [](const Violation& v) {
                              return v.constraint == "column bus: two commands in one cycle";
                            }),
              1)
        << messages(twice);
  } else {
    expect_state(p_, s, "command bus");
  }
}

// --- two-clock commands hold their bus ------------------------------------------------

// The probe's violations are the bus's alone: `bus` bus, one cycle early.
void expect_bus_early(const std::vector<Violation>& got, const std::string& bus) {
  ASSERT_EQ(got.size(), 1u) << messages(got);
  EXPECT_EQ(got[0].constraint, bus + " bus") << got[0].message();
  EXPECT_EQ(got[0].cycles, 1u);
  EXPECT_FALSE(got[0].late);
  const std::string tail = ": " + bus + " bus, 1 cycle early", text = got[0].message();
  EXPECT_TRUE(text.size() > tail.size() &&
              text.compare(text.size() - tail.size(), tail.size(), tail) == 0)
      << text;
}

TEST_P(TimingCheckerTest, Bus_ActHoldsItsBusTwoClocks) {
  // ACT, then a PRE to an idle bank (a legal no-op) on the ACT's bus: right after the ACT's
  // clocks it is clean; where the ACT takes two, one cycle earlier is the bus's violation.
  const Scenario s = Scenario().at(0, Command::ACT, kA).at(act_clocks(), Command::PRE, kA2);
  EXPECT_TRUE(run_probe(p_, s, 0).empty()) << messages(run_probe(p_, s, 0));
  if (act_clocks() == 2)
    expect_bus_early(run_probe(p_, s, -1), has_row_and_column_bus(p_) ? "row" : "command");
}

TEST_P(TimingCheckerTest, Bus_ColumnCommandTheCycleAfterAnAct) {
  // ACT kA; ACT kA2 one cycle before an RD to kA. HBM's RD is on the column bus, free beside
  // the held row bus; on DDR5 and LPDDR5 one bus is still held by the ACT; on DDR3 and DDR4 the
  // ACT took one clock.
  const std::int64_t rd = std::max<std::int64_t>(rcd(), act_gap(kA, kA2) + 1);
  const Scenario s =
      Scenario().at(0, Command::ACT, kA).at(rd - 1, Command::ACT, kA2).at(rd, Command::RD, kA);
  const auto got = run_probe(p_, s, 0);
  if (act_clocks() == 2 && !has_row_and_column_bus(p_)) expect_bus_early(got, "command");
  else EXPECT_TRUE(got.empty()) << messages(got);
}

TEST_P(TimingCheckerTest, Bus_Ddr5ColumnCommandHoldsTheBus) {
  // RD, then a PRE to an idle bank the next cycle: DDR5's RD takes two clocks of the one bus.
  const Scenario s = Scenario()
                         .at(0, Command::ACT, kA)
                         .at(rcd(), Command::RD, kA)
                         .at(rcd() + 1, Command::PRE, kA2);
  const auto got = run_probe(p_, s, 0);
  if (p_.standard == "DDR5") expect_bus_early(got, "command");
  else EXPECT_TRUE(got.empty()) << messages(got);
  EXPECT_TRUE(run_probe(p_, s, 1).empty()) << messages(run_probe(p_, s, 1));
}

// --- malformed input --------------------------------------------------------------------

TEST_P(TimingCheckerTest, FieldOutOfRangeThrows) {
  const Organization& o = p_.org;
  const auto u = [](int v) { return std::uint32_t(v); };
  // Every field at its largest legal value is accepted...
  TimingChecker ok(p_);
  std::vector<Violation> out;
  const Bank top{u(o.ranks - 1), u(o.bank_groups - 1), u(o.banks_per_group - 1)};
  Scenario edge = Scenario()
                      .at(0, Command::ACT, top, u(o.rows - 1))
                      .at(rcd(), Command::RD, top, u(o.rows - 1));
  edge.commands[1].column = u(o.columns - 1);
  for (const DramCommand& c : edge.commands) EXPECT_NO_THROW(ok.execute(c, out));
  EXPECT_TRUE(out.empty()) << messages(out);

  // ...and each one past it throws.
  const auto rd = Scenario().at(0, Command::RD).commands[0];
  std::vector<DramCommand> bad(5, rd);
  bad[0].rank = u(o.ranks);
  bad[1].bank_group = u(o.bank_groups);
  bad[2].bank = u(o.banks_per_group);
  bad[3].row = u(o.rows);
  bad[4].column = u(o.columns);
  for (const DramCommand& c : bad) {
    TimingChecker checker(p_);
    EXPECT_THROW(checker.execute(c, out), std::invalid_argument) << describe(c);
  }
}

TEST_P(TimingCheckerTest, CycleGoingBackwardsThrows) {
  const auto s = Scenario().at(0, Command::ACT).at(-1, Command::PRE);
  TimingChecker checker(p_);
  std::vector<Violation> out;
  checker.execute(s.commands[0], out);
  EXPECT_THROW(checker.execute(s.commands[1], out), std::invalid_argument);
}

std::string preset_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Presets, TimingCheckerTest,
                         ::testing::ValuesIn(shipped_preset_names()), preset_test_name);

}  // namespace
}  // namespace mckit::dram
