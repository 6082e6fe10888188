#include "ctrl/reference_controller.h"

#include <algorithm>
#include <cstring>

namespace mckit::ctrl {

namespace {

using dram::Command;

constexpr int kRankLsb = AddressMap::kRankLsb;
constexpr std::uint64_t kAddrMask = (1ull << ControllerLimits::kAddrBits) - 1;

int lowest(std::uint64_t v) { return __builtin_ctzll(v); }

// mc_timing's later(): the later of two cycles.
std::uint64_t later(std::uint64_t a, std::uint64_t b) { return a > b ? a : b; }

bool closes_bank(Command c) {
  return c == Command::PRE || c == Command::RDA || c == Command::WRA;
}

}  // namespace

ReferenceController::ReferenceController(const dram::DramPreset& preset,
                                         const ControllerConfig& config)
    : p_(derive_controller_params(preset, config)),
      burst_mask_(p_.burst_mask),
      map_(p_),
      predictor_(make_predictor()),
      credit_cost_(std::uint32_t(p_.tbl) * 100),
      credit_cap_(4 * credit_cost_) {}

std::unique_ptr<Prefetcher> ReferenceController::make_predictor() const {
  return make_prefetcher(PrefetcherKind(p_.pf_kind),
                         PrefetcherConfig{true, p_.pf_distance, p_.pf_degree, p_.pf_threshold});
}

// The registers mc_top resets, to their reset values; those it does not reset hold data that
// nothing reads before it is written again. Times kept as cycles (`now_` does not restart,
// unlike the RTL's now_q) reset to 0: met at once, as the RTL's zeros are.
void ReferenceController::reset() {
  quiet_ = false;
  fe_valid_ = serve_writes_ = serve_reads_ = false;
  fwd_ = pf_hit_ = pf_answer_ = false;
  rq_ = Queue{};
  wq_ = Queue{};
  draining_ = false;
  open_ = 0;
  for (auto* times : {&bank_act_, &bank_pre_, &bank_rd_, &bank_wr_, &bank_used_}) times->fill(0);
  for (auto* times : {&bg_act_, &bg_rd_, &bg_wr_}) times->fill(0);
  for (auto* times : {&rank_act_, &rank_rd_, &rank_wr_, &rank_ref_, &rank_pre_done_})
    times->fill(0);
  faw_ = {};
  faw_seen_ = {};
  since_due_ = 0;
  ref_pending_ = {};
  ref_active_ = {};
  predictor_ = make_predictor();
  buffer_ = PrefetchBuffer{};
  waiting_ = {};
  credit_ = 0;
  flight_head_ = flight_count_ = 0;
  rsp_head_ = rsp_count_ = 0;
  outstanding_ = 0;
  dfi_ = dram::DramCommand{};
  dfi_id_ = 0;
  dfi_prefetch_ = false;
  dfi_row_class_ = RowClass::Hit;
}

// A comparison of `now` with a fixed cycle, as the RTL makes it. Each one the cycle's
// decisions rest on goes through here, so that the first cycle at which one of them would
// come out otherwise is known (wake_): until then a quiet cycle repeats itself. (Once
// reached, a cycle stays reached; a comparison skipped because an earlier one in a
// conjunction failed can matter no sooner than that one flips.)
bool ReferenceController::reached(std::uint64_t at) {
  if (now_ >= at) return true;
  wake_ = std::min(wake_, at);
  return false;
}

// ---- mc_timing: what each bank allows this cycle -----------------------------------------
// The banks of `banks` whose constraint, met from cycle from(b) on, is met now: reached() for
// each, without a branch per bank.
template <typename From>
std::uint64_t ReferenceController::allowed(std::uint64_t banks, From from) {
  std::uint64_t ok = 0, wake = wake_;
  for (std::uint64_t left = banks; left; left &= left - 1) {
    const int b = lowest(left);
    const std::uint64_t at = from(std::size_t(b));
    const bool met = now_ >= at;
    ok |= std::uint64_t(met) << b;
    wake = std::min(wake, met ? UINT64_MAX : at);
  }
  wake_ = wake;
  return ok;
}

// Only for the banks and commands asked about (the RTL evaluates all; the others are not
// looked at). A bank allows a command once its own, its bank group's and its rank's
// constraints are all met, that is from the latest of them on.
ReferenceController::BankStatus ReferenceController::bank_status(const BankStatus& asked,
                                                                 bool writes) {
  std::uint64_t rank_act_from[kRanks], rank_col_from[kRanks];
  for (std::size_t r = 0; r < std::size_t(kRanks); ++r) {
    const std::uint64_t faw_from = faw_seen_[r] == 4 ? faw_[r][0] + p_.tfaw : 0;  // tFAW
    rank_act_from[r] = later(rank_act_[r], faw_from);
    rank_col_from[r] = writes ? rank_wr_[r] : rank_rd_[r];
  }
  const auto& bank_col = writes ? bank_wr_ : bank_rd_;
  const auto& bg_col = writes ? bg_wr_ : bg_rd_;
  BankStatus ok;
  ok.act = allowed(asked.act, [&](std::size_t b) {
    return later(bank_act_[b], later(bg_act_[b >> 2], rank_act_from[b >> kRankLsb]));
  });
  ok.pre = precharge_ok(asked.pre);
  ok.col = allowed(asked.col, [&](std::size_t b) {
    return later(bank_col[b], later(bg_col[b >> 2], rank_col_from[b >> kRankLsb]));
  });
  return ok;
}

// pre_ok_o of the given banks.
std::uint64_t ReferenceController::precharge_ok(std::uint64_t banks) {
  return allowed(banks, [&](std::size_t b) { return bank_pre_[b]; });
}

// ---- mc_req_queue: what the served queue offers ------------------------------------------
// The RTL's whole-vector logic over entries. The per-entry gathers from per-bank signals
// (ok_e from the bank status, pre_polite from bank_has_hit_o) go through the banks' members.
// The bank status is needed only for the command each bank's entries wait for: an entry's
// open_q bit is its bank's open bit (both follow the same commands), so the entries of a
// closed bank wait for an ACT, those of an open bank for a PRE or, hitting, a column command.
ReferenceController::Offer ReferenceController::examine(const Queue& q, bool writes,
                                                        bool oldest_capped) {
  BankStatus asked;
  asked.act = q.banks & ~open_;
  asked.pre = q.miss_banks & open_;
  asked.col = q.hit_banks;
  const BankStatus ok = bank_status(asked, writes);
  const std::uint32_t ok_e = (~q.open & q.members_of(ok.act)) |
                             (q.open & ~q.hit & q.members_of(ok.pre)) |
                             (q.hit & q.members_of(ok.col));
  const std::uint32_t usable = q.valid() & ~(ref_active_[1] ? q.rank1 : 0) &
                               ~(ref_active_[0] ? ~q.rank1 : 0);
  std::uint32_t col_ready = usable & q.hit & ok_e;
  const std::uint32_t act_ready = usable & ~q.open & ok_e;
  const std::uint32_t pre_ready = usable & q.open & ~q.hit & ok_e;
  const std::uint32_t pre_polite = pre_ready & ~q.members_of(ok.pre & q.hit_banks);
  std::uint32_t row_ready = act_ready | pre_polite;

  Offer o;
  o.bank_has_hit = q.hit_banks;
  o.capped = oldest_capped;
  if (o.capped) {
    // No entry but the oldest may use the oldest one's bank, nor send a burst to the other
    // rank (the oldest is at position 0, whose rank bit tells its rank).
    const std::uint32_t others = q.members[q.entry[0].bank] & ~1u;
    const std::uint32_t other_rank = (q.rank1 & 1) ? ~q.rank1 : q.rank1;
    col_ready &= ~(others | other_rank);
    row_ready &= ~others;
  }
  o.col_found = col_ready != 0;
  o.row_found = row_ready != 0;
  o.col_idx = o.col_found ? lowest(col_ready) : 0;
  o.row_idx = o.row_found ? lowest(row_ready) : 0;
  o.row_act = (act_ready >> o.row_idx) & 1;
  o.oldest_idx = 0;
  o.oldest_col = col_ready & 1;
  o.oldest_act = act_ready & 1;
  o.oldest_pre = pre_ready & 1;
  return o;
}

// capped_o: the queue's oldest entry has waited the age cap, where the cap applies.
bool ReferenceController::capped(const Queue& q, bool cap_en) {
  return cap_en && q.count && reached(q.entry[0].arrival + p_.age_cap);
}

// The prefetcher's probe (probe_hit_o): an entry of `bank` wants another row than `row`, or
// holds `addr`.
bool ReferenceController::probe_hit(const Queue& q, int bank, std::uint32_t row,
                                    std::uint64_t addr) {
  for (std::uint32_t left = q.members[std::size_t(bank)]; left; left &= left - 1) {
    const Entry& e = q.entry[std::size_t(lowest(left))];
    if (e.row != row || e.addr == addr) return true;
  }
  return false;
}

// The front end's address check (match_o): the position of an entry holding `addr`, or -1.
int ReferenceController::match(const Queue& q, std::uint64_t addr) {
  for (int k = 0; k < q.count; ++k)
    if (q.entry[std::size_t(k)].addr == addr) return k;
  return -1;
}

std::uint32_t ReferenceController::Queue::members_of(std::uint64_t bank_set) const {
  std::uint32_t m = 0;
  for (std::uint64_t left = bank_set; left; left &= left - 1)
    m |= members[std::size_t(lowest(left))];
  return m;
}

void ReferenceController::Queue::classify(int bank) {
  const std::uint32_t m = members[std::size_t(bank)];
  const std::uint64_t bit = 1ull << bank;
  const auto set = [bit](std::uint64_t& v, bool on) { v = on ? v | bit : v & ~bit; };
  set(banks, m != 0);
  set(hit_banks, (m & hit) != 0);
  set(miss_banks, (m & ~hit) != 0);
}

// The queue's open/hit bits after this cycle's bank event (open_d, hit_d).
void ReferenceController::queue_events(Queue& q, Command cmd, int bank, std::uint32_t row) {
  if (cmd == Command::ACT) {
    const std::uint32_t m = q.members[std::size_t(bank)];
    std::uint32_t hit = 0;
    for (std::uint32_t left = m; left; left &= left - 1) {
      const int k = lowest(left);
      if (q.entry[std::size_t(k)].row == row) hit |= 1u << k;
    }
    q.open |= m;
    q.hit = (q.hit & ~m) | hit;
    q.classify(bank);
  } else if (closes_bank(cmd)) {
    const std::uint32_t m = q.members[std::size_t(bank)];
    q.open &= ~m;
    q.hit &= ~m;
    q.classify(bank);
  } else if (cmd == Command::PREA) {
    const int rank = bank >> kRankLsb;
    const std::uint32_t m = rank ? q.rank1 : q.valid() & ~q.rank1;
    q.open &= ~m;
    q.hit &= ~m;
    for (std::uint64_t left = q.banks & (0xFFFFFFFFull << (rank * kBanksPerRank)); left;
         left &= left - 1)
      q.classify(lowest(left));
  }
}

// The newcomer is younger than every entry: it goes last.
void ReferenceController::push(Queue& q, const DecodedAddress& d, std::uint64_t addr,
                               std::uint8_t id, bool full, std::uint64_t arrival, bool open,
                               bool hit) {
  const int k = q.count++;
  const std::uint32_t bit = 1u << k;
  q.entry[std::size_t(k)] = Entry{addr, arrival, d.row, d.col, id, d.bank};
  const auto set = [bit](std::uint32_t& v, bool on) { v = on ? v | bit : v & ~bit; };
  set(q.full, full);
  set(q.rank1, d.bank >> kRankLsb);
  set(q.open, open);
  set(q.hit, hit);
  set(q.pre, false);
  set(q.act, false);
  q.members[d.bank] |= bit;
  q.classify(d.bank);
}

// The served entry leaves; the younger ones move up a position, keeping their order.
void ReferenceController::pop(Queue& q, int pos) {
  const int bank = q.entry[std::size_t(pos)].bank;
  std::copy(q.entry.begin() + pos + 1, q.entry.begin() + q.count, q.entry.begin() + pos);
  const std::uint32_t below = (1u << pos) - 1;
  const auto squeeze = [below](std::uint32_t& v) { v = (v & below) | ((v >> 1) & ~below); };
  squeeze(q.full);
  squeeze(q.pre);
  squeeze(q.act);
  squeeze(q.hit);
  squeeze(q.open);
  squeeze(q.rank1);
  for (std::uint64_t left = q.banks; left; left &= left - 1)
    squeeze(q.members[std::size_t(lowest(left))]);
  q.classify(bank);
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
      bg_act_[gi] = later(bg_act_[gi], now + p_.trrd_l);
      rank_act_[ri] = later(rank_act_[ri], now + p_.trrd_s);
      faw_[ri] = {faw_[ri][1], faw_[ri][2], faw_[ri][3], now};
      if (faw_seen_[ri] != 4) ++faw_seen_[ri];
      break;
    case Command::PRE:
      open_ &= ~(1ull << b);
      bank_act_[bi] = later(bank_act_[bi], now + p_.trp);
      rank_pre_done_[ri] = later(rank_pre_done_[ri], now + p_.trp);
      break;
    case Command::PREA:
      // Every bank of the rank waits tRPab: PREA only precedes a refresh.
      open_ &= ~(0xFFFFFFFFull << (r * kBanksPerRank));
      rank_act_[ri] = later(rank_act_[ri], now + p_.trpab);
      rank_pre_done_[ri] = later(rank_pre_done_[ri], now + p_.trpab);
      break;
    case Command::REF:
      rank_act_[ri] = later(rank_act_[ri], now + p_.trfc);
      rank_ref_[ri] = now + p_.trfc;
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
        bank_act_[bi] = later(bank_act_[bi], pre_after_col + p_.trp);
        rank_pre_done_[ri] = later(rank_pre_done_[ri], pre_after_col + p_.trp);
      }
      // A burst on another rank starts tRTRS after this one ends (negative offsets clamp).
      const std::uint64_t bl_rtrs = std::uint64_t(p_.tbl) + p_.trtrs;
      const std::uint64_t cl_end = std::uint64_t(p_.tcl) + bl_rtrs;
      const std::uint64_t rd_after = is_rd ? bl_rtrs
                                   : wr_end + p_.trtrs > p_.tcl ? wr_end + p_.trtrs - p_.tcl : 0;
      const std::uint64_t wr_after = !is_rd ? bl_rtrs : cl_end > p_.tcwl ? cl_end - p_.tcwl : 0;
      const std::size_t other = ri ^ 1;
      rank_rd_[other] = later(rank_rd_[other], now + rd_after);
      rank_wr_[other] = later(rank_wr_[other], now + wr_after);
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

// ---- mc_prefetch: the head candidate ------------------------------------------------------
ReferenceController::PrefetchStep ReferenceController::prefetch_step(Command sched_cmd) {
  PrefetchStep s;
  if (!predictor_) return s;
  s.addr = predictor_->candidate();
  if (!s.addr) return s;
  const std::uint64_t a = *s.addr;
  s.at = map_.decode(a);
  const int b = s.at.bank;
  const bool open = (open_ >> b) & 1;
  s.drop = (a >> p_.pf_addr_bits) != 0 || buffer_.holds(a) || probe_hit(rq_, b, s.at.row, a) ||
           probe_hit(wq_, b, s.at.row, a) || rq_.count >= p_.pf_pressure ||
           (open && open_row_[std::size_t(b)] != s.at.row);
  const bool go = !s.drop && sched_cmd == Command::NOP && !ref_active_[std::size_t(b >> kRankLsb)] &&
                  credit_ >= credit_cost_;
  if (!go) return s;
  BankStatus asked;
  (open ? asked.col : asked.act) = 1ull << b;
  const BankStatus ok = bank_status(asked, false);
  s.act = !open && ok.act;
  s.try_rd = open && ok.col && flight_count_ != kInFlight;
  return s;
}

// ---- One cycle ---------------------------------------------------------------------------
void ReferenceController::cycle(const CoreInputs& in, CoreOutputs& out) {
  wake_ = UINT64_MAX;
  // Outputs held in registers.
  out.command = dfi_;
  out.command.cycle = now_;
  out.command_id = dfi_id_;
  out.command_prefetch = dfi_prefetch_;
  out.row_class = dfi_row_class_;
  out.forward = fwd_;
  out.forward_read_id = fwd_read_id_;
  out.forward_write_id = fwd_id_;
  out.prefetch_hit = pf_hit_;
  out.prefetch_slot = pf_hit_slot_;
  out.prefetch_answer = pf_answer_;
  out.prefetch_answer_id = pf_answer_id_;
  out.prefetch_answer_slot = pf_answer_slot_;
  out.response_valid = rsp_count_ > 0;
  if (out.response_valid) {
    out.response_id = rsp_[std::size_t(rsp_head_)].id;
    out.response_forwarded = rsp_[std::size_t(rsp_head_)].forwarded;
    out.response_prefetched = rsp_[std::size_t(rsp_head_)].prefetched;
  }
  out.refresh_owed = ref_pending_;

  // Front end: the request in its register against the queues.
  const bool wq_full = wq_.count == kDepth, rq_full = rq_.count == kDepth;
  const bool can_accept_read = outstanding_ != kOutstanding;
  const bool rq_match_en = fe_valid_ && fe_write_ && !wq_full;
  const bool wq_match_en = fe_valid_ && (fe_write_ ? !wq_full : can_accept_read);
  const bool rq_match = rq_match_en && match(rq_, fe_addr_) >= 0;
  const int wq_match_pos = wq_match_en ? match(wq_, fe_addr_) : -1;
  const bool wq_match = wq_match_pos >= 0;
  const bool wq_match_full = wq_match && ((wq_.full >> wq_match_pos) & 1);
  const std::uint8_t wq_match_id = wq_match ? wq_.entry[std::size_t(wq_match_pos)].id : 0;
  const bool forward = !fe_write_ && wq_match && wq_match_full;

  // Scheduler: which queue demand comes from (a queue past the age cap first, the older
  // one when both are; writes have the cap under every scheduler, reads not under FR-FCFS),
  // and the one command of the cycle.
  const bool rq_capped = capped(rq_, p_.scheduler != std::uint8_t(Scheduler::FrFcfs));
  const bool wq_capped = capped(wq_, true);
  bool serve_wq;
  if (rq_capped && wq_capped) serve_wq = wq_.entry[0].arrival < rq_.entry[0].arrival;
  else if (rq_capped || wq_capped) serve_wq = wq_capped;
  else serve_wq = serve_writes_ || (!serve_reads_ && (draining_ || rq_.count == 0));
  const Queue& served = serve_wq ? wq_ : rq_;
  const Offer o = examine(served, serve_wq, serve_wq ? wq_capped : rq_capped);
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
    const std::size_t ri = std::size_t(r);
    if (!ref_active_[ri]) continue;
    const std::uint64_t open_banks = open_ & (0xFFFFFFFFull << (r * kBanksPerRank));
    // prea_ok_o while a bank of the rank is open, else ref_ok_o.
    const bool ready = open_banks ? precharge_ok(open_banks) == open_banks
                                  : reached(rank_pre_done_[ri]) && reached(rank_ref_[ri]);
    if (ready) {
      ref_found = true;
      ref_rank = r;
    }
  }

