// The bound on a request's wait (docs/controller.md, "Bounded waits"), worked out by hand from
// the presets' timings, and how ControllerParams hands it to mc_top: none with the prefetcher
// on or without a fixed point, saturated to "none" beyond 32 bits.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

#include "ctrl/controller_params.h"
#include "ctrl/wait_bound.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {
namespace {

const dram::DramPreset& ddr4() {
  static const dram::DramPreset p = dram::load_preset("ddr4-3200");
  return p;
}

ControllerConfig capped_at(int age_cap) {
  ControllerConfig c;
  c.age_cap = age_cap;
  return c;
}

// DDR4-3200 (tRCD = tRP = tCL = 22, tRAS 52, tRC 74, tCWL 16, tBL 4, tRTP 12, tWR 24, tWTR_S/L
// 4/12, tCCD_S/L 4/8, tRRD_L 8, tFAW 34, tRTRS 2, tRFC 560, tREFI 12480, one rank):
//   t_close = max(52, 12, 16 + 4 + 24) = 52
//   t_open  = max(22, 74 - 52) + 8 + 34 = 64
//   t_col   = max(22, 22) + max(8, 8, 16 + 4 + 12) + max(4, 22 + 4 + 2 - 16, 16 + 4 + 4, 4 + 2,
//             22 + 4 + 2 - 16, 16 + 4 + 2 - 22) + 22 + 4 = 22 + 32 + 24 + 26 = 104
//   S = 220; L0 = 256 + 65 x 220 + 3 = 14559
//   T_ref = 52 + max(22, 560) + 560 + 220 + 2 = 1394
//   L = 14559 + (n + 1) 1394 + 2 (8 + n + 1), n = ceil(L / 12480) = 2: L = 18763.
TEST(WaitBoundValue, Ddr4AsDocumented) {
  EXPECT_EQ(wait_bound(ddr4(), capped_at(256)), std::optional<std::uint64_t>(18763));
  // The default cap of 512: L0 = 14815, the same two refresh intervals.
  EXPECT_EQ(wait_bound(ddr4(), capped_at(512)), std::optional<std::uint64_t>(19019));
  ControllerConfig no_refresh = capped_at(256);
  no_refresh.refresh = false;
  EXPECT_EQ(wait_bound(ddr4(), no_refresh), std::optional<std::uint64_t>(14559));
  // Postponing no refresh: 2 (0 + 2 + 1) = 6 cycles of idle-rank refreshes instead of 22.
  ControllerConfig no_postpone = capped_at(256);
  no_postpone.refresh_postpone = 0;
  EXPECT_EQ(wait_bound(ddr4(), no_postpone), std::optional<std::uint64_t>(18747));
}

// DDR3-1600K, two ranks (tRCD = tRP = tCL = 11, tRAS 28, tRC 39, tCWL 8, tBL 4, tRTP 6, tWR 12,
// tWTR_S = tWTR_L = 6, tCCD 4, tRRD_L 5, tFAW 24, tRTRS 2, tRFC 208, tREFI 6240):
//   t_close = max(28, 6, 8 + 4 + 12) = 28
//   t_open  = max(11, 39 - 28) + 5 + 24 = 40
//   t_col   = 11 + max(4, 4, 8 + 4 + 6) + max(4, 11 + 4 + 2 - 8, 8 + 4 + 6, 4 + 2,
//             11 + 4 + 2 - 8, 8 + 4 + 2 - 11) + 11 + 4 = 11 + 18 + 18 + 15 = 62
//   S = 130; L0 = 256 + 65 x 130 + 3 = 8709; T_ref = 28 + 208 + 208 + 130 + 2 = 576
//   L = 8709 + 2 (n + 1) 576 + 4 (8 + n + 1), n = ceil(L / 6240) = 2: L = 12209.
TEST(WaitBoundValue, TwoRanksCountEachRanksRefreshes) {
  EXPECT_EQ(wait_bound(dram::load_preset("ddr3-1600k"), capped_at(256)),
            std::optional<std::uint64_t>(12209));
}

// A precharge of another bank just before X's may hold it tPPD more: each of the 2D + 1
// services of L0 (D = 32) takes tPPD = 2 longer on DDR5-4800, 65 x 2 = 130 cycles in all.
TEST(WaitBoundValue, TPpdLengthensEveryService) {
  ControllerConfig c = capped_at(256);
  c.refresh = false;
  dram::DramPreset without = dram::load_preset("ddr5-4800");
  ASSERT_EQ(without.timing.tPPD, 2);
  const std::optional<std::uint64_t> with_ppd = wait_bound(without, c);
  without.timing.tPPD = 0;
  ASSERT_TRUE(with_ppd && wait_bound(without, c));
  EXPECT_EQ(*with_ppd - *wait_bound(without, c), 130u);
}

// The prefetcher's commands are not counted: no bound is claimed.
TEST(WaitBoundValue, NoneWithThePrefetcher) {
  ControllerConfig c = capped_at(256);
  c.prefetch.kind = PrefetcherKind::Stream;
  EXPECT_EQ(wait_bound(ddr4(), c), std::nullopt);
  EXPECT_EQ(derive_controller_params(ddr4(), c).wait_bound, ControllerParams::kNoWaitBound);
}

// Refreshes every T_ref + 2 cycles or more often leave no fixed point: each interval of a wait
// adds as much as it lasts. DDR4-3200 with tRFC 30000: T_ref = 52 + 30000 + 30000 + 220 + 2 =
// 60274, b = 60276.
TEST(WaitBoundValue, NoneWhenRefreshesOutpaceTheWait) {
  dram::DramPreset p = ddr4();
  p.timing.tRFC = 30000;
  p.timing.tREFI = 60276;
  EXPECT_EQ(wait_bound(p, capped_at(256)), std::nullopt);
  // One cycle more: a = 14559 + 60274 + 18 = 74851, n = ceil(74851 / 1) = 74851,
  // L = 74851 + 60276 x 74851 = 74851 x 60277 = 4 511 793 727, beyond 32 bits.
  p.timing.tREFI = 60277;
  EXPECT_EQ(wait_bound(p, capped_at(256)), std::optional<std::uint64_t>(4511793727ull));
  EXPECT_EQ(derive_controller_params(p, capped_at(256)).wait_bound,
            ControllerParams::kNoWaitBound);
}

TEST(WaitBoundValue, HandedToTheController) {
  EXPECT_EQ(derive_controller_params(ddr4(), capped_at(256)).wait_bound, 18763u);
}

}  // namespace
}  // namespace mckit::ctrl
