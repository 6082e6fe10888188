// The bound on a request's wait in the controller (docs/controller.md, "Bounded waits"): the
// cycles from its acceptance to its column command (RD, RDA, WR, WRA) on the command bus, from
// the preset's timings and the policy. It holds for every write, and for every read except
// under plain `frfcfs`; mc_top checks it as it runs (ControllerParams::wait_bound).
#pragma once

#include <cstdint>
#include <optional>

#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

// L of docs/controller.md; none where no bound holds: with the prefetcher on (its commands
// are not counted), or when refreshes come so often that the wait they add has no bound
// (the refresh term's fixed point does not exist).
std::optional<std::uint64_t> wait_bound(const dram::DramPreset& preset,
                                        const ControllerConfig& config);

}  // namespace mckit::ctrl