  Command sched_cmd = Command::NOP;
  bool demand = false;
  int idx = 0, sched_bank = 0;
  if (ref_found) {
    const bool rank_open = open_ & (0xFFFFFFFFull << (ref_rank * kBanksPerRank));
    sched_cmd = rank_open ? Command::PREA : Command::REF;
    sched_bank = ref_rank << kRankLsb;
  } else if (col_found) {
    demand = true;
    idx = col_idx;
    if (p_.page_policy == std::uint8_t(PagePolicy::Closed))
      sched_cmd = serve_wq ? Command::WRA : Command::RDA;
    else
      sched_cmd = serve_wq ? Command::WR : Command::RD;
  } else if (row_found) {
    demand = true;
    idx = row_idx;
    sched_cmd = row_act ? Command::ACT : Command::PRE;
  } else if (p_.page_policy == std::uint8_t(PagePolicy::Adaptive)) {
    // Closing a bank left open and unused for the idle timeout.
    for (std::uint64_t left = open_ & ~o.bank_has_hit; left; left &= left - 1) {
      const int b = lowest(left);
      if (reached(bank_pre_[std::size_t(b)]) &&
          reached(bank_used_[std::size_t(b)] + p_.idle_timeout)) {
        sched_cmd = Command::PRE;
        sched_bank = b;
        break;
      }
    }
  }
  const std::size_t sel = std::size_t(idx);
  const Entry sel_entry = served.entry[sel];

