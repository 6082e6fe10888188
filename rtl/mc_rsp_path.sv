// mc_rsp_path: read responses. Reads issued to the DRAM wait, in order, for their data
// (dfi_rddata_valid_i); reads answered from a queued write are answered at once. Both go
// into one response queue. A read is accepted only while fewer than Outstanding are
// unanswered, so that queue never overflows.
module mc_rsp_path #(
  parameter int unsigned Outstanding = 32,   // power of two
  parameter int unsigned InFlight = 16,      // power of two
  localparam int unsigned OutW = $clog2(Outstanding),
  localparam int unsigned FlightW = $clog2(InFlight)
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  logic                    accept_read_i,  // a read request is accepted this cycle
  input  logic                    forward_i,      // ... and answered from a queued write
  input  logic [mc_pkg::IdW-1:0]  read_id_i,
  output logic                    can_accept_o,

  input  logic                    rd_issued_i,    // RD or RDA on the command bus
  input  logic [mc_pkg::IdW-1:0]  rd_id_i,
  output logic                    in_flight_full_o,
  input  logic                    rddata_valid_i, // the oldest issued read's data arrives

  output logic                    rsp_valid_o,
  input  logic                    rsp_ready_i,
  output logic [mc_pkg::IdW-1:0]  rsp_id_o,
  output logic                    rsp_forwarded_o
);
  localparam int unsigned RspW = 1 + mc_pkg::IdW;  // {forwarded, id}

  logic [mc_pkg::IdW-1:0] flight_q [InFlight];
  logic [FlightW:0] flight_wr_q, flight_rd_q;
  logic [RspW-1:0] rsp_q [Outstanding];
  logic [OutW:0] rsp_wr_q, rsp_rd_q, outstanding_q;

  // Inputs are used at the clock edge only, so no logic runs between input and register.
  logic [OutW:0] ret_slot_end;  // where a forwarded response goes when data also return
  always_ff @(posedge clk_i) begin
    if (rd_issued_i) flight_q[flight_wr_q[FlightW-1:0]] <= rd_id_i;
    if (rddata_valid_i) rsp_q[rsp_wr_q[OutW-1:0]] <= {1'b0, flight_q[flight_rd_q[FlightW-1:0]]};
    if (accept_read_i && forward_i) rsp_q[ret_slot_end[OutW-1:0]] <= {1'b1, read_id_i};
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
      rsp_wr_q <= ret_slot_end + {{OutW{1'b0}}, accept_read_i && forward_i};
      rsp_rd_q <= rsp_rd_q + {{OutW{1'b0}}, rsp_valid_o && rsp_ready_i};
      outstanding_q <= outstanding_q + {{OutW{1'b0}}, accept_read_i}
                                     - {{OutW{1'b0}}, rsp_valid_o && rsp_ready_i};
    end
  end

  assign ret_slot_end = rsp_wr_q + {{OutW{1'b0}}, rddata_valid_i};
  assign can_accept_o = outstanding_q != Outstanding[OutW:0];
  assign in_flight_full_o = flight_wr_q - flight_rd_q == InFlight[FlightW:0];
  assign rsp_valid_o = rsp_wr_q != rsp_rd_q;
  assign {rsp_forwarded_o, rsp_id_o} = rsp_q[rsp_rd_q[OutW-1:0]];

endmodule
