// mc_scheduler: picks the one command of this cycle, none on a bus a two-clock command still
// holds. In order: the refresh of a rank that owes one (PREA, then REF; per-bank and
// same-bank: a PRE per open bank of the unit, then REFpb or REFsb); a demand column command; a
// demand ACT or PRE; under the adaptive page policy, closing a bank left idle. Demand comes
// from a queue whose oldest entry waited past the age cap (the older one when both did), so no request waits without bound;
// otherwise from the read queue unless the write queue is draining (between its watermarks),
// reads are absent, or a front-end hazard waits on a queued write.
module mc_scheduler #(
  parameter int unsigned Depth = 32,
  localparam int unsigned IdxW = $clog2(Depth),
  localparam int unsigned CntW = $clog2(Depth + 1)
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  mc_pkg::scheduler_e   scheduler_i,
  input  mc_pkg::page_policy_e page_policy_i,
  input  mc_pkg::ref_kind_e    ref_kind_i,
  input  logic [CntW-1:0]      wq_high_i,
  input  logic [CntW-1:0]      wq_low_i,

  // Per queue: its oldest entry ready for a column / row command, and its oldest entry.
  input  logic            rq_col_found_i, wq_col_found_i,
  input  logic [IdxW-1:0] rq_col_idx_i, wq_col_idx_i,
  input  logic            rq_row_found_i, wq_row_found_i,
  input  logic [IdxW-1:0] rq_row_idx_i, wq_row_idx_i,
  input  logic            rq_row_act_i, wq_row_act_i,
  input  logic [IdxW-1:0] rq_oldest_idx_i, wq_oldest_idx_i,
  input  logic            rq_oldest_col_i, wq_oldest_col_i,
  input  logic            rq_oldest_act_i, wq_oldest_act_i,
  input  logic            rq_oldest_pre_i, wq_oldest_pre_i,
  input  logic            rq_capped_i, wq_capped_i,  // the oldest waited past the age cap
  input  logic [mc_pkg::TimeW-1:0] rq_oldest_arrival_i, wq_oldest_arrival_i,
  input  logic [CntW-1:0]  rq_count_i, wq_count_i,
  input  logic             serve_writes_i,  // a front-end request waits on a queued write
  input  logic             serve_reads_i,   // a front-end write waits on a queued read
  input  logic             in_flight_full_i,

  input  logic [mc_pkg::NumRanks-1:0] ref_active_i,
  input  logic [mc_pkg::NumRanks-1:0] rank_open_i,
  input  logic [mc_pkg::NumRanks-1:0] prea_ok_i,
  input  logic [mc_pkg::NumRanks-1:0] ref_ok_i,
  input  logic [mc_pkg::NumRanks-1:0] unit_ref_ok_i,  // per-bank, same-bank: the unit may go
  input  logic [mc_pkg::NumBanks-1:0] ref_banks_i,    // ... each rank's unit
  input  logic [mc_pkg::NumBanks-1:0] open_i,
  input  logic [mc_pkg::NumBanks-1:0] idle_i,
  input  logic [mc_pkg::NumBanks-1:0] pre_ok_i,
  input  logic [mc_pkg::NumBanks-1:0] bank_has_hit_i,
  input  logic           hold_row_i,   // a two-clock command holds the row bus this cycle
  input  logic           hold_col_i,   // ... the column bus (both on a standard with one bus)

  output mc_pkg::cmd_e   cmd_o,        // CMD_NOP when nothing goes
  output logic           from_wq_o,    // demand comes from the write queue this cycle
  output logic [IdxW-1:0] idx_o,       // ... at this index
  output logic           demand_o,     // cmd_o serves the queue entry idx_o
  output logic [mc_pkg::BankIdxW-1:0] bank_o,  // target of a refresh or idle PRE
  output logic           draining_o
);
  logic draining_q, serve_wq;
  logic strict;  // only the oldest entry may go (FCFS, or the age cap reached)
  logic oldest_col, oldest_act, oldest_pre;
  logic col_found, row_found, row_act, ref_found, idle_found;
  logic [IdxW-1:0] col_idx, row_idx;
  logic [mc_pkg::RankW-1:0] ref_rank;
  logic [mc_pkg::BankIdxW-1:0] idle_bank;

  // The lowest rank whose refresh may go (PREA while a bank is open, else REF), and the lowest
  // idle bank that may close.
  logic [mc_pkg::NumRanks-1:0] ref_ready;
  logic [mc_pkg::NumBanks-1:0] idle_ready;
  assign ref_ready = hold_row_i ? '0
                   : ref_active_i & (ref_kind_i == mc_pkg::REF_ALL_BANK
                                     ? (rank_open_i & prea_ok_i) | (~rank_open_i & ref_ok_i)
                                     : unit_ref_ok_i);

  // The refresh rank's unit, and its open banks: the first open one closes, else the unit is
  // refreshed, named by its first bank.
  localparam int unsigned BPR = mc_pkg::NumBanks / mc_pkg::NumRanks;
  logic [mc_pkg::NumBanks-1:0] unit, unit_open;
  logic unit_open_found, unit_found;
  logic [mc_pkg::BankIdxW-1:0] unit_open_bank, unit_bank;
  always_comb begin
    unit = '0;
    unit[ref_rank * BPR +: BPR] = ref_banks_i[ref_rank * BPR +: BPR];
    unit_open = unit & open_i;
  end
  mc_prio_enc #(.Width(mc_pkg::NumBanks)) u_unit_open (
    .req_i(unit_open),
    .found_o(unit_open_found),
    .idx_o(unit_open_bank)
  );
  mc_prio_enc #(.Width(mc_pkg::NumBanks)) u_unit (
    .req_i(unit),
    .found_o(unit_found),
    .idx_o(unit_bank)
  );
  assign idle_ready = hold_row_i ? '0 : idle_i & pre_ok_i & ~bank_has_hit_i;
  mc_prio_enc #(.Width(mc_pkg::NumRanks)) u_ref_rank (
    .req_i(ref_ready),
    .found_o(ref_found),
    .idx_o(ref_rank)
  );
  mc_prio_enc #(.Width(mc_pkg::NumBanks)) u_idle_bank (
    .req_i(idle_ready),
    .found_o(idle_found),
    .idx_o(idle_bank)
  );

  // Which queue demand comes from: registered inputs only, so the queues can use it to skip
  // the work of the one not served. A queue past the cap goes before drains and hazards.
  always_comb begin
    if (rq_capped_i && wq_capped_i) serve_wq = wq_oldest_arrival_i < rq_oldest_arrival_i;
    else if (rq_capped_i || wq_capped_i) serve_wq = wq_capped_i;
    else serve_wq = serve_writes_i || (!serve_reads_i && (draining_q || rq_count_i == '0));
  end

  always_comb begin
    oldest_col = serve_wq ? wq_oldest_col_i : rq_oldest_col_i;
    oldest_act = serve_wq ? wq_oldest_act_i : rq_oldest_act_i;
    oldest_pre = serve_wq ? wq_oldest_pre_i : rq_oldest_pre_i;
    // FCFS: only the oldest entry goes. Past the age cap the oldest goes first whenever it
    // can; otherwise the others go, kept off its bank by the queue.
    strict = scheduler_i == mc_pkg::SCHED_FCFS ||
             ((serve_wq ? wq_capped_i : rq_capped_i) && (oldest_col || oldest_act || oldest_pre));
    if (strict) begin
      col_found = oldest_col;
      col_idx = serve_wq ? wq_oldest_idx_i : rq_oldest_idx_i;
      row_act = oldest_act;
      row_found = oldest_act || oldest_pre;
      row_idx = col_idx;
    end else begin
      col_found = serve_wq ? wq_col_found_i : rq_col_found_i;
      col_idx = serve_wq ? wq_col_idx_i : rq_col_idx_i;
      row_found = serve_wq ? wq_row_found_i : rq_row_found_i;
      row_idx = serve_wq ? wq_row_idx_i : rq_row_idx_i;
      row_act = serve_wq ? wq_row_act_i : rq_row_act_i;
    end
    if (!serve_wq && in_flight_full_i) col_found = 1'b0;
    if (hold_col_i) col_found = 1'b0;
    if (hold_row_i) row_found = 1'b0;

    cmd_o = mc_pkg::CMD_NOP;
    demand_o = 1'b0;
    idx_o = '0;
    bank_o = '0;
    if (ref_found && ref_kind_i == mc_pkg::REF_ALL_BANK) begin
      cmd_o = rank_open_i[ref_rank] ? mc_pkg::CMD_PREA : mc_pkg::CMD_REF;
      bank_o = {ref_rank, {(mc_pkg::BankIdxW - mc_pkg::RankW){1'b0}}};
    end else if (ref_found) begin
      cmd_o = unit_open_found ? mc_pkg::CMD_PRE
            : ref_kind_i == mc_pkg::REF_PER_BANK ? mc_pkg::CMD_REFPB : mc_pkg::CMD_REFSB;
      bank_o = unit_open_found ? unit_open_bank : unit_bank;
    end else if (col_found) begin
      demand_o = 1'b1;
      idx_o = col_idx;
      if (page_policy_i == mc_pkg::PAGE_CLOSED) cmd_o = serve_wq ? mc_pkg::CMD_WRA : mc_pkg::CMD_RDA;
      else cmd_o = serve_wq ? mc_pkg::CMD_WR : mc_pkg::CMD_RD;
    end else if (row_found) begin
      demand_o = 1'b1;
      idx_o = row_idx;
      cmd_o = row_act ? mc_pkg::CMD_ACT : mc_pkg::CMD_PRE;
    end else if (page_policy_i == mc_pkg::PAGE_ADAPTIVE && idle_found) begin
      cmd_o = mc_pkg::CMD_PRE;
      bank_o = idle_bank;
    end
  end

  // Write drain: start at the high watermark, stop at the low one.
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) draining_q <= 1'b0;
    else if (draining_q) draining_q <= wq_count_i > wq_low_i;
    else draining_q <= wq_count_i >= wq_high_i;
  end

  assign from_wq_o = serve_wq;
  assign draining_o = draining_q;

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  // A per-bank or same-bank refresh always names some bank of its rank.
  `MC_ASSERT(UnitHasBanks_A, !ref_found || ref_kind_i == mc_pkg::REF_ALL_BANK || unit_found)

endmodule
