// mc_rsp_path: read responses. Reads issued to the DRAM wait, in order, for their data
// (dfi_rddata_valid_i); reads answered at once (from a queued write, or from the prefetch
// buffer) are answered at once. Both go into one response queue. A read is accepted only
// while fewer than Outstanding are unanswered, so that queue never overflows. Prefetch reads
// wait in the same order for their data, which fill a prefetch buffer slot and answer the
// read waiting for that slot, if any (fill_answer_i).
module mc_rsp_path #(
  parameter int unsigned Outstanding = 32,   // power of two
  parameter int unsigned InFlight = 16,      // power of two
  parameter int unsigned SlotW = 5,          // prefetch buffer slot index bits
  localparam int unsigned OutW = $clog2(Outstanding),
  localparam int unsigned FlightW = $clog2(InFlight)
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  logic                    accept_read_i,  // a read request is accepted this cycle
  input  logic                    answered_i,     // ... and answered at once:
  input  logic                    prefetched_i,   // from the prefetch buffer, else a write
  input  logic [mc_pkg::IdW-1:0]  read_id_i,
  output logic                    can_accept_o,

  input  logic                    rd_issued_i,    // RD or RDA on the command bus
  input  logic                    rd_prefetch_i,  // ... for a prefetch
  input  logic [mc_pkg::IdW-1:0]  rd_id_i,        // its request, or its prefetch slot
  output logic                    in_flight_full_o,
  input  logic                    rddata_valid_i, // the oldest issued read's data arrives
  output logic                    fill_o,         // ... and it was a prefetch for
  output logic [SlotW-1:0]        fill_slot_o,    // this slot,
  input  logic                    fill_answer_i,  // which answers this read
  input  logic [mc_pkg::IdW-1:0]  fill_answer_id_i,

  output logic                    rsp_valid_o,
  input  logic                    rsp_ready_i,
  output logic [mc_pkg::IdW-1:0]  rsp_id_o,
  output logic                    rsp_forwarded_o,
  output logic                    rsp_prefetched_o
);
  localparam int unsigned FlightEntryW = 1 + mc_pkg::IdW;  // {prefetch, id or slot}
  localparam int unsigned RspW = 2 + mc_pkg::IdW;          // {prefetched, forwarded, id}

  logic [FlightEntryW-1:0] flight_q [InFlight];
  logic [FlightW:0] flight_wr_q, flight_rd_q;
  logic [RspW-1:0] rsp_q [Outstanding];
  logic [OutW:0] rsp_wr_q, rsp_rd_q, outstanding_q;
  logic head_prefetch, ret_valid, ret;
  logic [mc_pkg::IdW-1:0] head_id;

  assign {head_prefetch, head_id} = flight_q[flight_rd_q[FlightW-1:0]];
  assign ret_valid = rddata_valid_i && !head_prefetch;  // data for a demand read
  assign fill_o = rddata_valid_i && head_prefetch;
  assign fill_slot_o = head_id[SlotW-1:0];
  assign ret = ret_valid || fill_answer_i;  // a response in the data's order

  // Inputs are used at the clock edge only, so no logic runs between input and register.
  logic [OutW:0] ret_slot_end;  // where an at-once response goes when data also return
  always_ff @(posedge clk_i) begin
    if (rd_issued_i) flight_q[flight_wr_q[FlightW-1:0]] <= {rd_prefetch_i, rd_id_i};
    if (ret) rsp_q[rsp_wr_q[OutW-1:0]] <= fill_answer_i ? {2'b10, fill_answer_id_i}
                                                        : {2'b00, head_id};
    if (accept_read_i && answered_i)
      rsp_q[ret_slot_end[OutW-1:0]] <= {prefetched_i, !prefetched_i, read_id_i};
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      flight_wr_q <= '0;
      flight_rd_q <= '0;
      rsp_wr_q <= '0;
      rsp_rd_q <= '0;
      outstanding_q <= '0;
    end else begin
      flight_wr_q <= flight_wr_q + {{FlightW{1'b0}}, rd_issued_i};
      flight_rd_q <= flight_rd_q + {{FlightW{1'b0}}, rddata_valid_i};
      rsp_wr_q <= ret_slot_end + {{OutW{1'b0}}, accept_read_i && answered_i};
      rsp_rd_q <= rsp_rd_q + {{OutW{1'b0}}, rsp_valid_o && rsp_ready_i};
      outstanding_q <= outstanding_q + {{OutW{1'b0}}, accept_read_i}
                                     - {{OutW{1'b0}}, rsp_valid_o && rsp_ready_i};
    end
  end

  assign ret_slot_end = rsp_wr_q + {{OutW{1'b0}}, ret};
  assign can_accept_o = outstanding_q != Outstanding[OutW:0];
  assign in_flight_full_o = flight_wr_q - flight_rd_q == InFlight[FlightW:0];
  assign rsp_valid_o = rsp_wr_q != rsp_rd_q;
  assign {rsp_prefetched_o, rsp_forwarded_o, rsp_id_o} = rsp_q[rsp_rd_q[OutW-1:0]];

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  // Both rings are indexed by wrapping pointers.
  `MC_ASSERT_PARAM(OutstandingPow2_A, Outstanding >= 2 && (Outstanding & (Outstanding - 1)) == 0)
  `MC_ASSERT_PARAM(InFlightPow2_A, InFlight >= 2 && (InFlight & (InFlight - 1)) == 0)
  `MC_ASSERT_PARAM(SlotFitsId_A, SlotW <= mc_pkg::IdW)

  // In-flight FIFO: a RD goes only with a free entry, and data return only for a RD issued.
  `MC_ASSERT(InFlightPushNotFull_A, !rd_issued_i || !in_flight_full_o)
  `MC_ASSERT(RdDataForIssuedRead_A, !rddata_valid_i || flight_wr_q != flight_rd_q)
  // Outstanding counter: a read is accepted only with a response credit. Every response
  // queued belongs to an outstanding read, so the response FIFO, pushes of this cycle
  // included, never holds more than Outstanding (even before this cycle's pop).
  `MC_ASSERT(AcceptWithinOutstanding_A, !accept_read_i || can_accept_o)
  `MC_ASSERT(RspFifoNoOverflow_A,
             ret_slot_end + {{OutW{1'b0}}, accept_read_i && answered_i} - rsp_rd_q
             <= Outstanding[OutW:0])

endmodule
