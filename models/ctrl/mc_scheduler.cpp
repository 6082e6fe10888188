#include "ctrl/mc_scheduler.h"

namespace mckit::ctrl {

using dram::Command;

SchedulerChoice CommandScheduler::choose(CycleClock& clock, const QueueOffer& o, bool from_wq,
                                         bool in_flight_full, const Refresh::PerRank& ref_active,
                                         std::uint64_t ref_banks, const BankTiming& timing,
                                         bool hold_row, bool hold_col) const {
  // FCFS: only the oldest entry goes. Past the age cap the oldest goes first whenever it can;
  // otherwise the others go, kept off its bank by the queue.
  bool col_found = o.col_found, row_found = o.row_found, row_act = o.row_act;
  int col_idx = o.col_idx, row_idx = o.row_idx;
  const bool strict = p_.scheduler == std::uint8_t(Scheduler::Fcfs) ||
                      (o.capped && (o.oldest_col || o.oldest_act || o.oldest_pre));
  if (strict) {
    col_found = o.oldest_col;
    col_idx = row_idx = o.oldest_idx;
    row_act = o.oldest_act;
    row_found = o.oldest_act || o.oldest_pre;
  }
  if (!from_wq && in_flight_full) col_found = false;
  // Nothing on a bus a two-clock command still holds.
  if (hold_col) col_found = false;
  if (hold_row) row_found = false;

  // The first rank whose refresh may go (every owing rank's readiness is evaluated).
  const bool all_bank = p_.ref_kind == std::uint8_t(RefreshKind::AllBank);
  int ref_rank = -1;
  for (int r = bank_index::kRanks - 1; r >= 0; --r)
    if (!hold_row && ref_active[std::size_t(r)] &&
        (all_bank ? timing.refresh_ok(clock, r) : timing.unit_refresh_ok(clock, r, ref_banks)))
      ref_rank = r;

  SchedulerChoice c;
  const bool closed = p_.page_policy == std::uint8_t(PagePolicy::Closed);
  if (ref_rank >= 0 && all_bank) {
    c.cmd = timing.rank_open(ref_rank) ? Command::PREA : Command::REF;
    c.bank = bank_index::first_bank(ref_rank);
  } else if (ref_rank >= 0) {
    // The unit's open banks closed one at a time, then its refresh, named by its first bank.
    const std::uint64_t unit = ref_banks & bank_index::rank_banks(ref_rank);
    const std::uint64_t open = unit & timing.open();
    c.cmd = open ? Command::PRE
            : p_.ref_kind == std::uint8_t(RefreshKind::PerBank) ? Command::REFpb : Command::REFsb;
    c.bank = first_set(open ? open : unit);
  } else if (col_found) {
    c.demand = true;
    c.idx = col_idx;
    if (closed) c.cmd = from_wq ? Command::WRA : Command::RDA;
    else c.cmd = from_wq ? Command::WR : Command::RD;
  } else if (row_found) {
    c.demand = true;
    c.idx = row_idx;
    c.cmd = row_act ? Command::ACT : Command::PRE;
  } else if (p_.page_policy == std::uint8_t(PagePolicy::Adaptive) && !hold_row) {
    // Closing a bank left open and unused for the idle timeout.
    const int idle = timing.first_idle(clock, ~o.bank_has_hit);
    if (idle >= 0) {
      c.cmd = Command::PRE;
      c.bank = idle;
    }
  }
  return c;
}

}  // namespace mckit::ctrl
