// mc_addr_map: splits a burst address into rank, bank group, bank, row and column under the
// run-time mapping. Field widths are run-time inputs, so one build serves every preset.
module mc_addr_map (
  input  logic [mc_pkg::AddrW-1:0] addr_i,
  input  mc_pkg::mapping_e         mapping_i,
  input  logic                     xor_i,      // bank bits ^= low row bits
  input  logic [4:0]               col_bits_i, // bits of the burst index within a row
  input  logic [2:0]               bl_log2_i,  // log2 of the device columns per burst
  input  logic [1:0]               bank_bits_i,
  input  logic [1:0]               bg_bits_i,
  input  logic                     rank_bits_i,
  output logic [mc_pkg::BankIdxW-1:0] bank_o,  // {rank, bank group << bank_bits | bank}
  output logic [mc_pkg::RowW-1:0]  row_o,
  output logic [mc_pkg::ColW-1:0]  col_o
);
  localparam int unsigned AW = mc_pkg::AddrW;

  logic [5:0] col_sh, bank_sh, bg_sh, rank_sh, row_sh;
  logic [AW-1:0] col_mask, bank_mask, bg_mask, rank_mask;
  logic [AW-1:0] col, bank, bg, rank, row, col_dev, bank_in_rank;

  always_comb begin
    col_mask  = ~({AW{1'b1}} << col_bits_i);
    bank_mask = ~({AW{1'b1}} << bank_bits_i);
    bg_mask   = ~({AW{1'b1}} << bg_bits_i);
    rank_mask = ~({AW{1'b1}} << rank_bits_i);
    unique case (mapping_i)
      mc_pkg::MAP_RO_RA_BA_CO: begin
        col_sh  = '0;
        bank_sh = {1'b0, col_bits_i};
        bg_sh   = bank_sh + {4'b0, bank_bits_i};
        rank_sh = bg_sh + {4'b0, bg_bits_i};
        row_sh  = rank_sh + {5'b0, rank_bits_i};
      end
      mc_pkg::MAP_RO_BA_RA_CO_BG: begin
        bg_sh   = '0;
        col_sh  = {4'b0, bg_bits_i};
        rank_sh = col_sh + {1'b0, col_bits_i};
        bank_sh = rank_sh + {5'b0, rank_bits_i};
        row_sh  = bank_sh + {4'b0, bank_bits_i};
      end
      default: begin  // MAP_RO_BA_RA_CO
        col_sh  = '0;
        rank_sh = {1'b0, col_bits_i};
        bank_sh = rank_sh + {5'b0, rank_bits_i};
        bg_sh   = bank_sh + {4'b0, bank_bits_i};
        row_sh  = bg_sh + {4'b0, bg_bits_i};
      end
    endcase
    col  = (addr_i >> col_sh) & col_mask;
    bank = (addr_i >> bank_sh) & bank_mask;
    bg   = (addr_i >> bg_sh) & bg_mask;
    rank = (addr_i >> rank_sh) & rank_mask;
    row  = addr_i >> row_sh;
    if (xor_i) begin
      bank = bank ^ (row & bank_mask);
      bg   = bg ^ ((row >> bank_bits_i) & bg_mask);
    end
    // Bank group and bank share the rank's bank index: a standard without bank groups but
    // with 8 banks uses a bank-group bit, harmless since its _S and _L timings are equal.
    bank_in_rank = (bg << bank_bits_i) | bank;
    bank_o = {rank[mc_pkg::RankW-1:0], bank_in_rank[mc_pkg::BgW+mc_pkg::BankW-1:0]};
    row_o  = row[mc_pkg::RowW-1:0];
    col_dev = col << bl_log2_i;
    col_o  = col_dev[mc_pkg::ColW-1:0];
  end

endmodule
