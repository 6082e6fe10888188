// pf_lru: the least-recently-used order of a prefetcher's small table (pf_stride, pf_stream).
// The ages are a permutation, 0 the entry used last and Entries-1 the victim; entries never
// used start oldest, so the victim is an unused entry while there is one.
module pf_lru #(
  parameter int unsigned Entries = 8,
  localparam int unsigned IdxW = $clog2(Entries)
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic            touch_i,      // entry touch_idx_i is used this cycle
  input  logic [IdxW-1:0] touch_idx_i,
  output logic [IdxW-1:0] victim_o
);
  logic [IdxW-1:0] age_q [Entries];

  always_comb begin
    victim_o = '0;
    for (int i = 0; i < Entries; i++)
      if (age_q[i] == Entries[IdxW-1:0] - 1'b1) victim_o = i[IdxW-1:0];
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      for (int i = 0; i < Entries; i++) age_q[i] <= i[IdxW-1:0];
    end else if (touch_i) begin
      for (int i = 0; i < Entries; i++) begin
        if (i[IdxW-1:0] == touch_idx_i) age_q[i] <= '0;
        else if (age_q[i] < age_q[touch_idx_i]) age_q[i] <= age_q[i] + 1'b1;
      end
    end
  end
endmodule
