// pf_cand_fifo: the pending candidates of one prefetcher, shared by pf_stride, pf_stream and
// pf_nextline. One push offers a run of num_i candidates in a single cycle:
//   addr_i + step_i * (first_i + k),  k = 0 .. num_i - 1
// written to consecutive slots at once, so an observed read costs one cycle however large the
// degree. Two kinds of candidate are dropped:
//   - those outside the burst address range [0, 2^AddrW): a prefetch never wraps around;
//   - the newest ones when the FIFO is full: a push only fills the slots free at the start of
//     the cycle (a pop in the same cycle frees its slot for the next cycle), and what is
//     already pending stays, since it was predicted first and is due first.
// A kill (kill_i, kill_addr_i: a demand read has asked for that burst) marks every pending
// candidate of that address dead: a prefetch of it would fetch what demand already has. A dead
// head is dropped without being presented, one per cycle, whatever ready_i says. The kill
// compares the slots pending at the start of the cycle, so a candidate pushed in the same cycle
// stays live (push wins): its slot was free when the kill looked. A kill changes the head from
// the next cycle on; the head of its own cycle may still be taken.
// The head is presented on valid_o / addr_o from the cycle after its push.
module pf_cand_fifo #(
  parameter int unsigned Depth = 8,  // a power of two, at most 64
  localparam int unsigned PtrW = $clog2(Depth),
  localparam int unsigned CntW = PtrW + 1,
  localparam int unsigned StepW = mc_pkg::AddrW + 1  // any difference of two burst addresses
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  logic                     push_i,
  input  logic [mc_pkg::AddrW-1:0] addr_i,
  input  logic [StepW-1:0]         step_i,   // two's complement
  input  logic [4:0]               first_i,
  input  logic [3:0]               num_i,

  input  logic                     kill_i,
  input  logic [mc_pkg::AddrW-1:0] kill_addr_i,

  output logic                     valid_o,
  input  logic                     ready_i,
  output logic [mc_pkg::AddrW-1:0] addr_o
);
  // |step * (first + k)| < 2^34 * 2^6 and addr < 2^34: the exact value fits in 42 signed bits,
  // so a candidate is in range exactly when its bits above AddrW are zero.
  localparam int unsigned WideW = mc_pkg::AddrW + 8;

  logic [mc_pkg::AddrW-1:0] mem_q [Depth];
  logic [PtrW-1:0] rd_q, wr_q;
  logic [CntW-1:0] count_q;
  logic [Depth-1:0] dead_q;  // the slot's candidate was killed (meaningful while pending)

  logic [WideW-1:0] step_w, first_w;
  logic [PtrW-1:0] k [Depth];  // slot i takes candidate k[i], its distance from the write pointer
  logic [WideW-1:0] cand [Depth];
  logic [Depth-1:0] we;
  logic [CntW-1:0] pushed, free;
  logic [Depth-1:0] kill_hit;
  logic pop;

  // The arithmetic only in a cycle with a push (a simulator then skips it; synthesis keeps
  // the same logic).
  always_comb begin
    step_w = '0;
    first_w = '0;
    free = Depth[CntW-1:0] - count_q;
    pushed = '0;
    for (int i = 0; i < Depth; i++) begin
      k[i] = '0;
      cand[i] = '0;
    end
    we = '0;
    if (push_i) begin
      step_w = {{(WideW - StepW){step_i[StepW-1]}}, step_i};
      // Modulo 2^WideW, which the bound above makes exact.
      first_w = {{(WideW - mc_pkg::AddrW){1'b0}}, addr_i}
              + step_w * {{(WideW - 5){1'b0}}, first_i};
      for (int i = 0; i < Depth; i++) begin
        k[i] = i[PtrW-1:0] - wr_q;
        cand[i] = first_w + step_w * {{(WideW - PtrW){1'b0}}, k[i]};
        // Candidates are monotonic in k, so those written are a run from the write pointer.
        we[i] = {{(8 - PtrW){1'b0}}, k[i]} < {4'b0, num_i}
             && {1'b0, k[i]} < free && cand[i][WideW-1:mc_pkg::AddrW] == '0;
        pushed = pushed + {{PtrW{1'b0}}, we[i]};
      end
    end
  end

  // Depth comparators, only in a cycle with a kill. A slot that is not pending may match too:
  // harmless, since the push that makes it pending clears its mark.
  always_comb begin
    kill_hit = '0;
    if (kill_i) begin
      for (int i = 0; i < Depth; i++) kill_hit[i] = mem_q[i] == kill_addr_i;
    end
  end

  assign valid_o = count_q != '0 && !dead_q[rd_q];
  assign addr_o = mem_q[rd_q];
  assign pop = count_q != '0 && (dead_q[rd_q] || ready_i);

  always_ff @(posedge clk_i) begin
    if (push_i) begin
      for (int i = 0; i < Depth; i++)
        if (we[i]) mem_q[i] <= cand[i][mc_pkg::AddrW-1:0];
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      dead_q <= '0;
    end else if (push_i || kill_i) begin
      for (int i = 0; i < Depth; i++) begin
        if (we[i]) dead_q[i] <= 1'b0;
        else if (kill_hit[i]) dead_q[i] <= 1'b1;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rd_q <= '0;
      wr_q <= '0;
      count_q <= '0;
    end else begin
      rd_q <= rd_q + {{(PtrW - 1){1'b0}}, pop};
      wr_q <= wr_q + pushed[PtrW-1:0];
      count_q <= count_q + pushed - {{PtrW{1'b0}}, pop};
    end
  end

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  `MC_ASSERT_PARAM(DepthPow2Max64_A, Depth >= 2 && Depth <= 64 && (Depth & (Depth - 1)) == 0)

  // A push writes only the slots free at the start of the cycle (the candidates beyond are
  // dropped), so no pending candidate is ever overwritten.
  `MC_ASSERT(PushWithinFree_A, {1'b0, count_q} + {1'b0, pushed} <= Depth[CntW:0])
endmodule
