// pf_stream: a stream prefetcher over address regions (2^RegionBits bursts each; 64 by
// default). A table of regions (fully associative, LRU replacement) holds, for each, the
// offset of its last read, whether a run is on and its direction, and how far ahead of that
// read the run has already been prefetched. On an observed read at A in region R:
//   - R has no entry: the least recently used entry becomes R's, with no run;
//   - A is the last read of R plus 1 (minus 1): an ascending (descending) run is on; it
//     continues a run in the same direction, or else starts a new one;
//   - any other read ends R's run.
// While a run is on, each read predicts A + dir * (distance_i + k), k = 0 .. degree_i - 1,
// less the ones the run already predicted (it tracks the furthest), so a steady run adds one
// new candidate per read. The tracking is per region: a run crossing into the next region
// starts anew there, after two reads, and may predict again what the old region's run did.
// Candidates may lie outside R. They queue in pf_cand_fifo (drops and kills: there); a
// dropped or killed candidate counts as predicted. obs_stream_i is not read (common
// interface). With enable_i low, reads are not observed; pending candidates still drain and
// are still killed.
module pf_stream #(
  parameter int unsigned Entries = 8,     // a power of two
  parameter int unsigned Depth = 8,       // candidate FIFO
  parameter int unsigned RegionBits = 6,
  localparam int unsigned IdxW = $clog2(Entries),
  localparam int unsigned TagW = mc_pkg::AddrW - RegionBits
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
  logic [Entries-1:0]    valid_q, run_q, desc_q;
  logic [TagW-1:0]       tag_q [Entries];
  logic [Entries*TagW-1:0] tags;  // tag_q as one vector, for the search
  logic [RegionBits-1:0] last_q [Entries];
  // The furthest candidate predicted, in bursts past the last read in the run's direction
  // (0: none ahead of it).
  logic [4:0]            ahead_q [Entries];
  logic [TagW-1:0] tag;
  logic [RegionBits-1:0] off;
  logic observe, hit, up, down, run_d, issue;
  logic [IdxW-1:0] hit_idx, victim_idx, sel;
  logic [4:0] ahead_prev, first_off, end_off, ahead_d;  // end_off: one past the last candidate

  assign observe = obs_valid_i && enable_i;
  assign tag = obs_addr_i[mc_pkg::AddrW-1:RegionBits];
  assign off = obs_addr_i[RegionBits-1:0];

  always_comb begin
    sel = hit ? hit_idx : victim_idx;

    // One bit wider, so that offsets 63 and 0 of one region are not adjacent.
    up = hit && {1'b0, off} == {1'b0, last_q[sel]} + 1'b1;
    down = hit && {1'b0, off} + 1'b1 == {1'b0, last_q[sel]};
    run_d = up || down;
    // A continued run resumes after the furthest candidate: offset ahead_q from this read.
    ahead_prev = run_q[sel] && run_d && desc_q[sel] == down ? ahead_q[sel] : '0;
    first_off = ahead_prev > {1'b0, distance_i} ? ahead_prev : {1'b0, distance_i};
    end_off = {1'b0, distance_i} + {1'b0, degree_i};
    issue = observe && run_d && first_off < end_off;
    if (issue) ahead_d = end_off - 1'b1;
    else if (ahead_prev != '0) ahead_d = ahead_prev - 1'b1;
    else ahead_d = '0;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= '0;
      run_q <= '0;
      desc_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        tag_q[i] <= '0;
        last_q[i] <= '0;
        ahead_q[i] <= '0;
      end
    end else if (observe) begin
      valid_q[sel] <= 1'b1;
      run_q[sel] <= run_d;
      desc_q[sel] <= down;
      tag_q[sel] <= tag;
      last_q[sel] <= off;
      ahead_q[sel] <= ahead_d;
    end
  end

  always_comb begin
    for (int i = 0; i < Entries; i++) tags[i*TagW +: TagW] = tag_q[i];
  end

  // The table is searched only for a read it learns from.
  pf_cam #(.Entries(Entries), .TagW(TagW)) u_cam (
    .en_i(observe),
    .valid_i(valid_q),
    .tags_i(tags),
    .tag_i(tag),
    .hit_o(hit),
    .idx_o(hit_idx)
  );

  logic [3:0] num;
  assign num = end_off[3:0] - first_off[3:0];  // < 16: first_off >= distance_i

  // Which entry a region seen for the first time takes: the least recently used.
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
    .step_i  ({{mc_pkg::AddrW{down}}, 1'b1}),  // +1 or -1
    .first_i (first_off),
    .num_i   (num),
    .kill_i,
    .kill_addr_i,
    .valid_o (pf_valid_o),
    .ready_i (pf_ready_i),
    .addr_o  (pf_addr_o)
  );
endmodule
