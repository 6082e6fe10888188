// mc_refresh: refresh per rank. A refresh command falls due every refi_i (tREFI, or tREFI /
// units_i for per-bank and same-bank refresh); due refreshes wait while their banks have
// demand and are caught up when they are idle, but once `postpone_i` are owed one goes at
// once, so the n-th refresh always comes before (n + postpone + 1) x refi. Per-bank and
// same-bank refresh cover the rank's units (a bank, or an LPDDR5 bank pair; a bank index in
// every bank group) once a round: the next is the first unit left in the round that no queued
// request targets, else the first left. models/ctrl/mc_refresh.* is its C++ twin.
module mc_refresh (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic enable_i,
  input  logic [mc_pkg::NumRanks-1:0] present_i,    // ranks the device has
  input  logic [mc_pkg::TLongW-1:0] refi_i,
  input  logic [7:0]                postpone_i,     // refreshes that may be owed
  input  mc_pkg::ref_kind_e         kind_i,
  input  logic [5:0]                units_i,        // units a round covers (1 for all-bank)
  input  logic [4:0]                pair_i,         // per-bank: a REFpb's second bank (index XOR)
  input  logic [1:0]                bg_bits_i,      // log2(bank groups)
  input  logic [mc_pkg::NumBanks-1:0] bank_used_i,  // banks a queued request targets
  input  logic [mc_pkg::NumBanks-1:0] open_i,       // open banks
  input  logic                        ref_issued_i,  // REF, REFpb or REFsb
  input  logic [mc_pkg::RankW-1:0]    ref_rank_i,
  output logic [mc_pkg::NumRanks-1:0] active_o,     // the rank's refresh waits to go
  output logic [mc_pkg::NumRanks-1:0] block_o,      // ... and the rank's demand waits for it
  output logic [mc_pkg::NumBanks-1:0] block_banks_o,  // ... and the demand of its unit's banks
  output logic [mc_pkg::NumBanks-1:0] banks_o,      // the banks of each rank's next refresh
  output logic [8*mc_pkg::NumRanks-1:0] pending_o   // refreshes owed, 8 bits per rank
);
  localparam int unsigned NR = mc_pkg::NumRanks;
  localparam int unsigned BPR = mc_pkg::NumBanks / NR;  // 32: a unit set is 32 bits
  localparam int unsigned BanksPerGroup = 1 << mc_pkg::BankW;
  localparam int unsigned Groups = BPR / BanksPerGroup;
  localparam logic [BPR-1:0] One = {{(BPR - 1){1'b0}}, 1'b1};

  // The banks of unit u in a rank (per-bank and same-bank refresh run with full bank groups).
  function automatic logic [BPR-1:0] unit_banks(input logic [4:0] u);
    unit_banks = '1;  // all-bank: the whole rank
    if (kind_i == mc_pkg::REF_PER_BANK) begin
      unit_banks = One << u;
      if (pair_i != '0) unit_banks[u ^ pair_i] = 1'b1;
    end else if (kind_i == mc_pkg::REF_SAME_BANK) begin
      unit_banks = '0;
      for (int g = 0; g < Groups; g++)
        if (g < (1 << bg_bits_i)) unit_banks[g * BanksPerGroup + {27'd0, u}] = 1'b1;
    end
  endfunction

  logic [mc_pkg::TLongW-1:0] since_due_q;  // cycles since the last interval boundary
  logic [8*NR-1:0] pending_q;  // refreshes owed, 8 bits per rank
  logic [NR-1:0] active_q;
  logic [BPR-1:0] left_q [NR];  // units left in the round; 0: all
  logic due;

  assign due = enable_i && since_due_q + 1'b1 == refi_i;

  // Each rank's next unit.
  logic [BPR-1:0] all_units;
  logic [BPR-1:0] cand [NR];
  logic [BPR-1:0] idle_units [NR];
  logic [NR-1:0] idle_any, unit_found;
  logic [4:0] unit [NR];

  always_comb begin
    all_units = units_i >= 6'd32 ? '1 : units_i != '0 ? (One << units_i) - One : One;
    for (int r = 0; r < NR; r++) begin
      cand[r] = left_q[r] != '0 ? left_q[r] : all_units;
      for (int u = 0; u < BPR; u++)
        idle_units[r][u] = cand[r][u] && !(|(unit_banks(u[4:0]) & bank_used_i[r * BPR +: BPR]));
      idle_any[r] = |idle_units[r];
    end
  end

  // The first idle unit left in the round, else the first left.
  for (genvar r = 0; r < NR; r++) begin : g_unit
    mc_prio_enc #(.Width(BPR)) u_unit (
      .req_i(idle_any[r] ? idle_units[r] : cand[r]),
      .found_o(unit_found[r]),
      .idx_o(unit[r])
    );
  end

  always_comb begin
    for (int r = 0; r < NR; r++) begin
      banks_o[r * BPR +: BPR] = unit_banks(unit[r]);
      // All-bank: the rank. Per-bank and same-bank: the unit's banks, and the rank too once
      // forced with the unit closed, so that no ACT elsewhere holds the refresh back.
      block_o[r] = active_q[r] && (kind_i == mc_pkg::REF_ALL_BANK ||
                                   (pending_q[8*r +: 8] >= postpone_i &&
                                    !(|(banks_o[r * BPR +: BPR] & open_i[r * BPR +: BPR]))));
      block_banks_o[r * BPR +: BPR] = active_q[r] && kind_i != mc_pkg::REF_ALL_BANK
                                      ? banks_o[r * BPR +: BPR] : '0;
    end
  end

  logic [8*NR-1:0] pending_d;
  logic [NR-1:0] active_d;
  logic [BPR-1:0] left_d [NR];

  always_comb begin
    for (int r = 0; r < NR; r++) begin
      pending_d[8*r +: 8] = pending_q[8*r +: 8];
      active_d[r] = active_q[r];
      left_d[r] = left_q[r];
      if (due && present_i[r] && pending_d[8*r +: 8] != 8'hff)
        pending_d[8*r +: 8] = pending_d[8*r +: 8] + 8'd1;
      if (ref_issued_i && ref_rank_i == r[mc_pkg::RankW-1:0]) begin
        pending_d[8*r +: 8] = pending_d[8*r +: 8] - 8'd1;
        active_d[r] = 1'b0;
        left_d[r] = cand[r] & ~(One << unit[r]);
      end else if (pending_d[8*r +: 8] != '0 &&
                   (pending_d[8*r +: 8] >= postpone_i || idle_any[r])) begin
        active_d[r] = 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      since_due_q <= '0;
      active_q <= '0;
      pending_q <= '0;
      for (int r = 0; r < NR; r++) left_q[r] <= '0;
    end else if (enable_i) begin
      since_due_q <= due ? '0 : since_due_q + 1'b1;
      active_q <= active_d;
      pending_q <= pending_d;
      for (int r = 0; r < NR; r++) left_q[r] <= left_d[r];
    end
  end

  assign active_o = active_q;
  assign pending_o = pending_q;

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  // Refreshes fall due one at a time, and the one that brings a rank's debt to postpone_i
  // (to 1 when postpone_i is 0) forces its refresh (active_d) at once. The scheduler puts a
  // forced refresh first, so it goes within tRAS + tWR + tRPab (+ tRFC after another
  // refresh), before the next interval boundary: a rank never owes more than postpone_i (or
  // 1), below the counter's saturation at 255. A refresh always pays a debt, so the counter
  // never wraps below zero.
  for (genvar r = 0; r < NR; r++) begin : g_rank
    `MC_ASSERT(OwedWithinPostpone_A,
               pending_q[8*r +: 8] <= (postpone_i == '0 ? 8'd1 : postpone_i))
    // A round always has a unit left: the candidates are never empty.
    `MC_ASSERT(UnitFound_A, unit_found[r])
    `MC_ASSERT(RefOnlyWhenOwed_A,
               !(ref_issued_i && ref_rank_i == r[mc_pkg::RankW-1:0]) || pending_q[8*r +: 8] != '0)
  end

endmodule
