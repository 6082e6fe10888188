// pf_stride: a stride prefetcher with a reference prediction table keyed by stream id.
// Each entry (fully associative, LRU replacement) holds a stream's last address, its stride
// and a saturating confidence counter. On an observed read at A of stream S:
//   - S has no entry: the least recently used entry becomes S's (last A, stride 0, conf 0);
//   - the stride A - last equals the stored one (and is not 0): conf counts up (saturating);
//   - any other stride: it becomes the stored stride and conf restarts at 0 (retraining).
// When the entry then has a non-zero stride and conf >= threshold_i, the candidates are
//   A + stride * (distance_i + k),  k = 0 .. degree_i - 1
// (distance 1, degree d: A+stride .. A+stride*d). So a constant stride first prefetches on
// the (threshold + 2)th read of the stream. Candidates queue in pf_cand_fifo (drops and
// kills: there). With enable_i low, reads are not observed; pending candidates still drain
// and are still killed.
module pf_stride #(
  parameter int unsigned Entries = 8,  // a power of two
  parameter int unsigned Depth = 8,    // candidate FIFO
  parameter int unsigned ConfW = 2,
  localparam int unsigned IdxW = $clog2(Entries),
  localparam int unsigned StrideW = mc_pkg::AddrW + 1
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  logic             enable_i,
  input  logic [3:0]       distance_i,
  input  logic [3:0]       degree_i,
  input  logic [ConfW-1:0] threshold_i,

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
  logic [Entries-1:0]       valid_q;
  logic [mc_pkg::StreamW-1:0] stream_q [Entries];
  logic [Entries*mc_pkg::StreamW-1:0] streams;  // stream_q as one vector, for the search
  logic [mc_pkg::AddrW-1:0] last_q [Entries];
  logic [StrideW-1:0]       stride_q [Entries];
  logic [ConfW-1:0]         conf_q [Entries];
  logic observe, hit, issue;
  logic [IdxW-1:0] hit_idx, victim_idx, sel;
  logic [StrideW-1:0] stride_d;
  logic [ConfW-1:0] conf_d;

  assign observe = obs_valid_i && enable_i;

  always_comb begin
    sel = hit ? hit_idx : victim_idx;

    stride_d = '0;
    conf_d = '0;
    if (hit) begin
      stride_d = {1'b0, obs_addr_i} - {1'b0, last_q[sel]};
      if (stride_d == stride_q[sel] && stride_d != '0)
        conf_d = conf_q[sel] + {{(ConfW - 1){1'b0}}, conf_q[sel] != '1};
    end
    issue = observe && stride_d != '0 && conf_d >= threshold_i;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        stream_q[i] <= '0;
        last_q[i] <= '0;
        stride_q[i] <= '0;
        conf_q[i] <= '0;
      end
    end else if (observe) begin
      valid_q[sel] <= 1'b1;
      stream_q[sel] <= obs_stream_i;
      last_q[sel] <= obs_addr_i;
      stride_q[sel] <= stride_d;
      conf_q[sel] <= conf_d;
    end
  end

  always_comb begin
    for (int i = 0; i < Entries; i++) streams[i*mc_pkg::StreamW +: mc_pkg::StreamW] = stream_q[i];
  end

  // The table is searched only for a read it learns from.
  pf_cam #(.Entries(Entries), .TagW(mc_pkg::StreamW)) u_cam (
    .en_i(observe),
    .valid_i(valid_q),
    .tags_i(streams),
    .tag_i(obs_stream_i),
    .hit_o(hit),
    .idx_o(hit_idx)
  );

  // Which entry a stream seen for the first time takes: the least recently used.
  pf_lru #(.Entries(Entries)) u_lru (
    .clk_i, .rst_ni,
    .touch_i(observe),
    .touch_idx_i(sel),
    .victim_o(victim_idx)
  );

  pf_cand_fifo #(.Depth(Depth)) u_fifo (
    .clk_i,
    .rst_ni,
    .push_i  (issue),
    .addr_i  (obs_addr_i),
    .step_i  (stride_d),
    .first_i ({1'b0, distance_i}),
    .num_i   (degree_i),
    .kill_i,
    .kill_addr_i,
    .valid_o (pf_valid_o),
    .ready_i (pf_ready_i),
    .addr_o  (pf_addr_o)
  );
endmodule
