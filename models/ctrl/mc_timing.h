// The bank machines, rtl/mc_timing.sv in C++: for every bank, bank group and rank the open
// row and the earliest cycle at which each command may go, updated by every command issued,
// and which banks allow ACT, PRE or a column command now. Only the banks asked about are
// evaluated (the RTL evaluates all; the others are not looked at), each through the clock's
// comparisons, so that a quiet stretch knows when a bank's answer changes.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "ctrl/bank_index.h"
#include "ctrl/controller_params.h"
#include "ctrl/cycle_clock.h"
#include "dram/dram_command.h"

namespace mckit::ctrl {

// Bank sets per command kind: which banks are asked about, or which allow the command
// (act_ok_o, pre_ok_o, col_ok_o).
struct BankStatus {
  std::uint64_t act = 0, pre = 0, col = 0;
};

class BankTiming {
 public:
  explicit BankTiming(const ControllerParams& p) : p_(p) {}

  std::uint64_t open() const { return open_; }  // open_o
  bool is_open(int bank) const { return (open_ >> bank) & 1; }
  std::uint32_t open_row(int bank) const { return open_row_[std::size_t(bank)]; }
  bool rank_open(int rank) const { return open_ & bank_index::rank_banks(rank); }

  // Of the banks asked about, those that allow each command; column commands are WRs when
  // `writes`, else RDs.
  BankStatus status(CycleClock& clock, const BankStatus& asked, bool writes) const;
  // pre_ok_o of the given banks.
  std::uint64_t precharge_ok(CycleClock& clock, std::uint64_t banks) const {
    return clock.reached_of(banks, [&](std::size_t b) { return precharge_from(b); });
  }
  // prea_ok_o while a bank of the rank is open, else ref_ok_o.
  bool refresh_ok(CycleClock& clock, int rank) const;
  // A per-bank or same-bank refresh of the rank's `ref_banks`: unit_pre_ok_o while one of them
  // is open (each open one may close), else unit_ref_ok_o (tRP, tRFCpb, tRRD, tpbR2act,
  // tpbR2pbR and tRFC done).
  bool unit_refresh_ok(CycleClock& clock, int rank, std::uint64_t ref_banks) const;
  // The first of `banks` that is idle (open and unused for the idle timeout) and may close
  // now (idle_o & pre_ok_o), or -1.
  int first_idle(CycleClock& clock, std::uint64_t banks) const;

  // The clock edge: the command issued this cycle, at cycle `now`; a REFpb or REFsb refreshes
  // `ref_banks` of its rank.
  void update(std::uint64_t now, dram::Command cmd, int bank, std::uint32_t row,
              std::uint64_t ref_banks) {
    if (cmd != dram::Command::NOP) apply(now, cmd, bank, row, ref_banks);
  }

 private:
  // A bank may close once its own bound and its rank's (tPPD) are met.
  std::uint64_t precharge_from(std::size_t b) const {
    return std::max(bank_pre_[b], rank_pre_[b >> bank_index::kRankLsb]);
  }
  void apply(std::uint64_t now, dram::Command cmd, int bank, std::uint32_t row,
             std::uint64_t ref_banks);

  static constexpr std::size_t kBanks = bank_index::kBanks, kGroups = bank_index::kGroups;
  static constexpr std::size_t kRanks = bank_index::kRanks;

  ControllerParams p_;
  std::uint64_t open_ = 0;
  std::array<std::uint32_t, kBanks> open_row_{};
  std::array<std::uint64_t, kBanks> bank_act_{}, bank_pre_{}, bank_rd_{}, bank_wr_{}, bank_used_{};
  std::array<std::uint64_t, kGroups> bg_act_{}, bg_rd_{}, bg_wr_{};
  std::array<std::uint64_t, kRanks> rank_act_{}, rank_rd_{}, rank_wr_{}, rank_ref_{}, rank_pre_done_{};
  std::array<std::uint64_t, kRanks> rank_pre_{};       // PRE or PREA allowed from (tPPD)
  std::array<std::uint64_t, kRanks> rank_unit_ref_{};  // tpbR2pbR
  std::array<std::array<std::uint64_t, 4>, kRanks> faw_{};  // the last four ACTs, oldest first
  std::array<int, kRanks> faw_seen_{};
};

}  // namespace mckit::ctrl
