// The controller's time (mc_top's now_q) and every comparison of it with a fixed cycle that
// the blocks' decisions rest on. Each goes through reached(), which keeps the first later
// cycle at which one of them would come out otherwise (wake()): until then a quiet cycle
// repeats itself. (Once reached, a cycle stays reached; a comparison skipped because an
// earlier one in a conjunction failed can matter no sooner than that one flips.)
#pragma once

#include <algorithm>
#include <cstdint>

#include "ctrl/prio_enc.h"

namespace mckit::ctrl {

class CycleClock {
 public:
  std::uint64_t now() const { return now_; }
  std::uint64_t wake() const { return wake_; }

  // A new cycle: no comparison made yet.
  void begin_cycle() { wake_ = UINT64_MAX; }
  void tick() { ++now_; }
  void skip_to(std::uint64_t cycle) { now_ = cycle; }

  bool reached(std::uint64_t at) {
    if (now_ >= at) return true;
    wake_ = std::min(wake_, at);
    return false;
  }

  // The members of `set` (bit i for member i) whose condition, met from cycle from(i) on, is
  // met now: reached() for each, without a branch per member.
  template <typename From>
  std::uint64_t reached_of(std::uint64_t set, From from) {
    std::uint64_t ok = 0, wake = wake_;
    for (std::uint64_t left = set; left; left &= left - 1) {
      const int i = first_set(left);
      const std::uint64_t at = from(std::size_t(i));
      const bool met = now_ >= at;
      ok |= std::uint64_t(met) << i;
      wake = std::min(wake, met ? UINT64_MAX : at);
    }
    wake_ = wake;
    return ok;
  }

 private:
  std::uint64_t now_ = 0;
  std::uint64_t wake_ = UINT64_MAX;
};

}  // namespace mckit::ctrl
