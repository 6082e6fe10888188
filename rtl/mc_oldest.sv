// mc_oldest: the oldest member of a set, by an age matrix. Row i of older_i holds the entries
// that arrived before entry i, so the oldest member of set_i is the one no other member is
// older than: one AND per entry, nothing ever sorted. The request queues order their entries
// so (mc_req_queue: its oldest entry, and its oldest entry ready for a column or a row
// command). found_o says whether the set has a member (idx_o is 0 when none is).
module mc_oldest #(
  parameter int unsigned Width = 32,  // at least 2
  localparam int unsigned IdxW = $clog2(Width)
) (
  input  logic [Width-1:0]       set_i,
  input  logic [Width*Width-1:0] older_i,  // bit i*Width + j: entry j arrived before entry i
  output logic                   found_o,
  output logic [IdxW-1:0]        idx_o
);
  always_comb begin
    found_o = |set_i;
    idx_o = '0;
    if (found_o) begin  // a simulator skips the search in the cycles the set is empty
      for (int i = 0; i < Width; i++)
        if (set_i[i] && (older_i[i*Width +: Width] & set_i) == '0) idx_o = i[IdxW-1:0];
    end
  end

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  `MC_ASSERT_PARAM(WidthAtLeastTwo_A, Width >= 2)
endmodule
