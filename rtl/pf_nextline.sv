// pf_nextline: a next-line prefetcher. Each observed read at A predicts the bursts after it,
//   A + distance_i + k,  k = 0 .. degree_i - 1
// (distance 1, degree d: A+1 .. A+d). It keeps no history, so it repeats candidates that an
// earlier read already predicted, and reads obs_stream_i not at all (common interface).
// Candidates queue in pf_cand_fifo (drops and kills: there). With enable_i low, reads are
// not observed; pending candidates still drain and are still killed.
module pf_nextline #(
  parameter int unsigned Depth = 8  // candidate FIFO
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  logic       enable_i,
  input  logic [3:0] distance_i,
  input  logic [3:0] degree_i,

  input  logic                       obs_valid_i,
  input  logic [mc_pkg::AddrW-1:0]   obs_addr_i,
  input  logic [mc_pkg::StreamW-1:0] obs_stream_i,

  // A demand read of this burst: its pending candidates are dropped (pf_cand_fifo).
  input  logic                     kill_i,
  input  logic [mc_pkg::AddrW-1:0] kill_addr_i,

  output logic                     pf_valid_o,
  input  logic                     pf_ready_i,
  output logic [mc_pkg::AddrW-1:0] pf_addr_o
);
  pf_cand_fifo #(.Depth(Depth)) u_fifo (
    .clk_i,
    .rst_ni,
    .push_i  (obs_valid_i && enable_i),
    .addr_i  (obs_addr_i),
    .step_i  ({{mc_pkg::AddrW{1'b0}}, 1'b1}),
    .first_i ({1'b0, distance_i}),
    .num_i   (degree_i),
    .kill_i,
    .kill_addr_i,
    .valid_o (pf_valid_o),
    .ready_i (pf_ready_i),
    .addr_o  (pf_addr_o)
  );
endmodule
