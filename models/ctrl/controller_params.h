// The run-time configuration of the controller (mc_top's cfg_* inputs, and the same values for
// the C++ reference controller), derived from a DRAM preset and a policy; a preset or policy
// the controller's build cannot serve is refused with the reason.
#pragma once

#include <cstdint>

#include "ctrl/controller_config.h"
// ControllerParams: one member per field of models/ctrl/controller_fields.json, generated into
// the build tree (docs/fields.md).
#include "ctrl/controller_params_struct.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

// Structural limits of the controller as built (rtl/mc_pkg.sv, mc_top's parameters).
struct ControllerLimits {
  static constexpr int kRanks = 2, kBanksPerRank = 32, kBanksPerGroup = 4;
  static constexpr int kRowBits = 18, kColBits = 11, kAddrBits = 34, kIds = 256;
  static constexpr int kQueueDepth = 32, kInFlightReads = 16, kPrefetchEntries = 32;
  static constexpr int kMaxTiming = (1 << field_width::TW) - 1;
  static constexpr int kMaxLongTiming = (1 << field_width::TLongW) - 1;
};

// Throws InputError naming the value that does not fit.
ControllerParams derive_controller_params(const dram::DramPreset& preset,
                                          const ControllerConfig& config);

}  // namespace mckit::ctrl
