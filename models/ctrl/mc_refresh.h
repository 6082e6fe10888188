// All-bank refresh per rank, rtl/mc_refresh.sv in C++: a refresh falls due every tREFI; due
// refreshes wait while the rank has demand and are caught up when it is idle, but once
// `postpone` are owed the rank is refreshed at once.
#pragma once

#include <array>
#include <cstdint>

#include "ctrl/bank_index.h"
#include "ctrl/controller_params.h"

namespace mckit::ctrl {

class Refresh {
 public:
  using PerRank = std::array<bool, bank_index::kRanks>;
  using Owed = std::array<std::uint8_t, bank_index::kRanks>;

  explicit Refresh(const ControllerParams& p) : p_(p) {}

  const PerRank& active() const { return active_; }  // active_o
  const Owed& pending() const { return pending_; }   // pending_o

  // The clock edge: whether a REF went to `ref_rank`, and which ranks no queued request
  // targets. Returns whether an output register changed. (In the header: it runs every cycle.)
  bool clock(bool ref_issued, int ref_rank, const PerRank& rank_idle) {
    if (!p_.refresh_en) return false;
    const bool due = since_due_ + 1 == p_.trefi;
    bool changed = false;
    for (int r = 0; r < bank_index::kRanks; ++r) {
      const std::size_t ri = std::size_t(r);
      std::uint8_t pending = pending_[ri];
      bool active = active_[ri];
      const bool present = r < (1 << p_.rank_bits);
      if (due && present && pending != kOwedMax) ++pending;
      if (ref_issued && ref_rank == r) {
        pending = std::uint8_t((pending - 1) & kOwedMax);
        active = false;
      } else if (pending != 0 && (pending >= p_.ref_postpone || rank_idle[ri])) {
        active = true;
      }
      changed = changed || pending != pending_[ri] || active != active_[ri];
      pending_[ri] = pending;
      active_[ri] = active;
    }
    since_due_ = due ? 0 : (since_due_ + 1) & kSinceDueMask;
    return changed;
  }
  // The cycle, counting from cycle `now`, whose edge makes a refresh due (UINT64_MAX: none).
  std::uint64_t next_due(std::uint64_t now) const;
  // `cycles` pass with no command and nothing owed changing.
  void skip(std::uint64_t cycles);

 private:
  static constexpr std::uint32_t kSinceDueMask = 0xFFFF;  // mc_pkg::TLongW bits
  static constexpr std::uint8_t kOwedMax = 0xF;           // 4 bits per rank

  ControllerParams p_;
  std::uint32_t since_due_ = 0;  // cycles since the last tREFI boundary
  Owed pending_{};
  PerRank active_{};
};

}  // namespace mckit::ctrl
