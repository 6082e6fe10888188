// mc_req_queue: one request queue (reads or writes). Entries stay in their slot from arrival
// to service; an age matrix (for each entry, the set of entries older than it) orders them,
// so finding the oldest entry of any set (mc_oldest) is one AND per entry and nothing ever
// shifts. Each entry knows whether its row is open (updated on every ACT and close), so the
// queue offers the scheduler its oldest entry ready for a column command, its oldest entry
// ready for a row command (ACT, or a PRE that closes no row another entry still hits), and
// its oldest entry with what that one could do now.
module mc_req_queue #(
  parameter int unsigned Depth = 32,
  localparam int unsigned IdxW = $clog2(Depth),
  localparam int unsigned CntW = $clog2(Depth + 1)
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic [mc_pkg::TimeW-1:0] now_i,

  input  logic           push_i,
  input  mc_pkg::entry_t push_entry_i,
  input  logic           push_open_i,    // its bank is open now
  input  logic           push_hit_i,     // ... with its row

  input  logic            pop_i,         // the entry in slot sel_idx_i is served
  input  logic            mark_pre_i,    // a PRE was issued for the entry in slot sel_idx_i
  input  logic            mark_act_i,    // an ACT was issued for the entry in slot sel_idx_i
  input  logic [IdxW-1:0] sel_idx_i,
  output mc_pkg::entry_t  sel_entry_o,

  // Bank events from the command bus.
  input  logic                        act_i,
  input  logic                        close_i,       // PRE, RDA or WRA to evt_bank_i
  input  logic                        close_rank_i,  // PREA to the rank of evt_bank_i
  input  logic [mc_pkg::BankIdxW-1:0] evt_bank_i,
  input  logic [mc_pkg::RowW-1:0]     evt_row_i,

  // Per-bank status.
  input  logic [mc_pkg::NumBanks-1:0] act_ok_i,
  input  logic [mc_pkg::NumBanks-1:0] pre_ok_i,
  input  logic [mc_pkg::NumBanks-1:0] col_ok_i,       // RD (read queue) or WR (write queue) now
  input  logic [mc_pkg::NumRanks-1:0] rank_blocked_i, // a refresh owns the rank
  input  logic [mc_pkg::NumBanks-1:0] bank_blocked_i, // ... or the bank
  input  logic                        served_i,       // the scheduler serves this queue now
  input  logic                        cap_en_i,       // the age cap applies to this queue
  input  logic [mc_pkg::TLongW-1:0]   age_cap_i,

  output logic            col_found_o,   // oldest entry whose column command may go now
  output logic [IdxW-1:0] col_idx_o,
  output logic            row_found_o,   // oldest entry whose ACT or polite PRE may go now
  output logic [IdxW-1:0] row_idx_o,
  output logic            row_act_o,     // ... and it is an ACT
  output logic [IdxW-1:0] oldest_idx_o,    // the oldest entry, and what it may do now
  output logic            oldest_col_o,
  output logic            oldest_act_o,
  output logic            oldest_pre_o,    // PRE even though other entries hit the open row
  output logic            capped_o,      // the oldest entry waited past the cap: it goes first,
                                         // no other entry may use its bank meanwhile nor
                                         // issue a column command to another rank
  output logic [mc_pkg::TimeW-1:0] oldest_arrival_o,  // when the oldest entry was filed
  output logic [mc_pkg::NumBanks-1:0] bank_has_hit_o,  // an entry hits the bank's open row (served)
  output logic [mc_pkg::NumBanks-1:0] bank_used_o,     // an entry targets the bank
  // The prefetcher's candidate: whether an entry wants another row of its bank, or its burst.
  input  logic                        probe_en_i,
  input  logic [mc_pkg::BankIdxW-1:0] probe_bank_i,
  input  logic [mc_pkg::RowW-1:0]     probe_row_i,
  input  logic [mc_pkg::AddrW-1:0]    probe_addr_i,
  output logic                        probe_hit_o,
  output logic [CntW-1:0]  count_o,
  output logic             full_o,

  // Address match for the front end's hazard checks (at most one write per address queues).
  input  logic                     match_en_i,   // a front-end request waits to be checked
  input  logic [mc_pkg::AddrW-1:0] match_addr_i,
  output logic                     match_o,
  output logic                     match_full_o,
  output logic [mc_pkg::IdW-1:0]   match_id_o
);
  localparam int unsigned RankLsb = mc_pkg::BankIdxW - mc_pkg::RankW;

  logic [mc_pkg::AddrW-1:0]    addr_q [Depth];
  logic [mc_pkg::IdW-1:0]      id_q [Depth];
  logic [mc_pkg::StreamW-1:0]  stream_q [Depth];
  logic [mc_pkg::BankIdxW-1:0] bank_q [Depth];
  logic [mc_pkg::RowW-1:0]     row_q [Depth];
  logic [mc_pkg::ColW-1:0]     col_q [Depth];
  logic [mc_pkg::TimeW-1:0]    arrival_q [Depth];
  logic [Depth-1:0]            older_q [Depth];  // older_q[i][j]: entry j arrived before i
  logic [Depth-1:0] valid_q, full_q, pre_q, act_q, hit_q;
  logic [Depth-1:0] open_q;             // the entry's bank is open (hit_q: with its row)
  logic [Depth-1:0] rank_bit_q [mc_pkg::RankW];  // [b][i]: bit b of entry i's rank
  logic [Depth-1:0] of_rank [mc_pkg::NumRanks];  // [r][i]: entry i targets rank r
  logic [IdxW-1:0] oldest_q;
  logic [CntW-1:0] count_q;

  logic [Depth-1:0] sel_bit, free_bit, valid_d, hit_d, open_d;
  logic [IdxW-1:0] free_idx;
  logic push_hit, push_open;

  // The slot a push takes: the lowest free one (searched only for a push).
  logic [Depth-1:0] free_req;
  logic free_found;
  assign free_req = push_i ? ~valid_q : '0;
  mc_prio_enc #(.Width(Depth)) u_free (
    .req_i(free_req),
    .found_o(free_found),
    .idx_o(free_idx)
  );

  // Row-hit state after this cycle's bank event.
  always_comb begin
    sel_bit = {{(Depth - 1){1'b0}}, 1'b1} << sel_idx_i;
    hit_d = hit_q;
    open_d = open_q;
    if (act_i || close_i || close_rank_i) begin
      for (int i = 0; i < Depth; i++) begin
        if (act_i && bank_q[i] == evt_bank_i) begin
          open_d[i] = 1'b1;
          hit_d[i] = row_q[i] == evt_row_i;
        end
        if ((close_i && bank_q[i] == evt_bank_i) ||
            (close_rank_i &&
             bank_q[i][RankLsb +: mc_pkg::RankW] == evt_bank_i[RankLsb +: mc_pkg::RankW])) begin
          open_d[i] = 1'b0;
          hit_d[i] = 1'b0;
        end
      end
    end
    push_open = push_open_i;
    push_hit = push_hit_i;
    if (act_i && push_entry_i.bank == evt_bank_i) begin
      push_open = 1'b1;
      push_hit = push_entry_i.row == evt_row_i;
    end
    if ((close_i && push_entry_i.bank == evt_bank_i) ||
        (close_rank_i && push_entry_i.bank[RankLsb +: mc_pkg::RankW] ==
                         evt_bank_i[RankLsb +: mc_pkg::RankW])) begin
      push_open = 1'b0;
      push_hit = 1'b0;
    end

    free_bit = push_i ? {{(Depth - 1){1'b0}}, 1'b1} << free_idx : '0;
    valid_d = (valid_q & ~(pop_i ? sel_bit : '0)) | free_bit;
    hit_d = (hit_d & ~free_bit) | (push_hit ? free_bit : '0);
    open_d = (open_d & ~free_bit) | (push_open ? free_bit : '0);
  end

  always_ff @(posedge clk_i) begin
    if (push_i) begin
      addr_q[free_idx] <= push_entry_i.addr;
      id_q[free_idx] <= push_entry_i.id;
      stream_q[free_idx] <= push_entry_i.stream;
      bank_q[free_idx] <= push_entry_i.bank;
      row_q[free_idx] <= push_entry_i.row;
      col_q[free_idx] <= push_entry_i.col;
      arrival_q[free_idx] <= push_entry_i.arrival;
    end
    // The newcomer is younger than every entry still queued.
    if (push_i) begin
      for (int i = 0; i < Depth; i++) older_q[i] <= older_q[i] & ~free_bit;
      older_q[free_idx] <= valid_q & ~(pop_i ? sel_bit : '0);
    end
    full_q <= (full_q & ~free_bit) | (push_entry_i.full ? free_bit : '0);
    for (int b = 0; b < mc_pkg::RankW; b++)
      rank_bit_q[b] <= (rank_bit_q[b] & ~free_bit) |
                       (push_entry_i.bank[RankLsb + b] ? free_bit : '0);
    pre_q <= (pre_q & ~free_bit) | (mark_pre_i ? sel_bit : '0);
    act_q <= (act_q & ~free_bit) | (mark_act_i ? sel_bit : '0);
  end

  // The age matrix as mc_oldest takes it, one vector: wires only. (Kept as an array, the
  // matrix costs less logic to write a row of than a vector.)
  logic [Depth*Depth-1:0] older;
  always_comb begin
    for (int i = 0; i < Depth; i++) older[i*Depth +: Depth] = older_q[i];
  end

  // The oldest entry changes only when an entry leaves or one arrives in an empty queue. On
  // a pop the new oldest is the entry that stays and has no staying entry older than it. A
  // newcomer pushed in the same cycle is younger than every entry that stays, and its row of
  // the age matrix is not written yet (it still holds a former occupant's), so it is never a
  // candidate: it is the oldest only when no other entry stays. (Rows of staying entries may
  // still name the newcomer's slot as older, from its former occupant: `stay` masks that.)
  logic [IdxW-1:0] oldest_d, stay_oldest;
  logic [Depth-1:0] stay;
  logic stay_found;
  assign stay = pop_i ? valid_q & ~sel_bit : '0;  // searched only for a pop
  mc_oldest #(.Width(Depth)) u_stay_oldest (
    .set_i(stay),
    .older_i(older),
    .found_o(stay_found),
    .idx_o(stay_oldest)
  );
  always_comb begin
    oldest_d = oldest_q;
    if (pop_i) begin
      if (stay_found) oldest_d = stay_oldest;
      else if (push_i) oldest_d = free_idx;
    end else if (valid_q == '0) begin
      oldest_d = free_idx;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= '0;
      hit_q <= '0;
      open_q <= '0;
      count_q <= '0;
      oldest_q <= '0;
    end else begin
      valid_q <= valid_d;
      hit_q <= hit_d;
      open_q <= open_d;
      oldest_q <= oldest_d;
      count_q <= count_q + {{(CntW - 1){1'b0}}, push_i} - {{(CntW - 1){1'b0}}, pop_i};
    end
  end

  // What each entry may do now, and the oldest of each kind. Per entry only the one status
  // bit its next command needs is gathered from its bank; the rest is whole-vector logic.
  logic [Depth-1:0] ok_e, usable;
  logic [Depth-1:0] col_ready, act_ready, pre_ready, pre_polite, row_ready;

  // The oldest entry's age against the cap, from registers only: the scheduler chooses the
  // served queue (served_i) from it.
  logic [mc_pkg::TimeW-1:0] oldest_age;
  assign oldest_age = now_i - arrival_q[oldest_q];
  assign capped_o = cap_en_i && valid_q != '0 &&
                    oldest_age >= {{(mc_pkg::TimeW - mc_pkg::TLongW){1'b0}}, age_cap_i};
  assign oldest_arrival_o = arrival_q[oldest_q];

  always_comb begin
    ok_e = '0;
    if (served_i) begin  // the other queue's readiness is not looked at this cycle
      for (int i = 0; i < Depth; i++) begin
        if (!open_q[i]) ok_e[i] = act_ok_i[bank_q[i]];
        else if (!hit_q[i]) ok_e[i] = pre_ok_i[bank_q[i]];
        else ok_e[i] = col_ok_i[bank_q[i]];
      end
    end
    usable = valid_q;
    for (int i = 0; i < Depth; i++)
      if (bank_blocked_i[bank_q[i]]) usable[i] = 1'b0;
    for (int r = 0; r < mc_pkg::NumRanks; r++) begin
      of_rank[r] = '1;
      for (int b = 0; b < mc_pkg::RankW; b++)
        of_rank[r] = of_rank[r] & (r[b] ? rank_bit_q[b] : ~rank_bit_q[b]);
      if (rank_blocked_i[r]) usable = usable & ~of_rank[r];
    end
    col_ready = usable & hit_q & ok_e;
    act_ready = usable & ~open_q & ok_e;
    pre_ready = usable & open_q & ~hit_q & ok_e;
    probe_hit_o = 1'b0;
    if (probe_en_i) begin  // searched only when there is a candidate
      for (int i = 0; i < Depth; i++)
        if (valid_q[i] && bank_q[i] == probe_bank_i &&
            (row_q[i] != probe_row_i || addr_q[i] == probe_addr_i))
          probe_hit_o = 1'b1;
    end

    bank_used_o = '0;
    for (int i = 0; i < Depth; i++)
      if (valid_q[i]) bank_used_o[bank_q[i]] = 1'b1;
    bank_has_hit_o = '0;
    if (served_i) begin
      for (int i = 0; i < Depth; i++)
        if (valid_q[i] && hit_q[i]) bank_has_hit_o[bank_q[i]] = 1'b1;
    end
    pre_polite = '0;
    if (pre_ready != '0) begin
      for (int i = 0; i < Depth; i++) pre_polite[i] = pre_ready[i] && !bank_has_hit_o[bank_q[i]];
    end
    row_ready = act_ready | pre_polite;

    // Past the cap the others keep off the oldest entry's bank, and their bursts keep off
    // the other rank, whose switch would delay the oldest's column command again and again.
    if (capped_o) begin
      for (int i = 0; i < Depth; i++) begin
        if (i[IdxW-1:0] != oldest_q) begin
          if (bank_q[i] == bank_q[oldest_q]) begin
            col_ready[i] = 1'b0;
            row_ready[i] = 1'b0;
          end
          if (!of_rank[bank_q[oldest_q][RankLsb +: mc_pkg::RankW]][i]) col_ready[i] = 1'b0;
        end
      end
    end

    match_o = 1'b0;
    match_full_o = 1'b0;
    match_id_o = '0;
    if (match_en_i) begin
      for (int i = 0; i < Depth; i++) begin
        if (valid_q[i] && addr_q[i] == match_addr_i) begin
          match_o = 1'b1;
          match_full_o = full_q[i];
          match_id_o = id_q[i];
        end
      end
    end
  end

  mc_oldest #(.Width(Depth)) u_col_oldest (
    .set_i(col_ready),
    .older_i(older),
    .found_o(col_found_o),
    .idx_o(col_idx_o)
  );
  mc_oldest #(.Width(Depth)) u_row_oldest (
    .set_i(row_ready),
    .older_i(older),
    .found_o(row_found_o),
    .idx_o(row_idx_o)
  );
  assign row_act_o = act_ready[row_idx_o];
  assign oldest_idx_o = oldest_q;
  assign oldest_col_o = col_ready[oldest_q];
  assign oldest_act_o = act_ready[oldest_q];
  assign oldest_pre_o = pre_ready[oldest_q];

  always_comb begin
    sel_entry_o.addr = addr_q[sel_idx_i];
    sel_entry_o.id = id_q[sel_idx_i];
    sel_entry_o.stream = stream_q[sel_idx_i];
    sel_entry_o.bank = bank_q[sel_idx_i];
    sel_entry_o.row = row_q[sel_idx_i];
    sel_entry_o.col = col_q[sel_idx_i];
    sel_entry_o.arrival = arrival_q[sel_idx_i];
    sel_entry_o.full = full_q[sel_idx_i];
    sel_entry_o.needed_pre = pre_q[sel_idx_i];
    sel_entry_o.needed_act = act_q[sel_idx_i];
  end

  assign count_o = count_q;
  assign full_o = count_q == Depth[CntW-1:0];

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  `MC_ASSERT_PARAM(DepthAtLeastTwo_A, Depth >= 2)

  // A push into a full queue would overwrite slot 0 (no free slot is found).
  `MC_ASSERT(PushNotFull_A, !push_i || free_found)
  // The scheduler serves (pops, or marks with its PRE or ACT) a queued entry only.
  `MC_ASSERT(ServeQueuedEntry_A, !(pop_i || mark_pre_i || mark_act_i) || valid_q[sel_idx_i])

endmodule
