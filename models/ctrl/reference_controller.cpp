#include "ctrl/reference_controller.h"

#include <algorithm>
#include <cstring>

namespace mckit::ctrl {

namespace {

using dram::Command;

constexpr int kRankLsb = 5;  // bank index bit of the rank
constexpr std::uint64_t kAddrMask = (1ull << ControllerLimits::kAddrBits) - 1;
constexpr std::uint32_t kRowMask = (1u << ControllerLimits::kRowBits) - 1;
constexpr std::uint32_t kColMask = (1u << ControllerLimits::kColBits) - 1;

std::uint64_t present_banks(const ControllerParams& p) {
  const int per_rank = 1 << (p.bank_bits + p.bg_bits);
  const std::uint64_t rank_banks = per_rank >= 64 ? ~0ull : (1ull << per_rank) - 1;
  return rank_banks | (p.rank_bits ? rank_banks << 32 : 0);
}

int lowest(std::uint64_t v) { return __builtin_ctzll(v); }

bool closes_bank(Command c) {
  return c == Command::PRE || c == Command::RDA || c == Command::WRA;
}

}  // namespace

ReferenceController::ReferenceController(const dram::DramPreset& preset,
                                         const ControllerConfig& config)
    : p_(derive_controller_params(preset, config)),
      present_(present_banks(p_)),
      burst_mask_(p_.burst_mask) {}

// ---- mc_addr_map -------------------------------------------------------------------------
ReferenceController::Decoded ReferenceController::map_address(std::uint64_t burst) const {
  const std::uint64_t addr = burst & kAddrMask;
  const int cb = p_.col_bits, bb = p_.bank_bits, gb = p_.bg_bits, rb = p_.rank_bits;
  int col_sh, bank_sh, bg_sh, rank_sh, row_sh;
  switch (Mapping(p_.mapping)) {
    case Mapping::RoRaBaCoCh:
      col_sh = 0, bank_sh = cb, bg_sh = bank_sh + bb, rank_sh = bg_sh + gb, row_sh = rank_sh + rb;
      break;
    case Mapping::RoBaRaCoBgCh:
      bg_sh = 0, col_sh = gb, rank_sh = col_sh + cb, bank_sh = rank_sh + rb, row_sh = bank_sh + bb;
      break;
    default:
      col_sh = 0, rank_sh = cb, bank_sh = rank_sh + rb, bg_sh = bank_sh + bb, row_sh = bg_sh + gb;
      break;
  }
  const std::uint64_t col = (addr >> col_sh) & ((1ull << cb) - 1);
  std::uint64_t bank = (addr >> bank_sh) & ((1ull << bb) - 1);
  std::uint64_t bg = (addr >> bg_sh) & ((1ull << gb) - 1);
  const std::uint64_t rank = (addr >> rank_sh) & ((1ull << rb) - 1);
  const std::uint64_t row = addr >> row_sh;
  if (p_.xor_hash) {
    bank ^= row & ((1ull << bb) - 1);
    bg ^= (row >> bb) & ((1ull << gb) - 1);
  }
  Decoded d;
  d.bank = std::uint8_t(((rank & 1) << kRankLsb) | (((bg << bb) | bank) & 31));
  d.row = std::uint32_t(row) & kRowMask;
  d.col = std::uint32_t(col << p_.bl_log2) & kColMask;
  return d;
}

// ---- mc_timing: what each bank allows this cycle -----------------------------------------
void ReferenceController::bank_status(bool writes) {
  const std::uint64_t now = now_;
  bool rank_act_ok[kRanks], rank_col_ok[kRanks];
  for (int r = 0; r < kRanks; ++r) {
    rank_act_ok[r] = now >= rank_act_[r] && (faw_seen_[r] != 4 || now >= faw_[r][0] + p_.tfaw);
    rank_col_ok[r] = now >= (writes ? rank_wr_[r] : rank_rd_[r]);
  }
  act_ok_ = pre_ok_ = col_ok_ = 0;
  for (std::uint64_t left = present_; left; left &= left - 1) {
    const int b = lowest(left);
    const int g = b >> 2, r = b >> kRankLsb;
    const std::uint64_t bit = 1ull << b;
    if (now >= bank_act_[std::size_t(b)] && now >= bg_act_[std::size_t(g)] && rank_act_ok[r])
      act_ok_ |= bit;
    if (now >= bank_pre_[std::size_t(b)]) pre_ok_ |= bit;
    if (now >= (writes ? bank_wr_[std::size_t(b)] : bank_rd_[std::size_t(b)]) &&
        now >= (writes ? bg_wr_[std::size_t(g)] : bg_rd_[std::size_t(g)]) && rank_col_ok[r])
      col_ok_ |= bit;
  }
}

// ---- mc_req_queue: what the served queue offers ------------------------------------------
ReferenceController::Offer ReferenceController::examine(const Queue& q, bool writes) const {
  (void)writes;  // col_ok_ already holds RD or WR readiness
  Offer o;
  o.oldest_idx = q.count ? q.order[0] : 0;
  for (std::uint32_t h = q.valid & q.hit; h; h &= h - 1)
    o.bank_has_hit |= 1ull << q.bank[std::size_t(lowest(h))];
  if (q.count == 0) {
    o.capped = p_.scheduler == std::uint8_t(Scheduler::FrFcfsCap) && p_.age_cap == 0;
    return o;
  }
  const int oldest = q.order[0];
  o.capped = p_.scheduler == std::uint8_t(Scheduler::FrFcfsCap) &&
             now_ - q.arrival[std::size_t(oldest)] >= p_.age_cap;
  const int oldest_bank = q.bank[std::size_t(oldest)];
  bool row_idx_found = false;
  for (int k = 0; k < q.count; ++k) {
    const int i = q.order[std::size_t(k)];
    const std::uint32_t bit = 1u << i;
    const int b = q.bank[std::size_t(i)];
    const bool blocked = ref_active_[std::size_t(b >> kRankLsb)];
    const bool open = q.open & bit, hit = q.hit & bit;
    bool ok;
    if (!open) ok = (act_ok_ >> b) & 1;
    else if (!hit) ok = (pre_ok_ >> b) & 1;
    else ok = (col_ok_ >> b) & 1;
    if (blocked || !ok) continue;
    const bool col_ready = hit;
    const bool act_ready = !open;
    const bool pre_ready = open && !hit;
    if (k == 0) {
      o.oldest_col = col_ready;
      o.oldest_act = act_ready;
      o.oldest_pre = pre_ready;
    }
    // Past the age cap no other entry may use the oldest one's bank.
    if (o.capped && k != 0 && b == oldest_bank) continue;
    if (col_ready && !o.col_found) {
      o.col_found = true;
      o.col_idx = i;
    }
    const bool row_ready = act_ready || (pre_ready && !((o.bank_has_hit >> b) & 1));
    if (row_ready && !row_idx_found) {
      row_idx_found = true;
      o.row_idx = i;
      o.row_act = act_ready;
    }
    if (o.col_found && row_idx_found) break;
  }
  o.row_found = row_idx_found;
  return o;
}

// The front end's address check: matching slots; `last` is the highest matching slot.
std::uint32_t ReferenceController::match(const Queue& q, std::uint64_t addr, int& last) const {
  std::uint32_t m = 0;
  for (std::uint32_t v = q.valid; v; v &= v - 1) {
    const int i = lowest(v);
    if (q.addr[std::size_t(i)] == addr) m |= 1u << i;
  }
  last = m ? 31 - __builtin_clz(m) : 0;
  return m;
}

void ReferenceController::queue_events(Queue& q, Command cmd, int bank, std::uint32_t row) {
  const bool act = cmd == Command::ACT, close = closes_bank(cmd), prea = cmd == Command::PREA;
  if (!act && !close && !prea) return;
  for (std::uint32_t v = q.valid; v; v &= v - 1) {
    const int i = lowest(v);
    const std::uint32_t bit = 1u << i;
    const int b = q.bank[std::size_t(i)];
    if (act && b == bank) {
      q.open |= bit;
      if (q.row[std::size_t(i)] == row) q.hit |= bit;
      else q.hit &= ~bit;
    }
    if ((close && b == bank) || (prea && (b >> kRankLsb) == (bank >> kRankLsb))) {
      q.open &= ~bit;
      q.hit &= ~bit;
    }
  }
}

void ReferenceController::push(Queue& q, const Decoded& d, std::uint64_t addr, std::uint8_t id,
                               bool full, std::uint64_t arrival, bool open, bool hit) {
  const int i = lowest(~std::uint64_t(q.valid));  // the lowest free slot
  const std::uint32_t bit = 1u << i;
  q.addr[std::size_t(i)] = addr;
  q.arrival[std::size_t(i)] = arrival;
  q.row[std::size_t(i)] = d.row;
  q.col[std::size_t(i)] = d.col;
  q.id[std::size_t(i)] = id;
  q.bank[std::size_t(i)] = d.bank;
  q.valid |= bit;
  q.full = full ? q.full | bit : q.full & ~bit;
  q.rank1 = (d.bank >> kRankLsb) ? q.rank1 | bit : q.rank1 & ~bit;
  q.open = open ? q.open | bit : q.open & ~bit;
  q.hit = hit ? q.hit | bit : q.hit & ~bit;
  q.pre &= ~bit;
  q.act &= ~bit;
  q.order[std::size_t(q.count++)] = std::uint8_t(i);
}

void ReferenceController::pop(Queue& q, int slot) {
  q.valid &= ~(1u << slot);
  const auto end = q.order.begin() + q.count;
  std::copy(std::find(q.order.begin(), end, std::uint8_t(slot)) + 1, end,
            std::find(q.order.begin(), end, std::uint8_t(slot)));
  --q.count;
}

void ReferenceController::update_timing(Command cmd, int b, std::uint32_t row) {
  const std::uint64_t now = now_;
  const int r = b >> kRankLsb, g = b >> 2;
  const std::size_t bi = std::size_t(b), gi = std::size_t(g), ri = std::size_t(r);
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
      bg_act_[gi] = std::max(bg_act_[gi], now + p_.trrd_l);
      rank_act_[ri] = std::max(rank_act_[ri], now + p_.trrd_s);
      faw_[ri] = {faw_[ri][1], faw_[ri][2], faw_[ri][3], now};
      if (faw_seen_[ri] != 4) ++faw_seen_[ri];
      break;
    case Command::PRE:
      open_ &= ~(1ull << b);
      bank_act_[bi] = std::max(bank_act_[bi], now + p_.trp);
      rank_pre_done_[ri] = std::max(rank_pre_done_[ri], now + p_.trp);
      break;
    case Command::PREA:
      // Every bank of the rank waits tRPab: PREA only precedes a refresh.
      open_ &= ~(0xFFFFFFFFull << (r * kBanksPerRank));
      rank_act_[ri] = std::max(rank_act_[ri], now + p_.trpab);
      rank_pre_done_[ri] = std::max(rank_pre_done_[ri], now + p_.trpab);
      break;
    case Command::REF:
      rank_act_[ri] = std::max(rank_act_[ri], now + p_.trfc);
      rank_ref_[ri] = now + p_.trfc;
      break;
    case Command::RD:
    case Command::RDA:
    case Command::WR:
    case Command::WRA: {
      const bool is_rd = dram::is_read(cmd);
      const std::uint64_t pre_after_col =
          std::max(bank_pre_[bi], is_rd ? now + p_.trtp : now + wr_end + p_.twr);
      bank_used_[bi] = now;
      bank_pre_[bi] = pre_after_col;
      if (dram::has_auto_precharge(cmd)) {
        open_ &= ~(1ull << b);
        bank_act_[bi] = std::max(bank_act_[bi], pre_after_col + p_.trp);
        rank_pre_done_[ri] = std::max(rank_pre_done_[ri], pre_after_col + p_.trp);
      }
      // A burst on another rank starts tRTRS after this one ends (negative offsets clamp).
      const std::uint64_t bl_rtrs = std::uint64_t(p_.tbl) + p_.trtrs;
      const std::uint64_t cl_end = std::uint64_t(p_.tcl) + bl_rtrs;
      const std::uint64_t rd_after = is_rd ? bl_rtrs
                                   : wr_end + p_.trtrs > p_.tcl ? wr_end + p_.trtrs - p_.tcl : 0;
      const std::uint64_t wr_after = !is_rd ? bl_rtrs : cl_end > p_.tcwl ? cl_end - p_.tcwl : 0;
      const std::size_t other = ri ^ 1;
      rank_rd_[other] = std::max(rank_rd_[other], now + rd_after);
      rank_wr_[other] = std::max(rank_wr_[other], now + wr_after);
      if (is_rd) {
        bg_rd_[gi] = std::max(bg_rd_[gi], now + p_.tccd_l);
        rank_rd_[ri] = std::max(rank_rd_[ri], now + p_.tccd_s);
        rank_wr_[ri] = std::max(rank_wr_[ri], now + p_.trtw);
      } else {
        bg_wr_[gi] = std::max(bg_wr_[gi], now + p_.tccd_l_wr);
        rank_wr_[ri] = std::max(rank_wr_[ri], now + p_.tccd_s);
        bg_rd_[gi] = std::max(bg_rd_[gi], now + wr_end + p_.twtr_l);
        rank_rd_[ri] = std::max(rank_rd_[ri], now + wr_end + p_.twtr_s);
      }
      break;
    }
    default:
      break;
  }
}