  // Prefetcher: the head candidate, then the buffer's answers to this cycle's inputs (a
  // read that finds no queued write asks for its burst; one that finds it in flight waits
  // for the fill, unless another read does already).
  const PrefetchStep pf = prefetch_step(sched_cmd);
  const InFlightRead& flight_head = flight_[std::size_t(flight_head_)];
  PfBufferIn bin;
  bool pf_rd = false, pf_hit = false, pf_merge = false, pf_answer = false;
  std::uint8_t pf_answer_id = 0;
  unsigned pf_slot = 0, pf_hit_slot = 0;
  if (predictor_) {
    bin.alloc = pf.try_rd;
    bin.alloc_addr = pf.addr.value_or(0);
    bin.fill = in.read_data_valid && flight_head.prefetch;
    bin.fill_slot = flight_head.id % ControllerLimits::kPrefetchEntries;  // fill_slot_o's bits
    bin.lookup = wq_match_en && !fe_write_ && !wq_match;
    bin.lookup_addr = fe_addr_;
    bin.inval = demand && dram::is_write(sched_cmd);
    bin.inval_addr = sel_entry.addr;
    bin.has = pf.addr.has_value();
    bin.has_addr = bin.alloc_addr;
    const PfBufferOut bout = buffer_.outputs(bin);
    pf_rd = pf.try_rd && bout.alloc_ok;
    pf_slot = bout.alloc_slot;
    pf_hit = bout.hit;
    pf_merge = bout.late && !waiting_[bout.hit_slot];
    pf_hit_slot = bout.hit_slot;
    bin.count_late = pf_merge;
    const std::size_t filled = bin.fill_slot;
    pf_answer = bin.fill && (waiting_[filled] || (pf_merge && pf_hit_slot == filled));
    pf_answer_id = waiting_[filled] ? waiter_[filled] : fe_id_;
  }
  const bool pf_issue = pf.act || pf_rd;
  Command cmd = sched_cmd;
  if (pf.act) cmd = Command::ACT;
  if (pf_rd)
    cmd = p_.page_policy == std::uint8_t(PagePolicy::Closed) ? Command::RDA : Command::RD;
  const int cmd_bank = pf_issue ? pf.at.bank : demand ? sel_entry.bank : sched_bank;
  const std::uint32_t cmd_row = pf_issue ? pf.at.row : demand ? sel_entry.row : 0;

