// mc_top: the DRAM memory controller. A front end takes one request a cycle (one burst),
// checks it against the queued requests (a read that finds a queued full write is answered
// from it; other same-address cases wait, so no read ever sees stale data), and files it in
// the read or write queue. The scheduler issues at most one command a cycle on the DFI-like
// command bus, registered, with the bank machines keeping every timing. Read data return
// through dfi_rddata_valid_i and leave as responses. Data itself lives in a buffer beside
// the controller, indexed by the request id: WR commands, forwards and responses carry it.
// Timings, policies and the address mapping are run-time inputs. A prefetcher (mc_prefetch)
// fills command slots demand leaves empty; a demand read that finds its burst prefetched is
// answered from the prefetch buffer, or from the fill of its prefetch still in flight. The
// buffer's data live beside the controller too, indexed by slot: prefetch RDs name their
// slot on dfi_id_o, and req_pf_hit_o / req_pf_answer_o say which slot answers which read.
module mc_top #(
  parameter int unsigned QueueDepth = 32,     // entries of the read and of the write queue
  parameter int unsigned InFlightReads = 16,  // reads issued and awaiting data; power of two
  parameter int unsigned PrefetchEntries = 32,  // prefetch buffer slots; power of two
  localparam int unsigned SlotW = $clog2(PrefetchEntries),
  localparam int unsigned CntW = $clog2(QueueDepth + 1)
) (
  input  logic clk_i,
  input  logic rst_ni,

  // Run-time configuration: mapping, policies, timings, prefetcher, wait bound; generated from
  // models/ctrl/controller_fields.json (docs/fields.md).
`include "mc_top_cfg_ports.svh"

  // Front end: requests.
  input  logic                         req_valid_i,
  output logic                         req_ready_o,
  input  logic                         req_write_i,
  input  logic [mc_pkg::AddrW-1:0]     req_addr_i,    // burst address
  input  logic [mc_pkg::IdW-1:0]       req_id_i,
  input  logic [mc_pkg::StreamW-1:0]   req_stream_i,
  input  logic [63:0]                  req_wmask_i,   // bytes of the burst written
  output logic                         req_fwd_o,          // read req_fwd_read_id_o is answered
  output logic [mc_pkg::IdW-1:0]       req_fwd_read_id_o,  // from the data of the queued write
  output logic [mc_pkg::IdW-1:0]       req_fwd_id_o,       // req_fwd_id_o
  output logic                         req_pf_hit_o,       // read req_fwd_read_id_o is answered
  output logic [SlotW-1:0]             req_pf_slot_o,      // from this prefetch buffer slot
  output logic                         req_pf_answer_o,    // read req_pf_answer_id_o, which
  output logic [mc_pkg::IdW-1:0]       req_pf_answer_id_o, // waited for a prefetch, is answered
  output logic [SlotW-1:0]             req_pf_answer_slot_o, // from this slot's fill
  // Front end: read responses.
  output logic                         rsp_valid_o,
  input  logic                         rsp_ready_i,
  output logic [mc_pkg::IdW-1:0]       rsp_id_o,
  output logic                         rsp_forwarded_o,  // answered from a queued write
  output logic                         rsp_prefetched_o, // answered from the prefetch buffer

  // DFI-like command bus, one command a cycle.
  output mc_pkg::cmd_e                 dfi_cmd_o,
  output logic [mc_pkg::RankW-1:0]     dfi_rank_o,
  output logic [mc_pkg::BgW-1:0]       dfi_bg_o,
  output logic [mc_pkg::BankW-1:0]     dfi_bank_o,
  output logic [mc_pkg::RowW-1:0]      dfi_row_o,
  output logic [mc_pkg::ColW-1:0]      dfi_col_o,
  output logic [mc_pkg::IdW-1:0]       dfi_id_o,      // the request a RD/WR serves, or the
                                                      // slot a prefetch RD fills
  output logic                         dfi_prefetch_o,  // the command is a prefetch's
  output mc_pkg::row_class_e           dfi_row_class_o, // of a RD/WR
  input  logic                         dfi_rddata_valid_i,

  // Status.
  output logic [CntW-1:0]            rq_count_o,
  output logic [CntW-1:0]            wq_count_o,
  output logic                         draining_o,
  output logic [8*mc_pkg::NumRanks-1:0] ref_pending_o,  // refreshes owed, 8 bits a rank
  // Prefetch counters (pf_buffer's).
  output logic [31:0] pf_issued_o,
  output logic [31:0] pf_useful_o,
  output logic [31:0] pf_late_o,
  output logic [31:0] pf_evicted_unused_o
);
  localparam int unsigned IdxW = $clog2(QueueDepth);
  localparam int unsigned RankLsb = mc_pkg::BankIdxW - mc_pkg::RankW;

  logic [mc_pkg::TimeW-1:0] now_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) now_q <= '0;
    else now_q <= now_q + 1'b1;
  end

  // Configuration registers cfg, t, pf_cfg and wait_bound, generated from
  // models/ctrl/controller_fields.json (docs/fields.md).
`include "mc_top_cfg_regs.svh"

  // ---- Front end ------------------------------------------------------------------------
  // A request is taken into a one-entry register; the next cycle it is checked against the
  // queues and filed (or answered, or held while a same-address request is ahead of it).
  logic fe_valid_q, fe_write_q, fe_full_q;
  logic [mc_pkg::AddrW-1:0] fe_addr_q;
  logic [mc_pkg::IdW-1:0] fe_id_q;
  logic [mc_pkg::StreamW-1:0] fe_stream_q;
  logic [mc_pkg::BankIdxW-1:0] fe_bank;
  logic [mc_pkg::RowW-1:0] fe_row;
  logic [mc_pkg::ColW-1:0] fe_col;
  mc_pkg::entry_t fe_entry;

  mc_addr_map u_addr_map (
    .addr_i(fe_addr_q),
    .mapping_i(cfg.mapping),
    .xor_i(cfg.xor_hash),
    .col_bits_i(cfg.col_bits),
    .bl_log2_i(cfg.bl_log2),
    .bank_bits_i(cfg.bank_bits),
    .bg_bits_i(cfg.bg_bits),
    .rank_bits_i(cfg.rank_bits),
    .bank_o(fe_bank),
    .row_o(fe_row),
    .col_o(fe_col)
  );

  always_comb begin
    fe_entry.addr = fe_addr_q;
    fe_entry.id = fe_id_q;
    fe_entry.stream = fe_stream_q;
    fe_entry.bank = fe_bank;
    fe_entry.row = fe_row;
    fe_entry.col = fe_col;
    fe_entry.full = fe_full_q;
    fe_entry.needed_pre = 1'b0;
    fe_entry.needed_act = 1'b0;
    fe_entry.arrival = now_q;
  end

  logic rq_match, rq_match_full, wq_match, wq_match_full;
  logic [mc_pkg::IdW-1:0] rq_match_id, wq_match_id;
  logic rq_full, wq_full, can_accept_read;
  logic forward, take, take_read, take_write;
  logic rq_match_en, wq_match_en;
  logic pf_lookup, pf_hit, pf_merge;
  logic [SlotW-1:0] pf_hit_slot;

  // Address checks only when their answer can matter: a write needs room in the write queue,
  // a read needs a response credit; a read never waits on a queued read.
  assign rq_match_en = fe_valid_q && fe_write_q && !wq_full;
  assign wq_match_en = fe_valid_q && (fe_write_q ? !wq_full : can_accept_read);
  logic serve_writes_q, serve_reads_q;

  // A read that finds no queued write to its address asks the prefetch buffer, and a demand
  // write makes it forget the address; both only with a prefetcher on (without one the
  // buffer stays empty, and a simulator skips its searches).
  logic pf_on;
  assign pf_on = pf_cfg.kind != mc_pkg::PF_NONE;
  assign pf_lookup = pf_on && wq_match_en && !fe_write_q && !wq_match;

  always_comb begin
    // A read finding a queued full write is answered from it; a read finding a partial write,
    // or a write finding any queued request to its address, waits until that one is issued.
    // A read finding its burst prefetched is answered from the buffer, or from the fill of
    // its prefetch in flight.
    forward = !fe_write_q && wq_match && wq_match_full;
    if (fe_write_q) take = fe_valid_q && !wq_full && !wq_match && !rq_match;
    else take = fe_valid_q && can_accept_read &&
                (forward || pf_hit || pf_merge || (!rq_full && !wq_match));
    take_read = take && !fe_write_q;
    take_write = take && fe_write_q;
    req_ready_o = !fe_valid_q || take;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      fe_valid_q <= 1'b0;
      serve_writes_q <= 1'b0;
      serve_reads_q <= 1'b0;
      req_fwd_o <= 1'b0;
      req_pf_hit_o <= 1'b0;
    end else begin
      if (req_valid_i && req_ready_o) fe_valid_q <= 1'b1;
      else if (take) fe_valid_q <= 1'b0;
      // A request held up by a queued one asks the scheduler to serve that queue.
      serve_writes_q <= fe_valid_q && !take && wq_match;
      serve_reads_q <= fe_valid_q && !take && fe_write_q && rq_match && !wq_match;
      req_fwd_o <= take_read && forward;
      req_pf_hit_o <= take_read && pf_hit;
    end
  end

  always_ff @(posedge clk_i) begin
    if (req_valid_i && req_ready_o) begin
      fe_write_q <= req_write_i;
      fe_addr_q <= req_addr_i;
      fe_id_q <= req_id_i;
      fe_stream_q <= req_stream_i;
      fe_full_q <= &(req_wmask_i | ~cfg.burst_mask);
    end
    req_fwd_read_id_o <= fe_id_q;
    req_fwd_id_o <= wq_match_id;
    req_pf_slot_o <= pf_hit_slot;
  end

  // ---- Bank machines, refresh, queues, scheduler -------------------------------------------
  mc_pkg::cmd_e cmd, sched_cmd;
  logic [mc_pkg::BankIdxW-1:0] cmd_bank;
  logic [mc_pkg::RowW-1:0] cmd_row;
  logic [mc_pkg::NumBanks-1:0] open, act_ok, pre_ok, col_ok, idle;
  logic [mc_pkg::NumRanks-1:0] rank_open, prea_ok, ref_ok, ref_active, ref_block, unit_ref_ok;
  logic [mc_pkg::NumBanks-1:0] ref_banks, ref_block_banks, rq_bank_used, wq_bank_used;
  logic [mc_pkg::RowW-1:0] lookup_row;
  logic [mc_pkg::NumBanks/2-1:0] rank_banks;
  logic [mc_pkg::NumBanks-1:0] bank_present;
  logic [5:0] banks_per_rank;
  assign banks_per_rank = 6'd1 << ({1'b0, cfg.bank_bits} + {1'b0, cfg.bg_bits});
  assign rank_banks = ~({(mc_pkg::NumBanks / 2){1'b1}} << banks_per_rank);
  assign bank_present = {cfg.rank_bits ? rank_banks : '0, rank_banks};
  logic [8*mc_pkg::NumRanks-1:0] ref_pending;

  mc_timing u_timing (
    .clk_i, .rst_ni,
    .now_i(now_q),
    .t_i(t),
    .present_i(bank_present),
    .adaptive_i(cfg.page_policy == mc_pkg::PAGE_ADAPTIVE),
    .writes_i(sched_from_wq),
    .idle_timeout_i(cfg.idle_timeout),
    .cmd_i(cmd),
    .bank_i(cmd_bank),
    .row_i(cmd_row),
    .ref_banks_i(ref_banks),
    .open_o(open),
    .act_ok_o(act_ok),
    .pre_ok_o(pre_ok),
    .col_ok_o(col_ok),
    .idle_o(idle),
    .rank_open_o(rank_open),
    .prea_ok_o(prea_ok),
    .ref_ok_o(ref_ok),
    .unit_ref_ok_o(unit_ref_ok),
    .lookup_bank_i(fe_bank),
    .lookup_row_o(lookup_row),
    .pf_bank_i(pf_bank),
    .pf_row_o(pf_bank_row),
    .pf_rd_ok_o(pf_rd_ok)
  );

  mc_refresh u_refresh (
    .clk_i, .rst_ni,
    .enable_i(cfg.refresh_en),
    .present_i({cfg.rank_bits, 1'b1}),
    .refi_i(t.refi),
    .postpone_i(cfg.ref_postpone),
    .kind_i(cfg.ref_kind),
    .units_i(cfg.ref_units),
    .pair_i(cfg.ref_pair),
    .bg_bits_i(cfg.bg_bits),
    .bank_used_i(rq_bank_used | wq_bank_used),
    .open_i(open),
    .ref_issued_i(cmd == mc_pkg::CMD_REF || cmd == mc_pkg::CMD_REFPB || cmd == mc_pkg::CMD_REFSB),
    .ref_rank_i(cmd_bank[RankLsb +: mc_pkg::RankW]),
    .active_o(ref_active),
    .block_o(ref_block),
    .block_banks_o(ref_block_banks),
    .banks_o(ref_banks),
    .pending_o(ref_pending)
  );

  logic push_hit;
  assign push_hit = open[fe_bank] && lookup_row == fe_row;

  logic sched_from_wq, sched_demand;
  logic [IdxW-1:0] sched_idx;
  logic [mc_pkg::BankIdxW-1:0] sched_bank;
  mc_pkg::entry_t rq_sel, wq_sel, sel;
  logic evt_act, evt_close, evt_close_rank, is_col;

  logic rq_col_found, rq_row_found, rq_row_act, rq_oldest_col, rq_oldest_act, rq_oldest_pre;
  logic wq_col_found, wq_row_found, wq_row_act, wq_oldest_col, wq_oldest_act, wq_oldest_pre;
  logic [IdxW-1:0] rq_col_idx, rq_row_idx, rq_oldest_idx, wq_col_idx, wq_row_idx, wq_oldest_idx;
  logic [mc_pkg::NumBanks-1:0] rq_has_hit, wq_has_hit;
  logic [CntW-1:0] rq_count;
  logic [CntW-1:0] wq_count;
  logic rq_capped, wq_capped;
  logic [mc_pkg::TimeW-1:0] rq_oldest_arrival, wq_oldest_arrival;
  // FR-FCFS alone gives no read the cap: its oldest read may wait behind row hits.
  logic rq_cap_en;
  assign rq_cap_en = cfg.scheduler != mc_pkg::SCHED_FRFCFS;

  always_comb begin
    is_col = cmd == mc_pkg::CMD_RD || cmd == mc_pkg::CMD_RDA ||
             cmd == mc_pkg::CMD_WR || cmd == mc_pkg::CMD_WRA;
    evt_act = cmd == mc_pkg::CMD_ACT;
    evt_close = cmd == mc_pkg::CMD_PRE || cmd == mc_pkg::CMD_RDA || cmd == mc_pkg::CMD_WRA;
    evt_close_rank = cmd == mc_pkg::CMD_PREA;
  end

  // A two-clock command holds its bus the next cycle; beside a held row bus (split buses, HBM)
  // the column bus stays free, and the reverse.
  logic hold_q, hold_col_q, hold_row, hold_col;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      hold_q <= 1'b0;
      hold_col_q <= 1'b0;
    end else begin
      hold_q <= (evt_act && cfg.act_two_clock) || (is_col && cfg.col_two_clock);
      hold_col_q <= is_col;
    end
  end
  assign hold_row = hold_q && (!cfg.split_bus || !hold_col_q);
  assign hold_col = hold_q && (!cfg.split_bus || hold_col_q);

  mc_req_queue #(.Depth(QueueDepth)) u_read_queue (
    .clk_i, .rst_ni,
    .now_i(now_q),
    .push_i(take_read && !forward && !pf_hit && !pf_merge),
    .push_entry_i(fe_entry),
    .push_open_i(open[fe_bank]),
    .push_hit_i(push_hit),
    .pop_i(sched_demand && !sched_from_wq && is_col),
    .mark_pre_i(sched_demand && !sched_from_wq && cmd == mc_pkg::CMD_PRE),
    .mark_act_i(sched_demand && !sched_from_wq && cmd == mc_pkg::CMD_ACT),
    .sel_idx_i(sched_idx),
    .sel_entry_o(rq_sel),
    .act_i(evt_act),
    .close_i(evt_close),
    .close_rank_i(evt_close_rank),
    .evt_bank_i(cmd_bank),
    .evt_row_i(cmd_row),
    .act_ok_i(act_ok),
    .pre_ok_i(pre_ok),
    .col_ok_i(col_ok),
    .rank_blocked_i(ref_block),
    .bank_blocked_i(ref_block_banks),
    .cap_en_i(rq_cap_en),
    .age_cap_i(cfg.age_cap),
    .served_i(!sched_from_wq),
    .col_found_o(rq_col_found),
    .col_idx_o(rq_col_idx),
    .row_found_o(rq_row_found),
    .row_idx_o(rq_row_idx),
    .row_act_o(rq_row_act),
    .oldest_idx_o(rq_oldest_idx),
    .oldest_col_o(rq_oldest_col),
    .oldest_act_o(rq_oldest_act),
    .oldest_pre_o(rq_oldest_pre),
    .bank_has_hit_o(rq_has_hit),
    .bank_used_o(rq_bank_used),
    .probe_en_i(pf_valid),
    .probe_bank_i(pf_bank),
    .probe_row_i(pf_row),
    .probe_addr_i(pf_addr),
    .probe_hit_o(rq_pf_probe),
    .count_o(rq_count),
    .full_o(rq_full),
    .capped_o(rq_capped),
    .oldest_arrival_o(rq_oldest_arrival),
    .match_en_i(rq_match_en),
    .match_addr_i(fe_addr_q),
    .match_o(rq_match),
    .match_full_o(rq_match_full),
    .match_id_o(rq_match_id)
  );

  mc_req_queue #(.Depth(QueueDepth)) u_write_queue (
    .clk_i, .rst_ni,
    .now_i(now_q),
    .push_i(take_write),
    .push_entry_i(fe_entry),
    .push_open_i(open[fe_bank]),
    .push_hit_i(push_hit),
    .pop_i(sched_demand && sched_from_wq && is_col),
    .mark_pre_i(sched_demand && sched_from_wq && cmd == mc_pkg::CMD_PRE),
    .mark_act_i(sched_demand && sched_from_wq && cmd == mc_pkg::CMD_ACT),
    .sel_idx_i(sched_idx),
    .sel_entry_o(wq_sel),
    .act_i(evt_act),
    .close_i(evt_close),
    .close_rank_i(evt_close_rank),
    .evt_bank_i(cmd_bank),
    .evt_row_i(cmd_row),
    .act_ok_i(act_ok),
    .pre_ok_i(pre_ok),
    .col_ok_i(col_ok),
    .rank_blocked_i(ref_block),
    .bank_blocked_i(ref_block_banks),
    .cap_en_i(1'b1),  // writes have the cap under every scheduler
    .age_cap_i(cfg.age_cap),
    .served_i(sched_from_wq),
    .col_found_o(wq_col_found),
    .col_idx_o(wq_col_idx),
    .row_found_o(wq_row_found),
    .row_idx_o(wq_row_idx),
    .row_act_o(wq_row_act),
    .oldest_idx_o(wq_oldest_idx),
    .oldest_col_o(wq_oldest_col),
    .oldest_act_o(wq_oldest_act),
    .oldest_pre_o(wq_oldest_pre),
    .bank_has_hit_o(wq_has_hit),
    .bank_used_o(wq_bank_used),
    .probe_en_i(pf_valid),
    .probe_bank_i(pf_bank),
    .probe_row_i(pf_row),
    .probe_addr_i(pf_addr),
    .probe_hit_o(wq_pf_probe),
    .count_o(wq_count),
    .full_o(wq_full),
    .capped_o(wq_capped),
    .oldest_arrival_o(wq_oldest_arrival),
    .match_en_i(wq_match_en),
    .match_addr_i(fe_addr_q),
    .match_o(wq_match),
    .match_full_o(wq_match_full),
    .match_id_o(wq_match_id)
  );

  logic in_flight_full;

  mc_scheduler #(.Depth(QueueDepth)) u_scheduler (
    .clk_i, .rst_ni,
    .scheduler_i(cfg.scheduler),
    .page_policy_i(cfg.page_policy),
    .ref_kind_i(cfg.ref_kind),
    .wq_high_i(cfg.wq_high[CntW-1:0]),
    .wq_low_i(cfg.wq_low[CntW-1:0]),
    .rq_col_found_i(rq_col_found), .wq_col_found_i(wq_col_found),
    .rq_col_idx_i(rq_col_idx), .wq_col_idx_i(wq_col_idx),
    .rq_row_found_i(rq_row_found), .wq_row_found_i(wq_row_found),
    .rq_row_idx_i(rq_row_idx), .wq_row_idx_i(wq_row_idx),
    .rq_row_act_i(rq_row_act), .wq_row_act_i(wq_row_act),
    .rq_oldest_idx_i(rq_oldest_idx), .wq_oldest_idx_i(wq_oldest_idx),
    .rq_oldest_col_i(rq_oldest_col), .wq_oldest_col_i(wq_oldest_col),
    .rq_oldest_act_i(rq_oldest_act), .wq_oldest_act_i(wq_oldest_act),
    .rq_oldest_pre_i(rq_oldest_pre), .wq_oldest_pre_i(wq_oldest_pre),
    .rq_count_i(rq_count), .wq_count_i(wq_count),
    .rq_capped_i(rq_capped), .wq_capped_i(wq_capped),
    .rq_oldest_arrival_i(rq_oldest_arrival), .wq_oldest_arrival_i(wq_oldest_arrival),
    .serve_writes_i(serve_writes_q),
    .serve_reads_i(serve_reads_q),
    .in_flight_full_i(in_flight_full),
    .ref_active_i(ref_active),
    .rank_open_i(rank_open),
    .prea_ok_i(prea_ok),
    .ref_ok_i(ref_ok),
    .unit_ref_ok_i(unit_ref_ok),
    .ref_banks_i(ref_banks),
    .open_i(open),
    .idle_i(idle),
    .pre_ok_i(pre_ok),
    .bank_has_hit_i(rq_has_hit | wq_has_hit),
    .hold_row_i(hold_row),
    .hold_col_i(hold_col),
    .cmd_o(sched_cmd),
    .from_wq_o(sched_from_wq),
    .idx_o(sched_idx),
    .demand_o(sched_demand),
    .bank_o(sched_bank),
    .draining_o(draining_o)
  );

  assign sel = sched_from_wq ? wq_sel : rq_sel;

  // ---- Prefetcher -----------------------------------------------------------------------
  logic [mc_pkg::BankIdxW-1:0] pf_bank;
  logic [mc_pkg::RowW-1:0] pf_bank_row, pf_row;
  logic [mc_pkg::AddrW-1:0] pf_addr;
  logic pf_valid;
  logic [mc_pkg::ColW-1:0] pf_col;
  logic pf_rd_ok, rq_pf_probe, wq_pf_probe, pf_act, pf_rd, pf_fill, pf_answer;
  logic [mc_pkg::IdW-1:0] pf_answer_id;
  logic [SlotW-1:0] pf_slot;
  logic [SlotW-1:0] fill_slot;
  mc_pkg::cmd_e pf_cmd;

  mc_prefetch #(.Entries(PrefetchEntries)) u_prefetch (
    .clk_i, .rst_ni,
    .pf_cfg_i(pf_cfg),
    .cfg_i(cfg),
    .tbl_i(t.bl),
    .lookup_i(pf_lookup),
    .lookup_addr_i(fe_addr_q),
    .lookup_id_i(fe_id_q),
    .hit_o(pf_hit),
    .merge_o(pf_merge),
    .hit_slot_o(pf_hit_slot),
    .obs_valid_i(take_read),
    .obs_stream_i(fe_stream_q),
    .inval_i(pf_on && sched_demand &&
             (sched_cmd == mc_pkg::CMD_WR || sched_cmd == mc_pkg::CMD_WRA)),
    .inval_addr_i(sel.addr),
    .fill_i(pf_fill),
    .fill_slot_i(fill_slot),
    .answer_o(pf_answer),
    .answer_id_o(pf_answer_id),
    .slot_free_i(sched_cmd == mc_pkg::CMD_NOP && !hold_row && !hold_col),
    .rq_count_i({{(8 - CntW){1'b0}}, rq_count}),
    .open_i(open),
    .act_ok_i(act_ok),
    .ref_active_i(ref_active),
    .in_flight_full_i(in_flight_full),
    .bank_o(pf_bank),
    .bank_row_i(pf_bank_row),
    .rd_ok_i(pf_rd_ok),
    .probe_hit_i(rq_pf_probe || wq_pf_probe),
    .valid_o(pf_valid),
    .addr_o(pf_addr),
    .act_o(pf_act),
    .rd_o(pf_rd),
    .cmd_o(pf_cmd),
    .row_o(pf_row),
    .col_o(pf_col),
    .slot_o(pf_slot),
    .cnt_issued_o(pf_issued_o),
    .cnt_useful_o(pf_useful_o),
    .cnt_late_o(pf_late_o),
    .cnt_evicted_unused_o(pf_evicted_unused_o)
  );

  // A read that waited for a prefetch is answered with its fill's data.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) req_pf_answer_o <= 1'b0;
    else req_pf_answer_o <= pf_answer;
  end
  always_ff @(posedge clk_i) begin
    req_pf_answer_id_o <= pf_answer_id;
    req_pf_answer_slot_o <= fill_slot;
  end

  // The cycle's one command: the scheduler's, or in a slot it leaves empty, the prefetcher's.
  logic pf_issue;
  assign pf_issue = pf_act || pf_rd;
  assign cmd = pf_issue ? pf_cmd : sched_cmd;
  assign cmd_bank = pf_issue ? pf_bank : sched_demand ? sel.bank : sched_bank;
  assign cmd_row = pf_issue ? pf_row : sel.row;

  // ---- Responses ------------------------------------------------------------------------
  mc_rsp_path #(.Outstanding(QueueDepth), .InFlight(InFlightReads), .SlotW(SlotW)) u_rsp_path (
    .clk_i, .rst_ni,
    .accept_read_i(take_read),
    .answered_i(forward || pf_hit),
    .prefetched_i(pf_hit),
    .read_id_i(fe_id_q),
    .can_accept_o(can_accept_read),
    .rd_issued_i(cmd == mc_pkg::CMD_RD || cmd == mc_pkg::CMD_RDA),
    .rd_prefetch_i(pf_rd),
    .rd_id_i(pf_rd ? {{(mc_pkg::IdW - SlotW){1'b0}}, pf_slot} : sel.id),
    .in_flight_full_o(in_flight_full),
    .rddata_valid_i(dfi_rddata_valid_i),
    .fill_o(pf_fill),
    .fill_slot_o(fill_slot),
    .fill_answer_i(pf_answer),
    .fill_answer_id_i(pf_answer_id),
    .rsp_valid_o(rsp_valid_o),
    .rsp_ready_i(rsp_ready_i),
    .rsp_id_o(rsp_id_o),
    .rsp_forwarded_o(rsp_forwarded_o),
    .rsp_prefetched_o(rsp_prefetched_o)
  );

  // ---- Registered command bus -----------------------------------------------------------
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      dfi_cmd_o <= mc_pkg::CMD_NOP;
      dfi_rank_o <= '0;
      dfi_bg_o <= '0;
      dfi_bank_o <= '0;
      dfi_row_o <= '0;
      dfi_col_o <= '0;
      dfi_id_o <= '0;
      dfi_prefetch_o <= 1'b0;
      dfi_row_class_o <= mc_pkg::ROW_HIT;
    end else begin
      dfi_cmd_o <= cmd;
      {dfi_rank_o, dfi_bg_o, dfi_bank_o} <= cmd_bank;
      dfi_row_o <= cmd_row;
      dfi_col_o <= pf_issue ? pf_col : sel.col;
      // The request the command serves (or the prefetch slot a RD fills); none for a refresh,
      // PREA or idle PRE (whose `sel` is whatever entry sits at index 0, and would name a
      // request it does not serve).
      dfi_id_o <= pf_rd ? {{(mc_pkg::IdW - SlotW){1'b0}}, pf_slot} : sched_demand ? sel.id : '0;
      dfi_prefetch_o <= pf_issue;
      dfi_row_class_o <= pf_issue || !sched_demand ? mc_pkg::ROW_HIT
                       : sel.needed_pre ? mc_pkg::ROW_CONFLICT
                       : sel.needed_act ? mc_pkg::ROW_MISS : mc_pkg::ROW_HIT;
    end
  end

  assign rq_count_o = rq_count;
  assign wq_count_o = wq_count;
  assign ref_pending_o = ref_pending;

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  // The response ring of mc_rsp_path (QueueDepth entries), its in-flight ring and the prefetch
  // buffer index by wrapping pointers.
  `MC_ASSERT_PARAM(QueueDepthPow2_A, QueueDepth >= 2 && (QueueDepth & (QueueDepth - 1)) == 0)
  `MC_ASSERT_PARAM(InFlightReadsPow2_A,
                   InFlightReads >= 2 && (InFlightReads & (InFlightReads - 1)) == 0)
  `MC_ASSERT_PARAM(PrefetchEntriesPow2_A,
                   PrefetchEntries >= 2 && (PrefetchEntries & (PrefetchEntries - 1)) == 0)
  // Queue counts travel in the 8-bit fields of mc_pkg::cfg_t and pf_cfg_t (watermarks,
  // pressure, the prefetcher's read-queue count).
  `MC_ASSERT_PARAM(QueueCountFitsCfg_A, CntW <= 8)
  // A prefetch RD names its buffer slot on dfi_id_o.
  `MC_ASSERT_PARAM(PrefetchSlotFitsId_A, SlotW <= mc_pkg::IdW)
  // Two ranks: ref_pending_o, the refresh's present_i and the queues' rank bits.
  `MC_ASSERT_PARAM(TwoRanks_A, mc_pkg::RankW == 1)

  // The prefetcher issues only in a slot the scheduler leaves empty.
  `MC_ASSERT(OneCommandPerCycle_A, !pf_issue || sched_cmd == mc_pkg::CMD_NOP)

  // Bounded waits (docs/controller.md): no request waits more than wait_bound cycles from its
  // acceptance to its column command on the bus. Checked on each queue's oldest entry (the
  // arrival stamps are ordered as the ages), where the bound holds: every write, and reads
  // where their age cap applies. An entry is filed at the earliest the cycle after its
  // acceptance and its column command is on the bus at the earliest the cycle after the last
  // cycle it is queued: it waits at least its age in the queue plus 2, which must not pass the
  // bound. (The check is exact for a request filed at once; one held in the front end has
  // waited longer than the check counts.)
  logic wait_bounded;
  logic [mc_pkg::TimeW-1:0] wait_limit;  // wait_bound, as wide as the stamps
  assign wait_bounded = wait_bound != '1;
  assign wait_limit = {{(mc_pkg::TimeW - 32){1'b0}}, wait_bound};
  `MC_ASSERT(ReadWaitWithinBound_A, !wait_bounded || !rq_cap_en || rq_count == '0 ||
                                    now_q - rq_oldest_arrival + 2 <= wait_limit)
  `MC_ASSERT(WriteWaitWithinBound_A, !wait_bounded || wq_count == '0 ||
                                     now_q - wq_oldest_arrival + 2 <= wait_limit)

endmodule