// ---- One cycle ---------------------------------------------------------------------------
void ReferenceController::cycle(const CoreInputs& in, CoreOutputs& out) {
  // Outputs held in registers.
  out.command = dfi_;
  out.command.cycle = now_;
  out.command_id = dfi_id_;
  out.row_class = dfi_row_class_;
  out.forward = fwd_;
  out.forward_read_id = fwd_read_id_;
  out.forward_write_id = fwd_id_;
  out.response_valid = rsp_count_ > 0;
  if (out.response_valid) {
    out.response_id = rsp_[std::size_t(rsp_head_)].id;
    out.response_forwarded = rsp_[std::size_t(rsp_head_)].forwarded;
  }
  out.refresh_owed = ref_pending_;

  // Front end: the request in its register against the queues.
  const bool wq_full = wq_.count == kDepth, rq_full = rq_.count == kDepth;
  const bool can_accept_read = outstanding_ != kOutstanding;
  const bool rq_match_en = fe_valid_ && fe_write_ && !wq_full;
  const bool wq_match_en = fe_valid_ && (fe_write_ ? !wq_full : can_accept_read);
  int rq_match_slot = 0, wq_match_slot = 0;
  const bool rq_match = rq_match_en && match(rq_, fe_addr_, rq_match_slot);
  const bool wq_match = wq_match_en && match(wq_, fe_addr_, wq_match_slot);
  const bool wq_match_full = wq_match && ((wq_.full >> wq_match_slot) & 1);
  const std::uint8_t wq_match_id = wq_match ? wq_.id[std::size_t(wq_match_slot)] : 0;
  const bool forward = !fe_write_ && wq_match && wq_match_full;
  const bool take = fe_write_ ? fe_valid_ && !wq_full && !wq_match && !rq_match
                              : fe_valid_ && can_accept_read && (forward || (!rq_full && !wq_match));
  const bool take_read = take && !fe_write_, take_write = take && fe_write_;
  out.request_ready = !fe_valid_ || take;
  const bool accepted = in.request_valid && out.request_ready;

  // Scheduler: which queue demand comes from, and the one command of the cycle.
  const bool serve_wq = serve_writes_ || (!serve_reads_ && (draining_ || rq_.count == 0));
  bank_status(serve_wq);
  const Queue& served = serve_wq ? wq_ : rq_;
  const Offer o = examine(served, serve_wq);
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
  if (!serve_wq && flight_count_ == kInFlight) col_found = false;

  bool ref_found = false;
  int ref_rank = 0;
  for (int r = kRanks - 1; r >= 0; --r) {
    const std::uint64_t rank_banks = 0xFFFFFFFFull << (r * kBanksPerRank);
    const bool rank_open = open_ & rank_banks;
    const bool prea_ok = !(open_ & rank_banks & ~pre_ok_);
    const bool ref_ok = !rank_open && now_ >= rank_pre_done_[std::size_t(r)] &&
                        now_ >= rank_ref_[std::size_t(r)];
    if (ref_active_[std::size_t(r)] && (rank_open ? prea_ok : ref_ok)) {
      ref_found = true;
      ref_rank = r;
    }
  }

  Command cmd = Command::NOP;
  bool demand = false;
  int idx = 0, sched_bank = 0;
  if (ref_found) {
    const bool rank_open = open_ & (0xFFFFFFFFull << (ref_rank * kBanksPerRank));
    cmd = rank_open ? Command::PREA : Command::REF;
    sched_bank = ref_rank << kRankLsb;
  } else if (col_found) {
    demand = true;
    idx = col_idx;
    if (p_.page_policy == std::uint8_t(PagePolicy::Closed))
      cmd = serve_wq ? Command::WRA : Command::RDA;
    else
      cmd = serve_wq ? Command::WR : Command::RD;
  } else if (row_found) {
    demand = true;
    idx = row_idx;
    cmd = row_act ? Command::ACT : Command::PRE;
  } else if (p_.page_policy == std::uint8_t(PagePolicy::Adaptive)) {
    // Closing a bank left open and unused for the idle timeout.
    for (std::uint64_t left = open_ & pre_ok_ & ~o.bank_has_hit; left; left &= left - 1) {
      const int b = lowest(left);
      if (now_ - bank_used_[std::size_t(b)] >= p_.idle_timeout) {
        cmd = Command::PRE;
        sched_bank = b;
        break;
      }
    }
  }
  const std::size_t sel = std::size_t(idx);
  const int cmd_bank = demand ? served.bank[sel] : sched_bank;
  const std::uint32_t cmd_row = demand ? served.row[sel] : 0;

  // Quiet: no command, nothing taken or answered, so no register but time changes (the
  // refresh, drain and front-end flags are compared as they are updated below).
  quiet_ = cmd == Command::NOP && !accepted && !take && !in.read_data_valid && rsp_count_ == 0;

  // ---- The clock edge ----
  // Command bus.
  dfi_ = dram::DramCommand{};
  dfi_.cmd = cmd;
  if (cmd != Command::NOP) {
    dfi_.rank = std::uint32_t(cmd_bank >> kRankLsb);
    const std::uint32_t in_rank = std::uint32_t(cmd_bank) & 31;
    dfi_.bank_group = in_rank >> p_.bank_bits;
    dfi_.bank = in_rank & ((1u << p_.bank_bits) - 1);
    if (cmd == Command::ACT || dram::is_column(cmd)) dfi_.row = cmd_row;
    if (dram::is_column(cmd)) dfi_.column = served.col[sel];
  }
  dfi_id_ = demand ? served.id[sel] : 0;
  const std::uint32_t sel_bit = 1u << idx;
  dfi_row_class_ = demand && (served.pre & sel_bit)   ? RowClass::Conflict
                   : demand && (served.act & sel_bit) ? RowClass::Miss
                                                      : RowClass::Hit;

  // Responses: data of the oldest issued read, then a forwarded read, leave in order.
  const bool rd_issued = dram::is_read(cmd);
  if (rd_issued) flight_[std::size_t((flight_head_ + flight_count_++) % kInFlight)] = served.id[sel];
  if (out.response_valid) {
    rsp_head_ = (rsp_head_ + 1) % kOutstanding;
    --rsp_count_;
  }
  if (in.read_data_valid) {
    rsp_[std::size_t((rsp_head_ + rsp_count_++) % kOutstanding)] = {false, flight_[std::size_t(flight_head_)]};
    flight_head_ = (flight_head_ + 1) % kInFlight;
    --flight_count_;
  }
  if (take_read && forward)
    rsp_[std::size_t((rsp_head_ + rsp_count_++) % kOutstanding)] = {true, fe_id_};
  outstanding_ += int(take_read) - int(out.response_valid);

  // Refresh: due every tREFI, forced once `postpone` are owed, else when the rank is idle.
  if (p_.refresh_en) {
    const bool due = since_due_ + 1 == p_.trefi;
    const std::uint32_t used[kRanks] = {(rq_.valid & ~rq_.rank1) | (wq_.valid & ~wq_.rank1),
                                        (rq_.valid & rq_.rank1) | (wq_.valid & wq_.rank1)};
    for (int r = 0; r < kRanks; ++r) {
      std::uint8_t pending = ref_pending_[std::size_t(r)];
      bool active = ref_active_[std::size_t(r)];
      const bool present = r == 0 || p_.rank_bits;
      if (due && present && pending != 0xF) ++pending;
      if (cmd == Command::REF && ref_rank == r) {
        pending = std::uint8_t((pending - 1) & 0xF);
        active = false;
      } else if (pending != 0 && (pending >= p_.ref_postpone || used[r] == 0)) {
        active = true;
      }
      if (pending != ref_pending_[std::size_t(r)] || active != ref_active_[std::size_t(r)])
        quiet_ = false;
      ref_pending_[std::size_t(r)] = pending;
      ref_active_[std::size_t(r)] = active;
    }
    since_due_ = due ? 0 : (since_due_ + 1) & 0xFFFF;
  }

  // Write drain between the watermarks.
  const bool draining = draining_ ? wq_.count > p_.wq_low : wq_.count >= p_.wq_high;
  if (draining != draining_) quiet_ = false;
  draining_ = draining;

  // Queues: the served entry, the bank events, the newcomer.
  Queue& sq = serve_wq ? wq_ : rq_;
  if (demand && cmd == Command::PRE) sq.pre |= sel_bit;
  if (demand && cmd == Command::ACT) sq.act |= sel_bit;
  if (demand && dram::is_column(cmd)) pop(sq, idx);
  queue_events(rq_, cmd, cmd_bank, cmd_row);
  queue_events(wq_, cmd, cmd_bank, cmd_row);
  if ((take_read && !forward) || take_write) {
    bool open = (open_ >> fe_.bank) & 1;
    bool hit = open && open_row_[fe_.bank] == fe_.row;
    if (cmd == Command::ACT && fe_.bank == cmd_bank) {
      open = true;
      hit = fe_.row == cmd_row;
    }
    if ((closes_bank(cmd) && fe_.bank == cmd_bank) ||
        (cmd == Command::PREA && (fe_.bank >> kRankLsb) == (cmd_bank >> kRankLsb)))
      open = hit = false;
    push(take_write ? wq_ : rq_, fe_, fe_addr_, fe_id_, fe_full_, now_, open, hit);
  }

  update_timing(cmd, cmd_bank, cmd_row);

  // Front end registers.
  const bool serve_writes = fe_valid_ && !take && wq_match;
  const bool serve_reads = fe_valid_ && !take && fe_write_ && rq_match && !wq_match;
  if (serve_writes != serve_writes_ || serve_reads != serve_reads_) quiet_ = false;
  serve_writes_ = serve_writes;
  serve_reads_ = serve_reads;
  fwd_ = take_read && forward;
  fwd_read_id_ = fe_id_;
  fwd_id_ = wq_match_id;
  if (accepted) {
    fe_valid_ = true;
    fe_write_ = in.request.write;
    fe_addr_ = in.request.burst & kAddrMask;
    fe_id_ = in.request.id;
    fe_full_ = (in.request.mask | ~burst_mask_) == ~0ull;
    fe_ = map_address(fe_addr_);
  } else if (take) {
    fe_valid_ = false;
  }
  ++now_;
}

