// Refresh per rank, rtl/mc_refresh.sv in C++: a refresh command falls due every trefi (tREFI,
// or tREFI / ref_units for per-bank and same-bank refresh); due refreshes wait while their
// banks have demand and are caught up when they are idle, but once `postpone` are owed one
// goes at once. Per-bank and same-bank refresh cover the rank's units (a bank or LPDDR5 bank
// pair; a bank index in every group) once a round, each unit once: the next is the first unit
// left in the round that no queued request targets, else the first left.
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

  // ref_banks_o: the banks of each rank's next refresh (every bank for all-bank refresh),
  // given the banks queued requests target (the queues' bank_used_o).
  std::uint64_t banks(std::uint64_t bank_used) const;
  // block_o: the ranks whose demand waits for their refresh: all-bank refresh's active ones;
  // per-bank and same-bank refresh's only once forced with the unit's banks closed.
  PerRank blocked(std::uint64_t ref_banks, std::uint64_t open) const;
  // block_banks_o: per-bank and same-bank refresh: the banks of the active ranks' units.
  std::uint64_t blocked_banks(std::uint64_t ref_banks) const;

  // The clock edge: whether a refresh command went to `ref_rank`, and the banks queued
  // requests target before it. Returns whether a register changed. (In the header: it runs
  // every cycle.)
  bool clock(bool ref_issued, int ref_rank, std::uint64_t bank_used) {
    if (!p_.refresh_en) return false;
    const bool due = since_due_ + 1 == p_.trefi;
    bool changed = false;
    for (int r = 0; r < bank_index::kRanks; ++r) {
      const std::size_t ri = std::size_t(r);
      std::uint8_t pending = pending_[ri];
      bool active = active_[ri];
      std::uint32_t left = left_[ri];
      const Choice c = choose(r, bank_used);
      const bool present = r < (1 << p_.rank_bits);
      if (due && present && pending != kOwedMax) ++pending;
      if (ref_issued && ref_rank == r) {
        pending = std::uint8_t(pending - 1);
        active = false;
        left = c.candidates & ~(1u << c.unit);
      } else if (pending != 0 && (pending >= p_.ref_postpone || c.idle)) {
        active = true;
      }
      changed = changed || pending != pending_[ri] || active != active_[ri] || left != left_[ri];
      pending_[ri] = pending;
      active_[ri] = active;
      left_[ri] = left;
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
  static constexpr std::uint8_t kOwedMax = 0xFF;          // 8 bits per rank

  // A rank's next unit: its index, the units left in the round (all when none is), and
  // whether one of them has no queued request (for all-bank refresh: the rank has none).
  struct Choice {
    int unit = 0;
    std::uint32_t candidates = 0;
    bool idle = false;
  };
  Choice choose(int rank, std::uint64_t bank_used) const;
  // The banks of unit `u` within a rank, bit i for the bank with index i in the rank.
  std::uint32_t unit_banks(int u) const;

  ControllerParams p_;
  std::uint32_t since_due_ = 0;  // cycles since the last interval boundary
  Owed pending_{};
  PerRank active_{};
  std::array<std::uint32_t, bank_index::kRanks> left_{};  // units left in the round; 0: all
};

}  // namespace mckit::ctrl
