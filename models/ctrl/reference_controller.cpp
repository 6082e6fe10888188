#include "ctrl/reference_controller.h"

#include <algorithm>

namespace mckit::ctrl {

namespace {

using dram::Command;

constexpr std::uint64_t kAddrMask = (1ull << ControllerLimits::kAddrBits) - 1;

}  // namespace

ReferenceController::ReferenceController(const dram::DramPreset& preset,
                                         const ControllerConfig& config)
    : p_(derive_controller_params(preset, config)),
      map_(p_),
      timing_(p_),
      refresh_(p_),
      scheduler_(p_),
      prefetch_(p_) {}

// The registers mc_top resets, to their reset values; those it does not reset hold data that
// nothing reads before it is written again. Times kept as cycles (the clock does not restart,
// unlike the RTL's now_q) reset to 0: met at once, as the RTL's zeros are.
void ReferenceController::reset() {
  quiet_ = false;
  fe_valid_ = serve_writes_ = serve_reads_ = false;
  hold_ = hold_col_ = false;
  fwd_ = pf_hit_ = pf_answer_ = false;
  rq_ = RequestQueue{};
  wq_ = RequestQueue{};
  timing_ = BankTiming(p_);
  refresh_ = Refresh(p_);
  scheduler_ = CommandScheduler(p_);
  rsp_ = ResponsePath{};
  prefetch_ = PrefetchUnit(p_);
  dfi_ = dram::DramCommand{};
  dfi_id_ = 0;
  dfi_prefetch_ = false;
  dfi_row_class_ = RowClass::Hit;
}

void ReferenceController::outputs(CoreOutputs& out) const {
  out.command = dfi_;
  out.command.cycle = clock_.now();
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
  out.response_valid = rsp_.valid();
  if (out.response_valid) {
    out.response_id = rsp_.head().id;
    out.response_forwarded = rsp_.head().forwarded;
    out.response_prefetched = rsp_.head().prefetched;
  }
  out.refresh_owed = refresh_.pending();
}

// ---- One cycle ---------------------------------------------------------------------------
void ReferenceController::cycle(const CoreInputs& in, CoreOutputs& out) {
  clock_.begin_cycle();
  outputs(out);

  // Front end: the request in its register against the queues.
  const bool wq_full = wq_.full(), rq_full = rq_.full();
  const bool can_accept_read = rsp_.can_accept();
  const bool rq_match_en = fe_valid_ && fe_write_ && !wq_full;
  const bool wq_match_en = fe_valid_ && (fe_write_ ? !wq_full : can_accept_read);
  const bool rq_match = rq_match_en && rq_.match(fe_addr_) >= 0;
  const int wq_match_pos = wq_match_en ? wq_.match(fe_addr_) : -1;
  const bool wq_match = wq_match_pos >= 0;
  const bool wq_match_full = wq_match && wq_.match_full(wq_match_pos);
  const std::uint8_t wq_match_id = wq_match ? wq_.entry(wq_match_pos).id : 0;
  const bool forward = !fe_write_ && wq_match && wq_match_full;

  // Queues and scheduler: the queue demand comes from offers its entries, given the status of
  // the banks they wait for; the scheduler picks the one command of the cycle.
  const bool rq_capped = rq_.capped(clock_, scheduler_.read_cap(), p_.age_cap);
  const bool wq_capped = wq_.capped(clock_, true, p_.age_cap);
  const bool from_wq =
      scheduler_.from_wq(rq_, wq_, rq_capped, wq_capped, serve_writes_, serve_reads_);
  const RequestQueue& served = from_wq ? wq_ : rq_;
  const BankStatus ok = timing_.status(clock_, served.asked(timing_.open()), from_wq);
  // The banks of each rank's next refresh, and the ranks whose demand waits for it.
  const std::uint64_t bank_used = rq_.bank_used() | wq_.bank_used();
  const std::uint64_t ref_banks = refresh_.banks(bank_used);
  const QueueOffer offer =
      served.offer(ok, refresh_.blocked(ref_banks, timing_.open()),
                   refresh_.blocked_banks(ref_banks), from_wq ? wq_capped : rq_capped);
  // A two-clock command holds its bus this cycle; beside a held row bus (split buses, HBM) the
  // column bus stays free, and the reverse.
  const bool hold_row = hold_ && (!p_.split_bus || !hold_col_);
  const bool hold_col = hold_ && (!p_.split_bus || hold_col_);
  const SchedulerChoice sched =
      scheduler_.choose(clock_, offer, from_wq, rsp_.in_flight_full(), refresh_.active(),
                        ref_banks, timing_, hold_row, hold_col);
  const QueueEntry sel = served.entry(sched.idx);

  // Prefetcher: the head candidate, then the buffer's answers to this cycle's inputs.
  const bool slot_free = sched.cmd == Command::NOP && !hold_row && !hold_col;
  const PrefetchStep pf = prefetch_.step(clock_, slot_free, timing_, rq_, wq_, refresh_.active(),
                                         rsp_.in_flight_full());
  PrefetchPorts ports;
  if (prefetch_.on()) {
    const InFlightRead& flight_head = rsp_.flight_head();
    ports.fill = in.read_data_valid && flight_head.prefetch;
    ports.fill_slot = flight_head.id % ControllerLimits::kPrefetchEntries;  // fill_slot_o's bits
    ports.lookup = wq_match_en && !fe_write_ && !wq_match;
    ports.lookup_addr = fe_addr_;
    ports.lookup_id = fe_id_;
    ports.inval = sched.demand && dram::is_write(sched.cmd);
    ports.inval_addr = sel.addr;
  }
  const PrefetchOut pfo = prefetch_.outputs(pf, ports);

  // The cycle's one command: the scheduler's, or in a slot it leaves empty, the prefetcher's.
  const bool closed_page = p_.page_policy == std::uint8_t(PagePolicy::Closed);
  const bool pf_issue = pf.act || pfo.rd;
  Command cmd = sched.cmd;
  if (pf.act) cmd = Command::ACT;
  if (pfo.rd) cmd = closed_page ? Command::RDA : Command::RD;
  const int cmd_bank = pf_issue ? pf.at.bank : sched.demand ? sel.bank : sched.bank;
  const std::uint32_t cmd_row = pf_issue ? pf.at.row : sched.demand ? sel.row : 0;

  // Front end: a read is answered from a queued full write or from the prefetch buffer, or
  // becomes the waiter of its prefetch in flight, else goes to the read queue.
  const bool take = fe_write_ ? fe_valid_ && !wq_full && !wq_match && !rq_match
                              : fe_valid_ && can_accept_read &&
                                    (forward || pfo.hit || pfo.merge || (!rq_full && !wq_match));
  const bool take_read = take && !fe_write_, take_write = take && fe_write_;
  out.request_ready = !fe_valid_ || take;
  const bool accepted = in.request_valid && out.request_ready;

  // Quiet: no command, nothing taken or answered, no candidate pending (not even a killed one,
  // which leaves in a cycle of its own), so no register but time (and the throttle's credit,
  // which skip_to() follows) changes (the refresh, drain and front-end flags are compared as
  // they are updated below).
  quiet_ = cmd == Command::NOP && !accepted && !take && !in.read_data_valid &&
           !out.response_valid && prefetch_.idle() && !hold_;

  // ---- The clock edge ----
  // Command bus.
  dfi_ = dram::DramCommand{};
  dfi_.cmd = cmd;
  if (cmd != Command::NOP) {
    dfi_.rank = std::uint32_t(bank_index::rank_of(cmd_bank));
    const std::uint32_t in_rank = bank_index::in_rank(cmd_bank);
    dfi_.bank_group = in_rank >> p_.bank_bits;
    dfi_.bank = in_rank & ((1u << p_.bank_bits) - 1);
    if (cmd == Command::ACT || dram::is_column(cmd)) dfi_.row = cmd_row;
    if (dram::is_column(cmd)) dfi_.column = pf_issue ? pf.at.col : sel.col;
  }
  dfi_id_ = pfo.rd ? std::uint8_t(pfo.slot) : sched.demand ? sel.id : 0;
  dfi_prefetch_ = pf_issue;
  dfi_row_class_ = sched.demand && served.needed_pre(sched.idx)   ? RowClass::Conflict
                   : sched.demand && served.needed_act(sched.idx) ? RowClass::Miss
                                                                  : RowClass::Hit;

  // Responses.
  RspPathEdge rsp_edge;
  rsp_edge.rd_issued = dram::is_read(cmd);
  rsp_edge.rd = pfo.rd ? InFlightRead{true, std::uint8_t(pfo.slot)} : InFlightRead{false, sel.id};
  rsp_edge.rsp_taken = out.response_valid && in.response_ready;
  rsp_edge.rddata = in.read_data_valid;
  rsp_edge.fill_answer = pfo.answer;
  rsp_edge.fill_answer_id = pfo.answer_id;
  rsp_edge.accept_read = take_read;
  rsp_edge.answered = forward || pfo.hit;
  rsp_edge.prefetched = pfo.hit;
  rsp_edge.read_id = fe_id_;
  rsp_.clock(rsp_edge);

  prefetch_.clock(pf, pfo, take_read, fe_addr_, fe_id_, fe_stream_);

  // Refresh, from the queues' banks before this edge.
  if (refresh_.clock(dram::is_refresh(cmd), bank_index::rank_of(cmd_bank), bank_used))
    quiet_ = false;

  // Write drain between the watermarks, from the write queue's count before this edge.
  if (scheduler_.clock(wq_.count())) quiet_ = false;

  // Queues: the served entry, the newcomer (with its bank's state before this edge), then the
  // bank event, which applies to the newcomer as to the others (mc_req_queue's push_open and
  // push_hit).
  RequestQueue& sq = from_wq ? wq_ : rq_;
  if (sched.demand && cmd == Command::PRE) sq.mark_pre(sched.idx);
  if (sched.demand && cmd == Command::ACT) sq.mark_act(sched.idx);
  if (sched.demand && dram::is_column(cmd)) sq.pop(sched.idx);
  if ((take_read && !forward && !pfo.hit && !pfo.merge) || take_write) {
    const bool open = timing_.is_open(fe_.bank);
    const bool hit = open && timing_.open_row(fe_.bank) == fe_.row;
    (take_write ? wq_ : rq_).push(fe_, fe_addr_, fe_id_, fe_full_, clock_.now(), open, hit);
  }
  rq_.bank_event(cmd, cmd_bank, cmd_row);
  wq_.bank_event(cmd, cmd_bank, cmd_row);

  timing_.update(clock_.now(), cmd, cmd_bank, cmd_row, ref_banks);
  hold_ = (cmd == Command::ACT && p_.act_two_clock) ||
          (dram::is_column(cmd) && p_.col_two_clock);
  hold_col_ = dram::is_column(cmd);

  // Front end registers.
  const bool serve_writes = fe_valid_ && !take && wq_match;
  const bool serve_reads = fe_valid_ && !take && fe_write_ && rq_match && !wq_match;
  if (serve_writes != serve_writes_ || serve_reads != serve_reads_) quiet_ = false;
  serve_writes_ = serve_writes;
  serve_reads_ = serve_reads;
  fwd_ = take_read && forward;
  fwd_read_id_ = fe_id_;
  fwd_id_ = wq_match_id;
  pf_hit_ = take_read && pfo.hit;
  pf_hit_slot_ = std::uint8_t(pfo.hit_slot);
  pf_answer_ = pfo.answer;
  pf_answer_id_ = pfo.answer_id;
  pf_answer_slot_ = std::uint8_t(pfo.buffer_in.fill_slot);
  if (accepted) {
    fe_stream_ = in.request.stream;
    fe_valid_ = true;
    fe_write_ = in.request.write;
    fe_addr_ = in.request.burst & kAddrMask;
    fe_id_ = in.request.id;
    fe_full_ = (in.request.mask | ~p_.burst_mask) == ~0ull;
    fe_ = map_.decode(fe_addr_);
  } else if (take) {
    fe_valid_ = false;
  }
  clock_.tick();
}

// ---- Quiet stretches ---------------------------------------------------------------------
// In a quiet cycle every decision rests on registers that did not change and on comparisons
// of `now` with fixed cycles; the stretch lasts until the first of those comparisons flips
// (the clock's wake()) or a refresh falls due.
std::uint64_t ReferenceController::quiet_until() const {
  if (!quiet_) return clock_.now();
  return std::min(clock_.wake(), refresh_.next_due(clock_.now()));
}

void ReferenceController::skip_to(std::uint64_t cycle) {
  if (cycle <= clock_.now()) return;
  refresh_.skip(cycle - clock_.now());
  prefetch_.skip(cycle - clock_.now());
  clock_.skip_to(cycle);
}

}  // namespace mckit::ctrl