// ---- Quiet stretches ---------------------------------------------------------------------
// In a quiet cycle every decision rests on registers that did not change and on comparisons
// of `now` with fixed cycles; the stretch lasts until the first of those comparisons flips.
std::uint64_t ReferenceController::quiet_until() const {
  if (!quiet_) return now_;
  std::uint64_t until = UINT64_MAX;
  const auto consider = [&](std::uint64_t at) {
    if (at >= now_ && at < until) until = at;
  };
  for (std::uint64_t left = present_; left; left &= left - 1) {
    const std::size_t b = std::size_t(lowest(left));
    consider(bank_act_[b]);
    consider(bank_pre_[b]);
    consider(bank_rd_[b]);
    consider(bank_wr_[b]);
    if (p_.page_policy == std::uint8_t(PagePolicy::Adaptive) && ((open_ >> b) & 1))
      consider(bank_used_[b] + p_.idle_timeout);
  }
  for (std::size_t g = 0; g < std::size_t(kGroups); ++g) {
    consider(bg_act_[g]);
    consider(bg_rd_[g]);
    consider(bg_wr_[g]);
  }
  for (std::size_t r = 0; r < std::size_t(kRanks); ++r) {
    consider(rank_act_[r]);
    consider(rank_rd_[r]);
    consider(rank_wr_[r]);
    consider(rank_ref_[r]);
    consider(rank_pre_done_[r]);
    if (faw_seen_[r] == 4) consider(faw_[r][0] + p_.tfaw);
  }
  if (p_.scheduler == std::uint8_t(Scheduler::FrFcfsCap)) {
    for (const Queue* q : {&rq_, &wq_})
      if (q->count) consider(q->arrival[q->order[0]] + p_.age_cap);
  }
  if (p_.refresh_en && since_due_ < p_.trefi) consider(now_ + (p_.trefi - 1 - since_due_));
  return until;
}

void ReferenceController::skip_to(std::uint64_t cycle) {
  if (cycle <= now_) return;
  if (p_.refresh_en) since_due_ = std::uint32_t((since_due_ + (cycle - now_)) & 0xFFFF);
  now_ = cycle;
}

}  // namespace mckit::ctrl
