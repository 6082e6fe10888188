#include "ctrl/mc_req_queue.h"

#include <algorithm>

#include "ctrl/oldest.h"
#include "ctrl/prio_enc.h"

namespace mckit::ctrl {

namespace {

using dram::Command;

bool closes_bank(Command c) {
  return c == Command::PRE || c == Command::RDA || c == Command::WRA;
}

}  // namespace

// The RTL's whole-vector logic over entries. The per-entry gathers from per-bank signals
// (ok_e from the bank status, pre_polite from bank_has_hit_o) go through the banks' members.
QueueOffer RequestQueue::offer(const BankStatus& ok,
                               const std::array<bool, bank_index::kRanks>& blocked,
                               std::uint64_t blocked_banks, bool capped) const {
  const std::uint32_t ok_e = (~open_ & members_of(ok.act)) |
                             (open_ & ~hit_ & members_of(ok.pre)) | (hit_ & members_of(ok.col));
  std::uint32_t usable = valid() & ~members_of(blocked_banks);
  for (std::size_t r = 0; r < blocked.size(); ++r)
    if (blocked[r]) usable &= ~rank_[r];
  std::uint32_t col_ready = usable & hit_ & ok_e;
  const std::uint32_t act_ready = usable & ~open_ & ok_e;
  const std::uint32_t pre_ready = usable & open_ & ~hit_ & ok_e;
  const std::uint32_t pre_polite = pre_ready & ~members_of(ok.pre & hit_banks_);
  std::uint32_t row_ready = act_ready | pre_polite;

  QueueOffer o;
  o.bank_has_hit = hit_banks_;
  o.capped = capped;
  if (capped) {
    // No entry but the oldest may use the oldest one's bank, nor send a burst to another
    // rank (the oldest is at position 0).
    const int oldest_bank = entry_[0].bank;
    const std::uint32_t others = members_[std::size_t(oldest_bank)] & ~1u;
    const std::uint32_t other_rank = ~rank_[std::size_t(bank_index::rank_of(oldest_bank))];
    col_ready &= ~(others | other_rank);
    row_ready &= ~others;
  }
  const Oldest col = oldest_of(col_ready);
  const Oldest row = oldest_of(row_ready);
  o.col_found = col.found;
  o.col_idx = col.idx;
  o.row_found = row.found;
  o.row_idx = row.idx;
  o.row_act = (act_ready >> o.row_idx) & 1;
  o.oldest_idx = 0;
  o.oldest_col = col_ready & 1;
  o.oldest_act = act_ready & 1;
  o.oldest_pre = pre_ready & 1;
  return o;
}

std::uint32_t RequestQueue::members_of(std::uint64_t bank_set) const {
  std::uint32_t m = 0;
  for (std::uint64_t left = bank_set; left; left &= left - 1)
    m |= members_[std::size_t(first_set(left))];
  return m;
}

void RequestQueue::classify(int bank) {
  const std::uint32_t m = members_[std::size_t(bank)];
  const std::uint64_t bit = 1ull << bank;
  const auto set = [bit](std::uint64_t& v, bool on) { v = on ? v | bit : v & ~bit; };
  set(banks_, m != 0);
  set(hit_banks_, (m & hit_) != 0);
  set(miss_banks_, (m & ~hit_) != 0);
}

// The open/hit bits after this cycle's bank event (open_d, hit_d).
void RequestQueue::apply_bank_event(Command cmd, int bank, std::uint32_t row) {
  if (cmd == Command::ACT) {
    const std::uint32_t m = members_[std::size_t(bank)];
    std::uint32_t hit = 0;
    for (std::uint32_t left = m; left; left &= left - 1) {
      const int k = first_set(left);
      if (entry_[std::size_t(k)].row == row) hit |= 1u << k;
    }
    open_ |= m;
    hit_ = (hit_ & ~m) | hit;
    classify(bank);
  } else if (closes_bank(cmd)) {
    const std::uint32_t m = members_[std::size_t(bank)];
    open_ &= ~m;
    hit_ &= ~m;
    classify(bank);
  } else if (cmd == Command::PREA) {
    const int rank = bank_index::rank_of(bank);
    const std::uint32_t m = valid() & rank_[std::size_t(rank)];
    open_ &= ~m;
    hit_ &= ~m;
    for (std::uint64_t left = banks_ & bank_index::rank_banks(rank); left; left &= left - 1)
      classify(first_set(left));
  }
}

void RequestQueue::push(const DecodedAddress& d, std::uint64_t addr, std::uint8_t id, bool full,
                        std::uint64_t arrival, bool open, bool hit) {
  const int k = count_++;
  const std::uint32_t bit = 1u << k;
  entry_[std::size_t(k)] = QueueEntry{addr, arrival, d.row, d.col, id, d.bank};
  const auto set = [bit](std::uint32_t& v, bool on) { v = on ? v | bit : v & ~bit; };
  set(full_, full);
  for (std::size_t r = 0; r < rank_.size(); ++r)
    set(rank_[r], int(r) == bank_index::rank_of(d.bank));
  set(open_, open);
  set(hit_, hit);
  set(pre_, false);
  set(act_, false);
  members_[d.bank] |= bit;
  classify(d.bank);
}

// The served entry leaves; the younger ones move up a position, keeping their order.
void RequestQueue::pop(int pos) {
  const int bank = entry_[std::size_t(pos)].bank;
  std::copy(entry_.begin() + pos + 1, entry_.begin() + count_, entry_.begin() + pos);
  const std::uint32_t below = (1u << pos) - 1;
  const auto squeeze = [below](std::uint32_t& v) { v = (v & below) | ((v >> 1) & ~below); };
  squeeze(full_);
  squeeze(pre_);
  squeeze(act_);
  squeeze(hit_);
  squeeze(open_);
  for (std::uint32_t& r : rank_) squeeze(r);
  for (std::uint64_t left = banks_; left; left &= left - 1)
    squeeze(members_[std::size_t(first_set(left))]);
  classify(bank);
  --count_;
}

}  // namespace mckit::ctrl
