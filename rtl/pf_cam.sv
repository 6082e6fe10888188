// pf_cam: the tag search of a prefetcher's small fully associative table (pf_stream's
// regions, pf_stride's streams): whether a valid entry holds tag_i, and which (tags are
// unique among valid entries; were two to match, the higher index would win). Searched only
// when en_i, so that a simulator skips the loop in the other cycles.
module pf_cam #(
  parameter int unsigned Entries = 8,
  parameter int unsigned TagW = 8,
  localparam int unsigned IdxW = $clog2(Entries)
) (
  input  logic                         en_i,
  input  logic [Entries-1:0]           valid_i,
  input  logic [Entries*TagW-1:0]      tags_i,  // entry i's tag in [i*TagW +: TagW]
  input  logic [TagW-1:0]              tag_i,
  output logic                         hit_o,
  output logic [IdxW-1:0]              idx_o
);
  always_comb begin
    hit_o = 1'b0;
    idx_o = '0;
    if (en_i) begin
      for (int i = 0; i < Entries; i++) begin
        if (valid_i[i] && tags_i[i*TagW +: TagW] == tag_i) begin
          hit_o = 1'b1;
          idx_o = i[IdxW-1:0];
        end
      end
    end
  end
endmodule
