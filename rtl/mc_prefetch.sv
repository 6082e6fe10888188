// mc_prefetch: the memory-side prefetcher of mc_top. The predictor the configuration selects
// (pf_nextline, pf_stream or pf_stride) watches the demand reads the front end accepts
// (pf_nextline only those the prefetches did not serve) and proposes burst addresses;
// pf_buffer remembers what was fetched. A demand read whose burst is buffered hits; one whose
// prefetch is still in flight is late: it becomes the slot's waiter (merge_o), answered when
// the fill arrives (answer_o), unless the slot has a waiter already, and then it goes to the
// DRAM itself. Each accepted read kills the candidates of its burst still pending in the
// predictor's FIFO: they are dropped there and never reach the head. The head candidate is:
//   - dropped when it lies beyond the device, is already buffered or queued as demand, its
//     bank is open to another row or has queued demand for another row, or the read queue
//     holds `pressure` entries or more;
//   - else issued, as an ACT to its closed bank or a RD (RDA under the closed page policy) to
//     its open row, only in a cycle the scheduler leaves empty, outside a rank waiting for a
//     refresh, with a free in-flight slot, and when the throttle's credit allows;
//   - else it waits at the head.
// The throttle: a credit grows by `throttle` each cycle up to four reads' worth and a
// prefetch read costs 100 x tBL, so prefetch reads take at most throttle % of the data bus.
// The buffer slot is taken when the RD goes; its data fill it when they return.
module mc_prefetch #(
  parameter int unsigned Entries = 32,  // prefetch buffer slots
  localparam int unsigned SlotW = $clog2(Entries),
  localparam int unsigned CntW = 32,
  localparam int unsigned CreditW = 18  // four reads of 100 x 255 cycles
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  mc_pkg::pf_cfg_t pf_cfg_i,
  input  mc_pkg::cfg_t    cfg_i,    // the address mapping and the page policy
  input  logic [7:0]      tbl_i,

  // Demand reads: the front end's lookup, and the read it accepts.
  input  logic                       lookup_i,
  input  logic [mc_pkg::AddrW-1:0]   lookup_addr_i,
  input  logic [mc_pkg::IdW-1:0]     lookup_id_i,
  output logic                       hit_o,
  output logic                       merge_o,      // late: the read waits for the fill
  output logic [SlotW-1:0]           hit_slot_o,   // of a hit or a merge
  input  logic                       obs_valid_i,
  input  logic [mc_pkg::StreamW-1:0] obs_stream_i,
  // A demand WR/WRA: the buffer forgets its address.
  input  logic                       inval_i,
  input  logic [mc_pkg::AddrW-1:0]   inval_addr_i,
  // A prefetch read's data return, and the read waiting for it.
  input  logic                       fill_i,
  input  logic [SlotW-1:0]           fill_slot_i,
  output logic                       answer_o,
  output logic [mc_pkg::IdW-1:0]     answer_id_o,

  // The controller's state, for the head candidate.
  input  logic                        slot_free_i,  // the scheduler issues nothing this cycle
  input  logic [7:0]                  rq_count_i,
  input  logic [mc_pkg::NumBanks-1:0] open_i,
  input  logic [mc_pkg::NumBanks-1:0] act_ok_i,
  input  logic [mc_pkg::NumRanks-1:0] ref_active_i,
  input  logic                        in_flight_full_i,
  output logic [mc_pkg::BankIdxW-1:0] bank_o,       // the head candidate's bank ...
  input  logic [mc_pkg::RowW-1:0]     bank_row_i,   // ... its open row,
  input  logic                        rd_ok_i,      // ... whether a RD may go to it,
  input  logic                        probe_hit_i,  // ... whether queued demand wants another
                                                    // row of it, or the candidate (row_o,
  output logic                        valid_o,      // addr_o; valid_o: there is one)
  output logic [mc_pkg::AddrW-1:0]    addr_o,       // itself

  // The command: ACT or RD/RDA to bank_o.
  output logic                        act_o,
  output logic                        rd_o,
  output mc_pkg::cmd_e                cmd_o,
  output logic [mc_pkg::RowW-1:0]     row_o,
  output logic [mc_pkg::ColW-1:0]     col_o,
  output logic [SlotW-1:0]            slot_o,

  output logic [CntW-1:0] cnt_issued_o,
  output logic [CntW-1:0] cnt_useful_o,
  output logic [CntW-1:0] cnt_late_o,
  output logic [CntW-1:0] cnt_evicted_unused_o
);
  logic en_nextline, en_stream, en_stride, observe;
  logic [2:0] cand_valid, cand_ready;
  logic [mc_pkg::AddrW-1:0] cand_addr [3];
  logic valid;
  logic [mc_pkg::AddrW-1:0] addr;

  assign en_nextline = pf_cfg_i.kind == mc_pkg::PF_NEXTLINE;
  assign en_stream = pf_cfg_i.kind == mc_pkg::PF_STREAM;
  assign en_stride = pf_cfg_i.kind == mc_pkg::PF_STRIDE;
  // The next-line prefetcher runs on misses; the others need every read to see the runs.
  assign observe = obs_valid_i && !(en_nextline && (hit_o || merge_o));
  // Every accepted read, served by a prefetch or not, kills the pending candidates of its
  // burst in all three blocks alike (only the selected one holds any): once demand has asked
  // for a burst, prefetching it can only fetch it a second time.

  pf_nextline u_nextline (
    .clk_i, .rst_ni,
    .enable_i(en_nextline),
    .distance_i(pf_cfg_i.distance),
    .degree_i(pf_cfg_i.degree),
    .obs_valid_i(observe),
    .obs_addr_i(lookup_addr_i),
    .obs_stream_i(obs_stream_i),
    .kill_i(obs_valid_i),
    .kill_addr_i(lookup_addr_i),
    .pf_valid_o(cand_valid[0]),
    .pf_ready_i(cand_ready[0]),
    .pf_addr_o(cand_addr[0])
  );

  pf_stream u_stream (
    .clk_i, .rst_ni,
    .enable_i(en_stream),
    .distance_i(pf_cfg_i.distance),
    .degree_i(pf_cfg_i.degree),
    .obs_valid_i(observe),
    .obs_addr_i(lookup_addr_i),
    .obs_stream_i(obs_stream_i),
    .kill_i(obs_valid_i),
    .kill_addr_i(lookup_addr_i),
    .pf_valid_o(cand_valid[1]),
    .pf_ready_i(cand_ready[1]),
    .pf_addr_o(cand_addr[1])
  );

  pf_stride u_stride (
    .clk_i, .rst_ni,
    .enable_i(en_stride),
    .distance_i(pf_cfg_i.distance),
    .degree_i(pf_cfg_i.degree),
    .threshold_i(pf_cfg_i.threshold),
    .obs_valid_i(observe),
    .obs_addr_i(lookup_addr_i),
    .obs_stream_i(obs_stream_i),
    .kill_i(obs_valid_i),
    .kill_addr_i(lookup_addr_i),
    .pf_valid_o(cand_valid[2]),
    .pf_ready_i(cand_ready[2]),
    .pf_addr_o(cand_addr[2])
  );

  // Only the selected predictor is enabled, so only its FIFO ever holds candidates.
  always_comb begin
    valid = 1'b0;
    addr = '0;
    for (int k = 0; k < 3; k++) begin
      if (cand_valid[k]) begin
        valid = 1'b1;
        addr = cand_addr[k];
      end
    end
  end

  logic [mc_pkg::RowW-1:0] row;
  logic [mc_pkg::ColW-1:0] col;
  mc_addr_map u_addr_map (
    .addr_i(addr),
    .mapping_i(cfg_i.mapping),
    .xor_i(cfg_i.xor_hash),
    .col_bits_i(cfg_i.col_bits),
    .bl_log2_i(cfg_i.bl_log2),
    .bank_bits_i(cfg_i.bank_bits),
    .bg_bits_i(cfg_i.bg_bits),
    .rank_bits_i(cfg_i.rank_bits),
    .bank_o(bank_o),
    .row_o(row),
    .col_o(col)
  );

  logic buffered, alloc_ok, drop, go, try_rd;
  logic [CreditW-1:0] credit_q, cost, cap, grown;
  logic [mc_pkg::NumRanks-1:0] cand_rank;

  always_comb begin
    cost = {{(CreditW - 15){1'b0}}, {7'd0, tbl_i} * 15'd100};
    cap = cost << 2;
    grown = credit_q + {{(CreditW - 7){1'b0}}, pf_cfg_i.throttle};
    cand_rank = '0;
    cand_rank[bank_o[mc_pkg::BankIdxW-1 -: mc_pkg::RankW]] = 1'b1;
    drop = valid && ((addr >> pf_cfg_i.addr_bits) != '0 || buffered || probe_hit_i ||
                     rq_count_i >= pf_cfg_i.pressure || (open_i[bank_o] && bank_row_i != row));
    go = valid && !drop && slot_free_i && (ref_active_i & cand_rank) == '0 && credit_q >= cost;
    act_o = go && !open_i[bank_o] && act_ok_i[bank_o];
    try_rd = go && open_i[bank_o] && rd_ok_i && !in_flight_full_i;
  end

  // The RD goes when the buffer takes a slot for it.
  assign rd_o = try_rd && alloc_ok;
  assign cmd_o = act_o ? mc_pkg::CMD_ACT
               : !rd_o ? mc_pkg::CMD_NOP
               : cfg_i.page_policy == mc_pkg::PAGE_CLOSED ? mc_pkg::CMD_RDA : mc_pkg::CMD_RD;
  assign row_o = row;
  assign valid_o = valid;
  assign addr_o = addr;
  assign col_o = col;
  assign cand_ready = {3{drop || rd_o}} & cand_valid;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) credit_q <= '0;
    else credit_q <= (grown > cap ? cap : grown) - (rd_o ? cost : '0);
  end

  // Waiters: the late read each in-flight slot answers when its fill arrives.
  logic late;
  logic [Entries-1:0] waiting_q;
  logic [mc_pkg::IdW-1:0] waiter_q [Entries];

  assign merge_o = late && !waiting_q[hit_slot_o];
  assign answer_o = fill_i && (waiting_q[fill_slot_i] || (merge_o && hit_slot_o == fill_slot_i));
  assign answer_id_o = waiting_q[fill_slot_i] ? waiter_q[fill_slot_i] : lookup_id_i;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      waiting_q <= '0;
    end else if (fill_i || merge_o) begin
      for (int i = 0; i < Entries; i++) begin
        if (fill_i && fill_slot_i == i[SlotW-1:0]) waiting_q[i] <= 1'b0;
        else if (merge_o && hit_slot_o == i[SlotW-1:0]) waiting_q[i] <= 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (merge_o) waiter_q[hit_slot_o] <= lookup_id_i;
  end

  logic [SlotW-1:0] alloc_slot;
  pf_buffer #(.Entries(Entries)) u_buffer (
    .clk_i, .rst_ni,
    .alloc_i(try_rd),
    .alloc_addr_i(addr),
    .alloc_ok_o(alloc_ok),
    .alloc_slot_o(alloc_slot),
    .fill_i,
    .fill_slot_i,
    .lookup_i,
    .count_late_i(merge_o),
    .lookup_addr_i,
    .hit_o,
    .late_o(late),
    .hit_slot_o,
    .inval_i,
    .inval_addr_i,
    .has_i(valid),
    .has_addr_i(addr),
    .has_o(buffered),
    .cnt_issued_o,
    .cnt_useful_o,
    .cnt_late_o,
    .cnt_evicted_unused_o
  );
  assign slot_o = alloc_slot;

endmodule
