#include "ctrl/mc_timing.h"

namespace mckit::ctrl {

namespace {

using dram::Command;
using namespace bank_index;

// mc_timing's later(): the later of two cycles.
std::uint64_t later(std::uint64_t a, std::uint64_t b) { return a > b ? a : b; }

}  // namespace

// A bank allows a command once its own, its bank group's and its rank's constraints are all
// met, that is from the latest of them on.
BankStatus BankTiming::status(CycleClock& clock, const BankStatus& asked, bool writes) const {
  std::uint64_t rank_act_from[kRanks], rank_col_from[kRanks];
  for (std::size_t r = 0; r < kRanks; ++r) {
    const std::uint64_t faw_from = faw_seen_[r] == 4 ? faw_[r][0] + p_.tfaw : 0;  // tFAW
    rank_act_from[r] = later(rank_act_[r], faw_from);
    rank_col_from[r] = writes ? rank_wr_[r] : rank_rd_[r];
  }
  const auto& bank_col = writes ? bank_wr_ : bank_rd_;
  const auto& bg_col = writes ? bg_wr_ : bg_rd_;
  BankStatus ok;
  ok.act = clock.reached_of(asked.act, [&](std::size_t b) {
    return later(bank_act_[b], later(bg_act_[b >> kGroupLsb], rank_act_from[b >> kRankLsb]));
  });
  ok.pre = precharge_ok(clock, asked.pre);
  ok.col = clock.reached_of(asked.col, [&](std::size_t b) {
    return later(bank_col[b], later(bg_col[b >> kGroupLsb], rank_col_from[b >> kRankLsb]));
  });
  return ok;
}

bool BankTiming::refresh_ok(CycleClock& clock, int rank) const {
  const std::uint64_t open_banks = open_ & rank_banks(rank);
  const std::size_t r = std::size_t(rank);
  return open_banks ? precharge_ok(clock, open_banks) == open_banks
                    : clock.reached(rank_pre_done_[r]) && clock.reached(rank_ref_[r]);
}

bool BankTiming::unit_refresh_ok(CycleClock& clock, int rank, std::uint64_t ref_banks) const {
  const std::uint64_t banks = ref_banks & rank_banks(rank);
  const std::uint64_t open_banks = open_ & banks;
  if (open_banks) return precharge_ok(clock, open_banks) == open_banks;
  const std::size_t r = std::size_t(rank);
  // A refresh waits for the full bounds that an ACT, counted from its later clock, meets
  // act_late sooner.
  const auto full = [&](std::uint64_t act_from) { return act_from + p_.act_late; };
  return clock.reached_of(banks, [&](std::size_t b) { return full(bank_act_[b]); }) == banks &&
         clock.reached(full(rank_act_[r])) && clock.reached(rank_unit_ref_[r]) &&
         clock.reached(rank_ref_[r]);
}

int BankTiming::first_idle(CycleClock& clock, std::uint64_t banks) const {
  for (std::uint64_t left = banks & open_; left; left &= left - 1) {
    const int b = first_set(left);
    if (clock.reached(precharge_from(std::size_t(b))) &&
        clock.reached(bank_used_[std::size_t(b)] + p_.idle_timeout))
      return b;
  }
  return -1;
}

void BankTiming::apply(std::uint64_t now, Command cmd, int b, std::uint32_t row,
                       std::uint64_t ref_banks) {
  const std::size_t bi = std::size_t(b), gi = std::size_t(group_of(b)),
                    ri = std::size_t(rank_of(b));
  const std::uint64_t wr_end = std::uint64_t(p_.tcwl) + p_.tbl;
  switch (cmd) {
    case Command::ACT:
      open_ |= 1ull << b;
      open_row_[bi] = row;
      bank_act_[bi] = now + p_.trc;
      bank_pre_[bi] = now + p_.tras;
      bank_rd_[bi] = now + p_.trcd;
      bank_wr_[bi] = now + p_.trcdwr;
      bank_used_[bi] = now;
      bg_act_[gi] = later(bg_act_[gi], now + p_.trrd_l);
      rank_act_[ri] = later(rank_act_[ri], now + p_.trrd_s);
      faw_[ri] = {faw_[ri][1], faw_[ri][2], faw_[ri][3], now};
      if (faw_seen_[ri] != 4) ++faw_seen_[ri];
      break;
    case Command::PRE:
      open_ &= ~(1ull << b);
      bank_act_[bi] = later(bank_act_[bi], now + p_.trp - p_.act_late);
      rank_pre_done_[ri] = later(rank_pre_done_[ri], now + p_.trp);
      rank_pre_[ri] = now + p_.tppd;
      break;
    case Command::PREA:
      // Every bank of the rank waits tRPab: PREA only precedes a refresh.
      open_ &= ~rank_banks(int(ri));
      rank_act_[ri] = later(rank_act_[ri], now + p_.trpab - p_.act_late);
      rank_pre_done_[ri] = later(rank_pre_done_[ri], now + p_.trpab);
      rank_pre_[ri] = now + p_.tppd;
      break;
    case Command::REF:
      rank_act_[ri] = later(rank_act_[ri], now + p_.trfc - p_.act_late);
      rank_ref_[ri] = now + p_.trfc;
      break;
    case Command::REFpb:
    case Command::REFsb:
      // The refreshed banks wait tRFCpb (tRFCsb); the rank's other banks tpbR2act before an
      // ACT, tpbR2pbR before the next refresh of a unit.
      for (std::uint64_t left = ref_banks & rank_banks(int(ri)); left; left &= left - 1) {
        const std::size_t k = std::size_t(first_set(left));
        bank_act_[k] = later(bank_act_[k], now + p_.trfcpb - p_.act_late);
      }
      rank_act_[ri] = later(rank_act_[ri], now + p_.tpbr2act - p_.act_late);
      rank_unit_ref_[ri] = now + p_.tpbr2pbr;
      break;
    case Command::RD:
    case Command::RDA:
    case Command::WR:
    case Command::WRA: {
      const bool is_rd = dram::is_read(cmd);
      const std::uint64_t pre_after_col =
          later(bank_pre_[bi], is_rd ? now + p_.trtp : now + wr_end + p_.twr);
      bank_used_[bi] = now;
      bank_pre_[bi] = pre_after_col;
      if (dram::has_auto_precharge(cmd)) {
        open_ &= ~(1ull << b);
        bank_act_[bi] = later(bank_act_[bi], pre_after_col + p_.trp - p_.act_late);
        rank_pre_done_[ri] = later(rank_pre_done_[ri], pre_after_col + p_.trp);
      }
      // A burst on another rank starts tRTRS after this one ends (negative offsets clamp).
      const std::uint64_t bl_rtrs = std::uint64_t(p_.tbl) + p_.trtrs;
      const std::uint64_t cl_end = std::uint64_t(p_.tcl) + bl_rtrs;
      const std::uint64_t rd_after = is_rd ? bl_rtrs
                                   : wr_end + p_.trtrs > p_.tcl ? wr_end + p_.trtrs - p_.tcl : 0;
      const std::uint64_t wr_after = !is_rd ? bl_rtrs : cl_end > p_.tcwl ? cl_end - p_.tcwl : 0;
      for (std::size_t other = 0; other < kRanks; ++other) {
        if (other == ri) continue;
        rank_rd_[other] = later(rank_rd_[other], now + rd_after);
        rank_wr_[other] = later(rank_wr_[other], now + wr_after);
      }
      if (is_rd) {
        bg_rd_[gi] = later(bg_rd_[gi], now + p_.tccd_l);
        rank_rd_[ri] = later(rank_rd_[ri], now + p_.tccd_s);
        rank_wr_[ri] = later(rank_wr_[ri], now + p_.trtw);
      } else {
        bg_wr_[gi] = later(bg_wr_[gi], now + p_.tccd_l_wr);
        rank_wr_[ri] = later(rank_wr_[ri], now + p_.tccd_s);
        bg_rd_[gi] = later(bg_rd_[gi], now + wr_end + p_.twtr_l);
        rank_rd_[ri] = later(rank_rd_[ri], now + wr_end + p_.twtr_s);
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace mckit::ctrl
