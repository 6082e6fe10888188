// The controller's own reading of the standards, worked out by hand from the presets: the
// read-to-write gap (DDR5 adds its write preamble, JESD79-5), the fallbacks to tRCD, tRP and
// tCCD_L, the same-group spacings of standards with one value for every pair of banks, and
// the refresh postponement capped at the standard's limit (4 on DDR5, JESD79-5).
#include <gtest/gtest.h>

#include "ctrl/controller_params.h"
#include "ctrl/derived_timing.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {
namespace {

TEST(DerivedTiming, ReadToWriteGap) {
  // DDR4-3200: tCL 22 + tBL 4 + 2 - tCWL 16 = 12.
  EXPECT_EQ(derive_controller_params(dram::load_preset("ddr4-3200"), {}).trtw, 12);
  // DDR5-4800: tCL 40 + tBL 8 + 2 - tCWL 38 + tWPRE 2 = 14.
  EXPECT_EQ(derive_controller_params(dram::load_preset("ddr5-4800"), {}).trtw, 14);
}

TEST(DerivedTiming, FallbacksWhereAStandardHasNoOwnValue) {
  const ControllerParams hbm3 = derive_controller_params(dram::load_preset("hbm3"), {});
  EXPECT_EQ(hbm3.trcdwr, 15 + 1);  // HBM3's own tRCDWR, not tRCD 31, from the ACT's 2nd clock
  const ControllerParams hbm2 = derive_controller_params(dram::load_preset("hbm2"), {});
  EXPECT_EQ(hbm2.trpab, 14);      // tRP
  EXPECT_EQ(hbm2.tccd_l_wr, 4);   // tCCD_L
  const ControllerParams lp = derive_controller_params(dram::load_preset("lpddr5-6400"), {});
  EXPECT_EQ(lp.trcdwr, 15);       // tRCD (timings count from ACT-1, the issue clock)
  EXPECT_EQ(lp.trpab, 17);        // LPDDR5's own tRPab
  const ControllerParams ddr5 = derive_controller_params(dram::load_preset("ddr5-4800"), {});
  EXPECT_EQ(ddr5.tccd_l_wr, 24);  // DDR5's own tCCD_L_WR
}

// Two-clock commands: which hold their bus (ACT on DDR5, LPDDR5 and HBM; RD and WR on DDR5),
// and the clock their timings count from: the second on DDR5 and HBM (JESD79-5; JESD235,
// whose ACT to RD DRAMSys CheckerHBM2.cpp writes tRCDRD + tCK), the first on LPDDR5 (ACT-1,
// JESD209-5). Issue clock to issue clock, a bound out of such a command grows by one.
TEST(DerivedTiming, TwoClockCommands) {
  struct Expect {
    const char* preset;
    bool act2, col2, split;
    int act, col;  // the clocks after the issue clock that timings count from
  };
  for (const Expect e : {Expect{"ddr3-1600k", false, false, false, 0, 0},
                         Expect{"ddr4-3200", false, false, false, 0, 0},
                         Expect{"ddr5-4800", true, true, false, 1, 1},
                         Expect{"lpddr5-6400", true, false, false, 0, 0},
                         Expect{"hbm2", true, false, true, 1, 0},
                         Expect{"hbm3", true, false, true, 1, 0}}) {
    SCOPED_TRACE(e.preset);
    const dram::DramPreset p = dram::load_preset(e.preset);
    const ControllerParams c = derive_controller_params(p, {});
    EXPECT_EQ(bool(c.act_two_clock), e.act2);
    EXPECT_EQ(bool(c.col_two_clock), e.col2);
    EXPECT_EQ(bool(c.split_bus), e.split);
    EXPECT_EQ(int(c.act_late), e.act);
    EXPECT_EQ(c.trcd, p.timing.tRCD + e.act - e.col);
    EXPECT_EQ(c.tras, p.timing.tRAS + e.act);
    EXPECT_EQ(c.trtp, p.timing.tRTP + e.col);
    EXPECT_EQ(c.twr, p.timing.tWR + e.col);
    EXPECT_EQ(c.trp, p.timing.tRP);  // the bank machines shorten it into an ACT
  }
}

// tPPD where the standard has it (2 tCK on DDR5, LPDDR5, HBM3); 0, no constraint, elsewhere.
TEST(DerivedTiming, PrechargeToPrechargeOnlyWhereTheStandardHasIt) {
  for (const char* name : {"ddr5-4800", "lpddr5-6400", "hbm3"})
    EXPECT_EQ(derive_controller_params(dram::load_preset(name), {}).tppd, 2) << name;
  for (const char* name : {"ddr3-1600k", "ddr4-3200", "hbm2"})
    EXPECT_EQ(derive_controller_params(dram::load_preset(name), {}).tppd, 0) << name;
}

TEST(DerivedTiming, OneValueForEveryPairOfBanksServesTheSameGroup) {
  // DDR3 (JESD79-3F: no bank groups) has one tWTR 6, tCCD 4, tRRD 5; LPDDR5 one tRRD 4.
  const ControllerParams ddr3 = derive_controller_params(dram::load_preset("ddr3-1600k"), {});
  EXPECT_EQ(ddr3.twtr_l, 6);
  EXPECT_EQ(ddr3.tccd_l, 4);
  EXPECT_EQ(ddr3.tccd_l_wr, 4);
  EXPECT_EQ(ddr3.trrd_l, 5);
  EXPECT_EQ(derive_controller_params(dram::load_preset("lpddr5-6400"), {}).trrd_l, 4);
  // An HBM pseudo channel has no ranks, so no rank switch.
  EXPECT_EQ(derive_controller_params(dram::load_preset("hbm2"), {}).trtrs, 0);
}

TEST(DerivedTiming, RefreshPostponementCappedAtTheStandardsLimit) {
  ControllerConfig c;  // the default: 8
  EXPECT_EQ(derive_controller_params(dram::load_preset("ddr4-3200"), c).ref_postpone, 8);
  EXPECT_EQ(derive_controller_params(dram::load_preset("ddr5-4800"), c).ref_postpone, 4);
  c.refresh_postpone = 3;  // below the cap: kept
  EXPECT_EQ(derive_controller_params(dram::load_preset("ddr5-4800"), c).ref_postpone, 3);
  EXPECT_EQ(refresh_postpone_limit("DDR5"), 4);
  for (const char* s : {"DDR3", "DDR4", "LPDDR5", "HBM2", "HBM3"})
    EXPECT_EQ(refresh_postpone_limit(s), 8) << s;
}

// Per-bank and same-bank refresh as the controller reads the presets (configs/dram/): a command
// every tREFI / units, postponement scaled by the units, the spacings of the standard.
TEST(DerivedTiming, RefreshKindsOnTheirPresets) {
  struct Want {
    const char* preset;
    RefreshKind kind;
    int units, pair, interval, busy, to_next, to_act, owed;
  };
  const Want wants[] = {
      {"ddr4-3200", RefreshKind::AllBank, 1, 0, 12480, 0, 0, 0, 8},
      {"lpddr5-6400", RefreshKind::PerBank, 8, 8, 3125 / 8, 96, 72, 7, 8 * 8},
      {"hbm2", RefreshKind::PerBank, 16, 0, 3900 / 16, 160, 8, 8, 8 * 16},
      {"hbm3", RefreshKind::PerBank, 16, 0, 6240 / 16, 320, 13, 13, 8 * 16},
      {"ddr5-4800", RefreshKind::SameBank, 4, 0, 9360 / 4, 312, 72, 72, 4 * 4},
  };
  for (const Want& w : wants) {
    SCOPED_TRACE(w.preset);
    ControllerConfig c;
    c.refresh_kind = w.kind;
    const ControllerParams p = derive_controller_params(dram::load_preset(w.preset), c);
    EXPECT_EQ(p.ref_kind, std::uint8_t(w.kind));
    EXPECT_EQ(p.ref_units, w.units);
    EXPECT_EQ(p.ref_pair, w.pair);
    EXPECT_EQ(p.trefi, w.interval);
    EXPECT_EQ(p.trfcpb, w.busy);
    EXPECT_EQ(p.tpbr2pbr, w.to_next);
    EXPECT_EQ(p.tpbr2act, w.to_act);
    EXPECT_EQ(p.ref_postpone, w.owed);
  }
}

}  // namespace
}  // namespace mckit::ctrl
