// mc_timing: the bank machines. For every bank, bank group and rank it keeps the open row and
// the earliest cycle at which each command may go, updated by every command issued, and
// tells per bank whether ACT, PRE, RD and WR are allowed this cycle.
module mc_timing (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic [mc_pkg::TimeW-1:0] now_i,
  input  mc_pkg::timing_t          t_i,
  input  logic [mc_pkg::NumBanks-1:0] present_i,    // banks the device has
  input  logic                     adaptive_i,      // adaptive page policy: report idle banks
  input  logic                     writes_i,        // writes are served: rd_ok_o is not needed
  input  logic [mc_pkg::TLongW-1:0] idle_timeout_i,

  // The command issued this cycle.
  input  mc_pkg::cmd_e                cmd_i,
  input  logic [mc_pkg::BankIdxW-1:0] bank_i,  // {rank, bank group, bank}
  input  logic [mc_pkg::RowW-1:0]     row_i,
  // The banks of each rank's next per-bank or same-bank refresh (mc_refresh's banks_o); a
  // REFpb or REFsb refreshes those of its rank.
  input  logic [mc_pkg::NumBanks-1:0] ref_banks_i,

  output logic [mc_pkg::NumBanks-1:0] open_o,
  output logic [mc_pkg::NumBanks-1:0] act_ok_o,
  output logic [mc_pkg::NumBanks-1:0] pre_ok_o,
  output logic [mc_pkg::NumBanks-1:0] col_ok_o,     // RD, or WR when writes are served
  output logic [mc_pkg::NumBanks-1:0] idle_o,      // open and unused for idle_timeout_i
  output logic [mc_pkg::NumRanks-1:0] rank_open_o, // some bank of the rank is open
  output logic [mc_pkg::NumRanks-1:0] prea_ok_o,   // every open bank of the rank may close
  output logic [mc_pkg::NumRanks-1:0] ref_ok_o,    // all closed, tRP and tRFC done
  // The rank's ref_banks_i: while one is open, every open one may close; else each may take
  // a REFpb/REFsb (tRP, tRFCpb) and the rank too (tRRD, tpbR2act, tpbR2pbR, tRFC).
  output logic [mc_pkg::NumRanks-1:0] unit_ref_ok_o,

  // The open row of one bank, for the front end's row-hit bit.
  input  logic [mc_pkg::BankIdxW-1:0] lookup_bank_i,
  output logic [mc_pkg::RowW-1:0]     lookup_row_o,
  // The same for the prefetcher's bank, with whether a RD may go to it now (whatever queue
  // col_ok_o speaks for).
  input  logic [mc_pkg::BankIdxW-1:0] pf_bank_i,
  output logic [mc_pkg::RowW-1:0]     pf_row_o,
  output logic                        pf_rd_ok_o
);
  localparam int unsigned TimeW = mc_pkg::TimeW;
  localparam int unsigned NB = mc_pkg::NumBanks;
  localparam int unsigned NR = mc_pkg::NumRanks;
  localparam int unsigned NG = mc_pkg::NumBgs;
  localparam int unsigned BanksPerRank = NB / NR;
  localparam int unsigned GroupLsb = mc_pkg::BankW;
  localparam int unsigned BanksPerGroup = 1 << GroupLsb;
  localparam int unsigned RankLsb = mc_pkg::BankIdxW - mc_pkg::RankW;

  function automatic logic [TimeW-1:0] after(input logic [TimeW-1:0] t, input logic [15:0] d);
    after = t + {{(TimeW - 16){1'b0}}, d};
  endfunction
  function automatic logic [TimeW-1:0] later(input logic [TimeW-1:0] a, input logic [TimeW-1:0] b);
    later = a > b ? a : b;
  endfunction
  function automatic logic [15:0] w(input logic [mc_pkg::TW-1:0] v);
    w = {{(16 - mc_pkg::TW){1'b0}}, v};
  endfunction

  // A bound into an ACT counts to the clock its timings start from (t_i.act_late after the
  // issue clock), so it is that much shorter between issue clocks.
  logic [15:0] act_late;
  assign act_late = {15'b0, t_i.act_late};

  logic [NB-1:0] open_q;
  logic [mc_pkg::RowW-1:0] row_q [NB];
  logic [TimeW-1:0] bank_act_q [NB];   // ACT allowed from (tRC, tRP)
  logic [TimeW-1:0] bank_pre_q [NB];   // PRE allowed from (tRAS, tRTP, tWR)
  logic [TimeW-1:0] bank_rd_q [NB];    // RD allowed from (tRCD)
  logic [TimeW-1:0] bank_wr_q [NB];    // WR allowed from (tRCDWR)
  logic [TimeW-1:0] bank_used_q [NB];  // last command, for the idle timeout
  logic [TimeW-1:0] bg_act_q [NG];     // tRRD_L
  logic [TimeW-1:0] bg_rd_q [NG];      // tCCD_L, tWTR_L
  logic [TimeW-1:0] bg_wr_q [NG];      // tCCD_L(_WR)
  logic [TimeW-1:0] rank_act_q [NR];   // tRRD_S, tRFC
  logic [TimeW-1:0] rank_rd_q [NR];    // tCCD_S, tWTR_S, tRTRS
  logic [TimeW-1:0] rank_wr_q [NR];    // tCCD_S, tRTW, tRTRS
  logic [TimeW-1:0] rank_ref_q [NR];   // tRFC
  logic [TimeW-1:0] rank_pre_done_q [NR];  // every precharge of the rank done (tRP, tRPab)
  logic [TimeW-1:0] rank_pre_q [NR];   // PRE or PREA allowed from (tPPD)
  logic [TimeW-1:0] rank_unit_ref_q [NR];  // tpbR2pbR
  logic [TimeW-1:0] faw_q [NR][4];     // the last four ACTs of each rank, oldest first
  logic [2:0] faw_seen_q [NR];         // ACTs since reset, up to four: the window is full

  logic [mc_pkg::RankW-1:0] rank;
  logic [mc_pkg::RankW+mc_pkg::BgW-1:0] group;
  logic is_rd, auto_pre;
  logic [15:0] wr_end, other_rank_rd_after_rd, other_rank_wr_after_rd;
  logic [15:0] other_rank_rd_after_wr, other_rank_wr_after_wr;
  logic [TimeW-1:0] pre_after_col;
  logic [NB-1:0] rank_banks;  // the banks of the command's rank

  always_comb begin
    rank = bank_i[RankLsb +: mc_pkg::RankW];
    group = bank_i[mc_pkg::BankIdxW-1:GroupLsb];
    is_rd = cmd_i == mc_pkg::CMD_RD || cmd_i == mc_pkg::CMD_RDA;
    auto_pre = cmd_i == mc_pkg::CMD_RDA || cmd_i == mc_pkg::CMD_WRA;
    rank_banks = {{(NB - BanksPerRank){1'b0}}, {BanksPerRank{1'b1}}} << (rank * BanksPerRank);
    wr_end = w(t_i.cwl) + w(t_i.bl);
    // A burst on another rank starts tRTRS after this one ends (negative offsets clamp to 0).
    other_rank_rd_after_rd = w(t_i.bl) + w(t_i.rtrs);
    other_rank_wr_after_wr = w(t_i.bl) + w(t_i.rtrs);
    other_rank_wr_after_rd = w(t_i.cl) + w(t_i.bl) + w(t_i.rtrs) > w(t_i.cwl)
                           ? w(t_i.cl) + w(t_i.bl) + w(t_i.rtrs) - w(t_i.cwl) : '0;
    other_rank_rd_after_wr = wr_end + w(t_i.rtrs) > w(t_i.cl)
                           ? wr_end + w(t_i.rtrs) - w(t_i.cl) : '0;
    pre_after_col = later(bank_pre_q[bank_i],
                          is_rd ? after(now_i, w(t_i.rtp)) : after(now_i, wr_end + w(t_i.wr)));
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      open_q <= '0;
      for (int b = 0; b < NB; b++) begin
        bank_act_q[b] <= '0;
        bank_pre_q[b] <= '0;
        bank_rd_q[b] <= '0;
        bank_wr_q[b] <= '0;
        bank_used_q[b] <= '0;
      end
      for (int g = 0; g < NG; g++) begin
        bg_act_q[g] <= '0;
        bg_rd_q[g] <= '0;
        bg_wr_q[g] <= '0;
      end
      for (int r = 0; r < NR; r++) begin
        rank_act_q[r] <= '0;
        rank_rd_q[r] <= '0;
        rank_wr_q[r] <= '0;
        rank_ref_q[r] <= '0;
        rank_pre_done_q[r] <= '0;
        rank_pre_q[r] <= '0;
        rank_unit_ref_q[r] <= '0;
        for (int k = 0; k < 4; k++) faw_q[r][k] <= '0;
        faw_seen_q[r] <= '0;
      end
    end else begin
      unique case (cmd_i)
        mc_pkg::CMD_ACT: begin
          open_q[bank_i] <= 1'b1;
          row_q[bank_i] <= row_i;
          bank_act_q[bank_i] <= after(now_i, w(t_i.rc));
          bank_pre_q[bank_i] <= after(now_i, w(t_i.ras));
          bank_rd_q[bank_i] <= after(now_i, w(t_i.rcd));
          bank_wr_q[bank_i] <= after(now_i, w(t_i.rcdwr));
          bank_used_q[bank_i] <= now_i;
          bg_act_q[group] <= later(bg_act_q[group], after(now_i, w(t_i.rrd_l)));
          rank_act_q[rank] <= later(rank_act_q[rank], after(now_i, w(t_i.rrd_s)));
          for (int k = 0; k < 3; k++) faw_q[rank][k] <= faw_q[rank][k + 1];
          faw_q[rank][3] <= now_i;
          if (faw_seen_q[rank] != 3'd4) faw_seen_q[rank] <= faw_seen_q[rank] + 3'd1;
        end
        mc_pkg::CMD_PRE: begin
          open_q[bank_i] <= 1'b0;
          bank_act_q[bank_i] <= later(bank_act_q[bank_i], after(now_i, w(t_i.rp) - act_late));
          rank_pre_done_q[rank] <= later(rank_pre_done_q[rank], after(now_i, w(t_i.rp)));
          rank_pre_q[rank] <= after(now_i, w(t_i.ppd));
        end
        mc_pkg::CMD_PREA: begin
          // Every bank of the rank waits tRPab, open or not: PREA only precedes a refresh,
          // which waits as long anyway.
          open_q <= open_q & ~rank_banks;
          rank_act_q[rank] <= later(rank_act_q[rank], after(now_i, w(t_i.rpab) - act_late));
          rank_pre_done_q[rank] <= later(rank_pre_done_q[rank], after(now_i, w(t_i.rpab)));
          rank_pre_q[rank] <= after(now_i, w(t_i.ppd));
        end
        mc_pkg::CMD_REF: begin
          rank_act_q[rank] <= later(rank_act_q[rank], after(now_i, t_i.rfc - act_late));
          rank_ref_q[rank] <= after(now_i, t_i.rfc);
        end
        mc_pkg::CMD_REFPB, mc_pkg::CMD_REFSB: begin
          // The refreshed banks wait tRFCpb (tRFCsb); the rank's other banks tpbR2act before
          // an ACT, tpbR2pbR before the next refresh of a unit.
          for (int b = 0; b < NB; b++)
            if (ref_banks_i[b] && rank_banks[b])
              bank_act_q[b] <= later(bank_act_q[b], after(now_i, t_i.rfcpb - act_late));
          rank_act_q[rank] <= later(rank_act_q[rank], after(now_i, w(t_i.pbr2act) - act_late));
          rank_unit_ref_q[rank] <= after(now_i, w(t_i.pbr2pbr));
        end
        mc_pkg::CMD_RD, mc_pkg::CMD_RDA, mc_pkg::CMD_WR, mc_pkg::CMD_WRA: begin
          bank_used_q[bank_i] <= now_i;
          bank_pre_q[bank_i] <= pre_after_col;
          if (auto_pre) begin
            open_q[bank_i] <= 1'b0;
            bank_act_q[bank_i] <= later(bank_act_q[bank_i],
                                        after(pre_after_col, w(t_i.rp) - act_late));
            rank_pre_done_q[rank] <= later(rank_pre_done_q[rank], after(pre_after_col, w(t_i.rp)));
          end
          for (int r = 0; r < NR; r++) begin
            if (r[mc_pkg::RankW-1:0] != rank) begin
              rank_rd_q[r] <= later(rank_rd_q[r], after(now_i,
                                    is_rd ? other_rank_rd_after_rd : other_rank_rd_after_wr));
              rank_wr_q[r] <= later(rank_wr_q[r], after(now_i,
                                    is_rd ? other_rank_wr_after_rd : other_rank_wr_after_wr));
            end
          end
          if (is_rd) begin
            bg_rd_q[group] <= later(bg_rd_q[group], after(now_i, w(t_i.ccd_l)));
            rank_rd_q[rank] <= later(rank_rd_q[rank], after(now_i, w(t_i.ccd_s)));
            rank_wr_q[rank] <= later(rank_wr_q[rank], after(now_i, w(t_i.rtw)));
          end else begin
            bg_wr_q[group] <= later(bg_wr_q[group], after(now_i, w(t_i.ccd_l_wr)));
            rank_wr_q[rank] <= later(rank_wr_q[rank], after(now_i, w(t_i.ccd_s)));
            bg_rd_q[group] <= later(bg_rd_q[group], after(now_i, wr_end + w(t_i.wtr_l)));
            rank_rd_q[rank] <= later(rank_rd_q[rank], after(now_i, wr_end + w(t_i.wtr_s)));
          end
        end
        default: ;
      endcase
    end
  end

  logic [NR-1:0] rank_act_ok, rank_pre_ok, rank_rd_ok, rank_wr_ok;
  logic [NG-1:0] bg_act_ok, bg_rd_ok, bg_wr_ok;
  logic [NB-1:0] act_ge, pre_ge, col_ge, bg_act_x, bg_col_x, rank_act_x, rank_pre_x, rank_col_x;
  // A refresh waits for the full bounds that an ACT, counted from its later clock, meets
  // act_late sooner: one cycle past act_ge, told by an equality rather than a second adder.
  logic [NB-1:0] unit_ref_ge;
  logic [BanksPerRank-1:0] unit, unit_open;

  always_comb begin
    for (int r = 0; r < NR; r++) begin
      rank_act_ok[r] = now_i >= rank_act_q[r] &&
                       (faw_seen_q[r] != 3'd4 || now_i >= after(faw_q[r][0], w(t_i.faw)));
      rank_pre_ok[r] = now_i >= rank_pre_q[r];
      rank_rd_ok[r] = now_i >= rank_rd_q[r];
      rank_wr_ok[r] = now_i >= rank_wr_q[r];
    end
    bg_act_ok = '0;
    bg_rd_ok = '0;
    bg_wr_ok = '0;
    for (int g = 0; g < NG; g++) begin
      if (present_i[g * BanksPerGroup]) begin  // its first bank exists whenever the group does
        bg_act_ok[g] = now_i >= bg_act_q[g];
        if (writes_i) bg_wr_ok[g] = now_i >= bg_wr_q[g];
        else bg_rd_ok[g] = now_i >= bg_rd_q[g];
      end
    end
    // Per bank one compare per command kind; bank-group and rank terms as whole vectors.
    act_ge = '0;
    pre_ge = '0;
    col_ge = '0;
    unit_ref_ge = '0;
    for (int b = 0; b < NB; b++) begin
      if (present_i[b]) begin  // a simulator skips the bank machines the preset lacks
        act_ge[b] = now_i >= bank_act_q[b];
        unit_ref_ge[b] = act_ge[b] && !(t_i.act_late && now_i == bank_act_q[b]);
        pre_ge[b] = now_i >= bank_pre_q[b];
        col_ge[b] = now_i >= (writes_i ? bank_wr_q[b] : bank_rd_q[b]);
      end
    end
    for (int g = 0; g < NG; g++) begin
      bg_act_x[g*BanksPerGroup +: BanksPerGroup] = {BanksPerGroup{bg_act_ok[g]}};
      bg_col_x[g*BanksPerGroup +: BanksPerGroup] =
          {BanksPerGroup{writes_i ? bg_wr_ok[g] : bg_rd_ok[g]}};
    end
    for (int r = 0; r < NR; r++) begin
      rank_act_x[r*BanksPerRank +: BanksPerRank] = {BanksPerRank{rank_act_ok[r]}};
      rank_pre_x[r*BanksPerRank +: BanksPerRank] = {BanksPerRank{rank_pre_ok[r]}};
      rank_col_x[r*BanksPerRank +: BanksPerRank] =
          {BanksPerRank{writes_i ? rank_wr_ok[r] : rank_rd_ok[r]}};
    end
    act_ok_o = act_ge & bg_act_x & rank_act_x;
    pre_ok_o = pre_ge & rank_pre_x;  // PREA too waits for tPPD: prea_ok_o is built on it
    col_ok_o = col_ge & bg_col_x & rank_col_x;
    idle_o = '0;
    if (adaptive_i) begin
      for (int b = 0; b < NB; b++)
        idle_o[b] = open_q[b] && now_i - bank_used_q[b] >= {{(TimeW - 16){1'b0}}, idle_timeout_i};
    end
    for (int r = 0; r < NR; r++) begin
      rank_open_o[r] = |open_q[r * BanksPerRank +: BanksPerRank];
      prea_ok_o[r] = !(|(open_q[r * BanksPerRank +: BanksPerRank] &
                         ~pre_ok_o[r * BanksPerRank +: BanksPerRank]));
      ref_ok_o[r] = !rank_open_o[r] && now_i >= rank_pre_done_q[r] && now_i >= rank_ref_q[r];
      unit = ref_banks_i[r * BanksPerRank +: BanksPerRank];
      unit_open = unit & open_q[r * BanksPerRank +: BanksPerRank];
      unit_ref_ok_o[r] = |unit_open
          ? !(|(unit_open & ~pre_ok_o[r * BanksPerRank +: BanksPerRank]))
          : !(|(unit & ~unit_ref_ge[r * BanksPerRank +: BanksPerRank])) &&
            now_i >= after(rank_act_q[r], act_late) && now_i >= rank_unit_ref_q[r] &&
            now_i >= rank_ref_q[r];
    end
  end

  assign open_o = open_q;
  assign lookup_row_o = row_q[lookup_bank_i];
  assign pf_row_o = row_q[pf_bank_i];
  assign pf_rd_ok_o = now_i >= bank_rd_q[pf_bank_i] &&
                      now_i >= bg_rd_q[pf_bank_i[mc_pkg::BankIdxW-1:GroupLsb]] &&
                      now_i >= rank_rd_q[pf_bank_i[RankLsb +: mc_pkg::RankW]];

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  // after() adds 16-bit distances.
  `MC_ASSERT_PARAM(TimingsFit16Bits_A, mc_pkg::TW <= 16 && mc_pkg::TLongW == 16)

  // The command issued this cycle against the open rows kept here.
  `MC_ASSERT(ActToClosedBank_A, cmd_i != mc_pkg::CMD_ACT || !open_q[bank_i])
  `MC_ASSERT(ColToOpenBank_A,
             !(cmd_i inside {mc_pkg::CMD_RD, mc_pkg::CMD_RDA, mc_pkg::CMD_WR, mc_pkg::CMD_WRA})
             || open_q[bank_i])
  `MC_ASSERT(ColToOpenRow_A,
             !(cmd_i inside {mc_pkg::CMD_RD, mc_pkg::CMD_RDA, mc_pkg::CMD_WR, mc_pkg::CMD_WRA})
             || !open_q[bank_i] || row_q[bank_i] == row_i)
  `MC_ASSERT(RefToClosedRank_A, cmd_i != mc_pkg::CMD_REF || !rank_open_o[rank])
  `MC_ASSERT(UnitRefToClosedBanks_A,
             !(cmd_i inside {mc_pkg::CMD_REFPB, mc_pkg::CMD_REFSB}) ||
             !(|(ref_banks_i & rank_banks & open_q)))

endmodule
