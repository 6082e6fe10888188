// mc_req_queue: one request queue (reads or writes), kept in arrival order: entry 0 is the
// oldest, and a served entry leaves by shifting the younger ones down. Each entry knows
// whether its row is open (updated on every ACT and close), so the scheduler sees, per entry,
// which command it needs next and whether the timing allows it now.
module mc_req_queue #(
  parameter int unsigned Depth = 32,
  parameter int unsigned IdxW = $clog2(Depth),
  parameter int unsigned CntW = $clog2(Depth + 1)
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic [mc_pkg::TimeW-1:0] now_i,

  input  logic           push_i,
  input  mc_pkg::entry_t push_entry_i,
  input  logic           push_hit_i,     // its row is open now

  input  logic            pop_i,         // the entry at sel_idx_i is served
  input  logic            mark_pre_i,    // a PRE was issued for the entry at sel_idx_i
  input  logic            mark_act_i,    // an ACT was issued for the entry at sel_idx_i
  input  logic [IdxW-1:0] sel_idx_i,
  output mc_pkg::entry_t  sel_entry_o,

  // Bank events from the command bus.
  input  logic                        act_i,
  input  logic                        close_i,       // PRE, RDA or WRA to evt_bank_i
  input  logic                        close_rank_i,  // PREA to the rank of evt_bank_i
  input  logic [mc_pkg::BankIdxW-1:0] evt_bank_i,
  input  logic [mc_pkg::RowW-1:0]     evt_row_i,

  // Per-bank status.
  input  logic [mc_pkg::NumBanks-1:0] open_i,
  input  logic [mc_pkg::NumBanks-1:0] act_ok_i,
  input  logic [mc_pkg::NumBanks-1:0] pre_ok_i,
  input  logic [mc_pkg::NumBanks-1:0] col_ok_i,       // RD (read queue) or WR (write queue) now
  input  logic [mc_pkg::NumRanks-1:0] rank_blocked_i, // a refresh owns the rank

  // Per entry, oldest first.
  output logic [Depth-1:0] col_ready_o,  // row hit and the column command allowed now
  output logic [Depth-1:0] act_ready_o,  // bank closed and ACT allowed now
  output logic [Depth-1:0] pre_ready_o,  // another row open and PRE allowed now
  output logic [Depth-1:0] pre_polite_o, // ... and no queued request hits the open row
  output logic [mc_pkg::NumBanks-1:0] bank_has_hit_o,  // an entry hits the bank's open row
  output logic [mc_pkg::NumRanks-1:0] rank_used_o,     // an entry targets the rank
  output logic [CntW-1:0]  count_o,
  output logic             full_o,
  output logic [mc_pkg::TimeW-1:0] oldest_age_o,

  // Address match for the front end's hazard checks.
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
  logic [Depth-1:0] full_q, pre_q, act_q, hit_q;
  logic [CntW-1:0] count_q;

  logic [mc_pkg::AddrW-1:0]    addr_d [Depth];
  logic [mc_pkg::IdW-1:0]      id_d [Depth];
  logic [mc_pkg::StreamW-1:0]  stream_d [Depth];
  logic [mc_pkg::BankIdxW-1:0] bank_d [Depth];
  logic [mc_pkg::RowW-1:0]     row_d [Depth];
  logic [mc_pkg::ColW-1:0]     col_d [Depth];
  logic [mc_pkg::TimeW-1:0]    arrival_d [Depth];
  logic [Depth-1:0] full_d, pre_d, act_d, hit_d;
  logic [CntW-1:0] count_d;

  logic [Depth-1:0] valid, hit_now, shift, marked, usable;
  logic [IdxW-1:0] push_at;
  logic push_hit;

  always_comb begin
    valid = ~({Depth{1'b1}} << count_q);
    shift = pop_i ? {Depth{1'b1}} << sel_idx_i : '0;
    marked = {{(Depth - 1){1'b0}}, 1'b1} << sel_idx_i;

    // Row-hit state of every entry after this cycle's bank event.
    for (int i = 0; i < Depth; i++) begin
      hit_now[i] = hit_q[i];
      if (act_i && bank_q[i] == evt_bank_i) hit_now[i] = row_q[i] == evt_row_i;
      if (close_i && bank_q[i] == evt_bank_i) hit_now[i] = 1'b0;
      if (close_rank_i && bank_q[i][RankLsb +: mc_pkg::RankW] == evt_bank_i[RankLsb +: mc_pkg::RankW])
        hit_now[i] = 1'b0;
    end
    push_hit = push_hit_i;
    if (act_i && push_entry_i.bank == evt_bank_i) push_hit = push_entry_i.row == evt_row_i;
    if (close_i && push_entry_i.bank == evt_bank_i) push_hit = 1'b0;
    if (close_rank_i && push_entry_i.bank[RankLsb +: mc_pkg::RankW] == evt_bank_i[RankLsb +: mc_pkg::RankW])
      push_hit = 1'b0;

    // Marks first (they never come with a pop: one command a cycle), then the shift.
    pre_d = pre_q | (mark_pre_i ? marked : '0);
    act_d = act_q | (mark_act_i ? marked : '0);
    hit_d = hit_now;
    full_d = full_q;
    for (int i = 0; i < Depth; i++) begin
      addr_d[i] = addr_q[i];
      id_d[i] = id_q[i];
      stream_d[i] = stream_q[i];
      bank_d[i] = bank_q[i];
      row_d[i] = row_q[i];
      col_d[i] = col_q[i];
      arrival_d[i] = arrival_q[i];
    end
    for (int i = 0; i + 1 < Depth; i++) begin
      if (shift[i]) begin
        addr_d[i] = addr_q[i + 1];
        id_d[i] = id_q[i + 1];
        stream_d[i] = stream_q[i + 1];
        bank_d[i] = bank_q[i + 1];
        row_d[i] = row_q[i + 1];
        col_d[i] = col_q[i + 1];
        arrival_d[i] = arrival_q[i + 1];
        full_d[i] = full_q[i + 1];
        pre_d[i] = pre_q[i + 1];
        act_d[i] = act_q[i + 1];
        hit_d[i] = hit_now[i + 1];
      end
    end

    push_at = count_q[IdxW-1:0] - {{(IdxW - 1){1'b0}}, pop_i};
    if (push_i) begin
      addr_d[push_at] = push_entry_i.addr;
      id_d[push_at] = push_entry_i.id;
      stream_d[push_at] = push_entry_i.stream;
      bank_d[push_at] = push_entry_i.bank;
      row_d[push_at] = push_entry_i.row;
      col_d[push_at] = push_entry_i.col;
      arrival_d[push_at] = push_entry_i.arrival;
      full_d[push_at] = push_entry_i.full;
      pre_d[push_at] = 1'b0;
      act_d[push_at] = 1'b0;
      hit_d[push_at] = push_hit;
    end
    count_d = count_q + {{(CntW - 1){1'b0}}, push_i} - {{(CntW - 1){1'b0}}, pop_i};
  end

  always_ff @(posedge clk_i) begin
    for (int i = 0; i < Depth; i++) begin
      addr_q[i] <= addr_d[i];
      id_q[i] <= id_d[i];
      stream_q[i] <= stream_d[i];
      bank_q[i] <= bank_d[i];
      row_q[i] <= row_d[i];
      col_q[i] <= col_d[i];
      arrival_q[i] <= arrival_d[i];
    end
    full_q <= full_d;
    pre_q <= pre_d;
    act_q <= act_d;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      count_q <= '0;
      hit_q <= '0;
    end else begin
      count_q <= count_d;
      hit_q <= hit_d;
    end
  end

  // What each entry needs next, and whether the timing allows it.
  always_comb begin
    bank_has_hit_o = '0;
    rank_used_o = '0;
    match_o = 1'b0;
    match_full_o = 1'b0;
    match_id_o = '0;
    for (int i = 0; i < Depth; i++) begin
      usable[i] = valid[i] && !rank_blocked_i[bank_q[i][RankLsb +: mc_pkg::RankW]];
      col_ready_o[i] = usable[i] && hit_q[i] && col_ok_i[bank_q[i]];
      act_ready_o[i] = usable[i] && !open_i[bank_q[i]] && act_ok_i[bank_q[i]];
      pre_ready_o[i] = usable[i] && open_i[bank_q[i]] && !hit_q[i] && pre_ok_i[bank_q[i]];
      if (valid[i] && hit_q[i]) bank_has_hit_o[bank_q[i]] = 1'b1;
      if (valid[i]) rank_used_o[bank_q[i][RankLsb +: mc_pkg::RankW]] = 1'b1;
      if (valid[i] && addr_q[i] == match_addr_i) begin
        match_o = 1'b1;
        match_full_o = full_q[i];
        match_id_o = id_q[i];
      end
    end
    for (int i = 0; i < Depth; i++)
      pre_polite_o[i] = pre_ready_o[i] && !bank_has_hit_o[bank_q[i]];
  end

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
  assign oldest_age_o = valid[0] ? now_i - arrival_q[0] : '0;

endmodule