  // Front end: a read is answered from a queued full write or from the prefetch buffer, or
  // becomes the waiter of its prefetch in flight, else goes to the read queue.
  const bool take = fe_write_ ? fe_valid_ && !wq_full && !wq_match && !rq_match
                              : fe_valid_ && can_accept_read &&
                                    (forward || pf_hit || pf_merge || (!rq_full && !wq_match));
  const bool take_read = take && !fe_write_, take_write = take && fe_write_;
  out.request_ready = !fe_valid_ || take;
  const bool accepted = in.request_valid && out.request_ready;

  // Quiet: no command, nothing taken or answered, no candidate pending (not even a killed one,
  // which leaves in a cycle of its own), so no register but time (and the throttle's credit,
  // which skip_to() follows) changes (the refresh, drain and front-end flags are compared as
  // they are updated below).
  quiet_ = cmd == Command::NOP && !accepted && !take && !in.read_data_valid && rsp_count_ == 0 &&
           (!predictor_ || predictor_->idle());

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
    if (dram::is_column(cmd)) dfi_.column = pf_issue ? pf.at.col : sel_entry.col;
  }
  dfi_id_ = pf_rd ? std::uint8_t(pf_slot) : demand ? sel_entry.id : 0;
  dfi_prefetch_ = pf_issue;
  const std::uint32_t sel_bit = 1u << idx;
  dfi_row_class_ = demand && (served.pre & sel_bit)   ? RowClass::Conflict
                   : demand && (served.act & sel_bit) ? RowClass::Miss
                                                      : RowClass::Hit;

  // Responses: data of the oldest issued read (unless a prefetch's, which fill its slot), then
  // a read answered at once, leave in order; the head leaves when the requester takes it.
  if (dram::is_read(cmd))
    flight_[std::size_t((flight_head_ + flight_count_++) % kInFlight)] =
        pf_rd ? InFlightRead{true, std::uint8_t(pf_slot)} : InFlightRead{false, sel_entry.id};
  const bool rsp_taken = out.response_valid && in.response_ready;
  if (rsp_taken) {
    rsp_head_ = (rsp_head_ + 1) % kOutstanding;
    --rsp_count_;
  }
  if (in.read_data_valid) {
    if (pf_answer)
      rsp_[std::size_t((rsp_head_ + rsp_count_++) % kOutstanding)] = {false, true, pf_answer_id};
    else if (!flight_head.prefetch)
      rsp_[std::size_t((rsp_head_ + rsp_count_++) % kOutstanding)] = {false, false, flight_head.id};
    flight_head_ = (flight_head_ + 1) % kInFlight;
    --flight_count_;
  }
  if (take_read && (forward || pf_hit))
    rsp_[std::size_t((rsp_head_ + rsp_count_++) % kOutstanding)] = {!pf_hit, pf_hit, fe_id_};
  outstanding_ += int(take_read) - int(rsp_taken);

  // Prefetcher: the buffer, the waiters, the throttle's credit, the predictor (the next-line
  // one learns from the reads no prefetch served; every accepted read kills its burst's
  // pending candidates).
  if (predictor_) {
    buffer_.clock(bin);
    if (pf_merge) {
      waiting_[pf_hit_slot] = true;
      waiter_[pf_hit_slot] = fe_id_;
    }
    if (bin.fill) waiting_[bin.fill_slot] = false;
    credit_ = std::min(credit_ + p_.pf_throttle, credit_cap_) - (pf_rd ? credit_cost_ : 0);
    if (take_read && !(p_.pf_kind == std::uint8_t(PrefetcherKind::NextLine) && (pf_hit || pf_merge)))
      predictor_->observe(fe_addr_, fe_stream_);
    if (take_read) predictor_->kill(fe_addr_);
    predictor_->clock(pf.drop || pf_rd);
  }

  // Refresh: due every tREFI, forced once `postpone` are owed, else when the rank is idle.
  if (p_.refresh_en) {
    const bool due = since_due_ + 1 == p_.trefi;
    const std::uint32_t used[kRanks] = {(rq_.valid() & ~rq_.rank1) | (wq_.valid() & ~wq_.rank1),
                                        (rq_.valid() & rq_.rank1) | (wq_.valid() & wq_.rank1)};
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
  if ((take_read && !forward && !pf_hit && !pf_merge) || take_write) {
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
  pf_hit_ = take_read && pf_hit;
  pf_hit_slot_ = std::uint8_t(pf_hit_slot);
  pf_answer_ = pf_answer;
  pf_answer_id_ = pf_answer_id;
  pf_answer_slot_ = std::uint8_t(bin.fill_slot);
  if (accepted) {
    fe_stream_ = in.request.stream;
    fe_valid_ = true;
    fe_write_ = in.request.write;
    fe_addr_ = in.request.burst & kAddrMask;
    fe_id_ = in.request.id;
    fe_full_ = (in.request.mask | ~burst_mask_) == ~0ull;
    fe_ = map_.decode(fe_addr_);
  } else if (take) {
    fe_valid_ = false;
  }
  ++now_;
}

// ---- Quiet stretches ---------------------------------------------------------------------
// In a quiet cycle every decision rests on registers that did not change and on comparisons
// of `now` with fixed cycles; the stretch lasts until the first of those comparisons flips
// (wake_) or a refresh falls due.
std::uint64_t ReferenceController::quiet_until() const {
  if (!quiet_) return now_;
  std::uint64_t until = wake_;
  if (p_.refresh_en && since_due_ < p_.trefi)
    until = std::min(until, now_ + (p_.trefi - 1 - since_due_));
  return until;
}

void ReferenceController::skip_to(std::uint64_t cycle) {
  if (cycle <= now_) return;
  if (p_.refresh_en) since_due_ = std::uint32_t((since_due_ + (cycle - now_)) & 0xFFFF);
  if (predictor_)
    credit_ = std::uint32_t(std::min<std::uint64_t>(credit_ + (cycle - now_) * p_.pf_throttle,
                                                    credit_cap_));
  now_ = cycle;
}

}  // namespace mckit::ctrl
