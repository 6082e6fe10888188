// mc_prio_enc: a priority encoder. Of the requests req_i, the lowest index wins: the free slot
// a queue or the prefetch buffer fills next, the rank whose refresh goes first, the idle bank
// that closes first. found_o says whether any request is set (idx_o is 0 when none is).
module mc_prio_enc #(
  parameter int unsigned Width = 32,  // at least 2
  localparam int unsigned IdxW = $clog2(Width)
) (
  input  logic [Width-1:0] req_i,
  output logic             found_o,
  output logic [IdxW-1:0]  idx_o
);
  always_comb begin
    found_o = |req_i;
    idx_o = '0;
    if (found_o) begin  // a simulator skips the search in the cycles nothing requests
      for (int i = Width - 1; i >= 0; i--)
        if (req_i[i]) idx_o = i[IdxW-1:0];
    end
  end

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  `MC_ASSERT_PARAM(WidthAtLeastTwo_A, Width >= 2)
endmodule
