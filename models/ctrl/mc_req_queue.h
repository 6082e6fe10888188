// One request queue, rtl/mc_req_queue.sv in C++. The RTL keeps entries in fixed slots ordered
// by an age matrix; here the entries are kept in that order, position 0 the oldest, so "the
// oldest entry of a set" (mc_oldest, ctrl/oldest.h) is the first set bit of a mask over
// positions. No output depends on slot numbers: a match in the write queue is unique (a write
// waits while its address is queued), and only whether the read queue matches is used.
#pragma once

#include <array>
#include <cstdint>

#include "ctrl/bank_index.h"
#include "ctrl/controller_params.h"
#include "ctrl/mc_addr_map.h"
#include "ctrl/mc_timing.h"
#include "ctrl/prio_enc.h"
#include "dram/dram_command.h"

namespace mckit::ctrl {

// The fields of a queue entry (mc_pkg::entry_t) the controller uses.
struct QueueEntry {
  std::uint64_t addr = 0, arrival = 0;
  std::uint32_t row = 0, col = 0;
  std::uint8_t id = 0, bank = 0;
};

// What the queue offers the scheduler this cycle (positions, not slots).
struct QueueOffer {
  bool col_found = false, row_found = false, row_act = false;
  int col_idx = 0, row_idx = 0, oldest_idx = 0;
  bool oldest_col = false, oldest_act = false, oldest_pre = false, capped = false;
  std::uint64_t bank_has_hit = 0;
};

class RequestQueue {
 public:
  static constexpr int kDepth = ControllerLimits::kQueueDepth;
  static_assert(kDepth <= 32, "entry sets are 32-bit masks");

  int count() const { return count_; }
  bool full() const { return count_ == kDepth; }
  const QueueEntry& entry(int pos) const { return entry_[std::size_t(pos)]; }
  std::uint32_t valid() const { return count_ == kDepth ? ~0u : (1u << count_) - 1; }
  // bank_used_o: the banks an entry targets.
  std::uint64_t bank_used() const { return banks_; }
  // needed_pre / needed_act of the entry at `pos`.
  bool needed_pre(int pos) const { return (pre_ >> pos) & 1; }
  bool needed_act(int pos) const { return (act_ >> pos) & 1; }

  // capped_o: the oldest entry has waited the age cap, where the cap applies.
  bool capped(CycleClock& clock, bool cap_en, std::uint16_t age_cap) const {
    return cap_en && count_ && clock.reached(entry_[0].arrival + age_cap);
  }
  // The bank status the served queue needs: an entry's open_q bit is its bank's open bit (both
  // follow the same commands), so the entries of a closed bank wait for an ACT, those of an
  // open bank for a PRE or, hitting, a column command.
  BankStatus asked(std::uint64_t open_banks) const {
    return {banks_ & ~open_banks, miss_banks_ & open_banks, hit_banks_};
  }
  // The offer, from the status of the banks asked(), with the ranks and banks a refresh
  // blocks.
  QueueOffer offer(const BankStatus& ok, const std::array<bool, bank_index::kRanks>& blocked,
                   std::uint64_t blocked_banks, bool capped) const;

  // The front end's address check (match_o): the position of an entry holding `addr`, or -1.
  int match(std::uint64_t addr) const {
    for (int k = 0; k < count_; ++k)
      if (entry_[std::size_t(k)].addr == addr) return k;
    return -1;
  }
  bool match_full(int pos) const { return (full_ >> pos) & 1; }
  // The prefetcher's probe (probe_hit_o): an entry of `bank` wants another row than `row`, or
  // holds `addr`.
  bool probe_hit(int bank, std::uint32_t row, std::uint64_t addr) const {
    for (std::uint32_t left = members_[std::size_t(bank)]; left; left &= left - 1) {
      const QueueEntry& e = entry_[std::size_t(first_set(left))];
      if (e.row != row || e.addr == addr) return true;
    }
    return false;
  }

  // The clock edge: the served entry marked or popped, the newcomer, then the bank event of
  // the command on the bus (ACT, or a command that closes banks), which applies to the
  // newcomer as to the others (as mc_req_queue's push_open and push_hit do).
  void mark_pre(int pos) { pre_ |= 1u << pos; }
  void mark_act(int pos) { act_ |= 1u << pos; }
  void pop(int pos);
  void bank_event(dram::Command cmd, int bank, std::uint32_t row) {
    if (cmd == dram::Command::ACT || cmd == dram::Command::PRE || cmd == dram::Command::PREA ||
        dram::has_auto_precharge(cmd))
      apply_bank_event(cmd, bank, row);
  }
  // The newcomer is younger than every entry: it goes last.
  void push(const DecodedAddress& d, std::uint64_t addr, std::uint8_t id, bool full,
            std::uint64_t arrival, bool open, bool hit);

 private:
  void apply_bank_event(dram::Command cmd, int bank, std::uint32_t row);
  std::uint32_t members_of(std::uint64_t bank_set) const;  // the entries of these banks
  void classify(int bank);  // banks_, hit_banks_ and miss_banks_ for the bank's members now

  std::array<QueueEntry, kDepth> entry_{};
  std::uint32_t full_ = 0, pre_ = 0, act_ = 0, hit_ = 0, open_ = 0;  // by position
  std::array<std::uint32_t, bank_index::kRanks> rank_{};  // the entries of each rank
  // Per bank (bit b): the positions of its entries (bank_q[i] == b), and whether it has
  // any, any that hits its open row (bank_has_hit_o), any that does not.
  std::array<std::uint32_t, bank_index::kBanks> members_{};
  std::uint64_t banks_ = 0, hit_banks_ = 0, miss_banks_ = 0;
  int count_ = 0;
};

}  // namespace mckit::ctrl
