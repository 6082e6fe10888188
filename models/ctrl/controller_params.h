// The run-time configuration of the controller (mc_top's cfg_* inputs, and the same values for
// the C++ reference controller), derived from a DRAM preset and a policy; a preset or policy
// the controller's build cannot serve is refused with the reason.
#pragma once

#include <cstdint>

#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

// Structural limits of the controller as built (rtl/mc_pkg.sv, mc_top's parameters).
struct ControllerLimits {
  static constexpr int kRanks = 2, kBanksPerRank = 32, kBanksPerGroup = 4;
  static constexpr int kRowBits = 18, kColBits = 11, kAddrBits = 34, kIds = 256;
  static constexpr int kQueueDepth = 32, kInFlightReads = 16, kPrefetchEntries = 32;
  static constexpr int kMaxTiming = 255, kMaxLongTiming = 65535;
};

struct ControllerParams {
  std::uint8_t mapping = 0, xor_hash = 0, col_bits = 0, bl_log2 = 0;
  std::uint8_t bank_bits = 0, bg_bits = 0, rank_bits = 0;
  std::uint64_t burst_mask = 0;
  std::uint8_t scheduler = 0, page_policy = 0;
  std::uint16_t age_cap = 0, idle_timeout = 0;
  std::uint8_t wq_high = 0, wq_low = 0, refresh_en = 0, ref_postpone = 0;
  std::uint8_t trcd = 0, trcdwr = 0, trp = 0, trpab = 0, tras = 0, trc = 0, tcl = 0, tcwl = 0, tbl = 0;
  std::uint8_t trtp = 0, twr = 0, twtr_s = 0, twtr_l = 0, tccd_s = 0, tccd_l = 0, tccd_l_wr = 0;
  std::uint8_t trrd_s = 0, trrd_l = 0, tfaw = 0, trtw = 0, trtrs = 0;
  std::uint16_t trfc = 0, trefi = 0;
  std::uint8_t pf_kind = 0, pf_distance = 0, pf_degree = 0, pf_threshold = 0, pf_throttle = 0;
  std::uint8_t pf_pressure = 0, pf_addr_bits = 0;
  // The bound on a request's wait (ctrl/wait_bound.h), in cycles, which mc_top's assertions
  // check; none, or one that does not fit 32 bits, is kNoWaitBound: nothing to check.
  static constexpr std::uint32_t kNoWaitBound = 0xFFFFFFFF;
  std::uint32_t wait_bound = kNoWaitBound;
};

// Throws InputError naming the value that does not fit.
ControllerParams derive_controller_params(const dram::DramPreset& preset,
                                          const ControllerConfig& config);

}  // namespace mckit::ctrl
