// mc_refresh: all-bank refresh per rank. A refresh falls due every tREFI; due refreshes wait
// while the rank has demand and are caught up when it is idle, but once `postpone_i` are owed
// the rank is refreshed at once, so the n-th REF always comes before (n + postpone + 1) x tREFI.
module mc_refresh (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic enable_i,
  input  logic [mc_pkg::NumRanks-1:0] present_i,    // ranks the device has
  input  logic [mc_pkg::TLongW-1:0] refi_i,
  input  logic [3:0]                postpone_i,     // the standard's limit, 8 for DDR4
  input  logic [mc_pkg::NumRanks-1:0] rank_idle_i,  // no queued request targets the rank
  input  logic                        ref_issued_i,
  input  logic [mc_pkg::RankW-1:0]    ref_rank_i,
  output logic [mc_pkg::NumRanks-1:0] active_o,     // the rank is being refreshed: no demand
  output logic [4*mc_pkg::NumRanks-1:0] pending_o   // refreshes owed, 4 bits per rank
);
  localparam int unsigned NR = mc_pkg::NumRanks;

  logic [mc_pkg::TLongW-1:0] since_due_q;  // cycles since the last tREFI boundary
  logic [4*NR-1:0] pending_q;  // refreshes owed, 4 bits per rank
  logic [NR-1:0] active_q;
  logic due;

  assign due = enable_i && since_due_q + 1'b1 == refi_i;

  logic [4*NR-1:0] pending_d;
  logic [NR-1:0] active_d;

  always_comb begin
    for (int r = 0; r < NR; r++) begin
      pending_d[4*r +: 4] = pending_q[4*r +: 4];
      active_d[r] = active_q[r];
      if (due && present_i[r] && pending_d[4*r +: 4] != 4'hf)
        pending_d[4*r +: 4] = pending_d[4*r +: 4] + 4'd1;
      if (ref_issued_i && ref_rank_i == r[mc_pkg::RankW-1:0]) begin
        pending_d[4*r +: 4] = pending_d[4*r +: 4] - 4'd1;
        active_d[r] = 1'b0;
      end else if (pending_d[4*r +: 4] != '0 &&
                   (pending_d[4*r +: 4] >= postpone_i || rank_idle_i[r])) begin
        active_d[r] = 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      since_due_q <= '0;
      active_q <= '0;
      pending_q <= '0;
    end else if (enable_i) begin
      since_due_q <= due ? '0 : since_due_q + 1'b1;
      active_q <= active_d;
      pending_q <= pending_d;
    end
  end

  assign active_o = active_q;
  assign pending_o = pending_q;

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  // Refreshes fall due one at a time, and the one that brings a rank's debt to postpone_i
  // (to 1 when postpone_i is 0) forces its REF (active_d) at once. The scheduler puts a forced
  // REF first, so it goes within tRAS + tWR + tRPab (+ tRFC after another REF), long before the
  // next tREFI boundary: a rank never owes more than postpone_i (or 1), far from the counter's
  // saturation at 15. A REF always pays a debt, so the counter never wraps below zero.
  for (genvar r = 0; r < NR; r++) begin : g_rank
    `MC_ASSERT(OwedWithinPostpone_A,
               pending_q[4*r +: 4] <= (postpone_i == '0 ? 4'd1 : postpone_i))
    `MC_ASSERT(RefOnlyWhenOwed_A,
               !(ref_issued_i && ref_rank_i == r[mc_pkg::RankW-1:0]) || pending_q[4*r +: 4] != '0)
  end

endmodule
