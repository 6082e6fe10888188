// mc_pkg: types and widths shared by the memory controller's blocks.
// The command encoding is the kit's DFI-like bus; models/dram/dram_command.h mirrors it.
package mc_pkg;

  // Address fields, at their widest. The run-time configuration says how many bits a
  // preset uses; banks are indexed {rank, bank group, bank} at these fixed positions.
  localparam int unsigned AddrW  = 34;  // burst address: byte address / burst bytes
  localparam int unsigned RankW  = 1;
  localparam int unsigned BgW    = 3;
  localparam int unsigned BankW  = 2;
  localparam int unsigned RowW   = 18;
  localparam int unsigned ColW   = 11;  // device column of the burst's first beat
  localparam int unsigned BankIdxW = RankW + BgW + BankW;
  localparam int unsigned NumBanks = 1 << BankIdxW;
  localparam int unsigned NumRanks = 1 << RankW;
  localparam int unsigned NumBgs   = 1 << (RankW + BgW);  // bank groups of all ranks
  localparam int unsigned IdW    = 8;   // request tag: indexes the data buffer beside mc_top
  localparam int unsigned StreamW = 8;
  localparam int unsigned TimeW  = 40;  // cycle stamps; 2^40 tCK never wraps in a run

  typedef enum logic [3:0] {
    CMD_NOP  = 4'd0,
    CMD_ACT  = 4'd1,
    CMD_PRE  = 4'd2,
    CMD_PREA = 4'd3,
    CMD_RD   = 4'd4,
    CMD_RDA  = 4'd5,
    CMD_WR   = 4'd6,
    CMD_WRA  = 4'd7,
    CMD_REF  = 4'd8
  } cmd_e;

  typedef enum logic [1:0] {
    MAP_RO_BA_RA_CO = 2'd0,  // row | bank group, bank | rank | column
    MAP_RO_RA_BA_CO = 2'd1,  // row | rank | bank group, bank | column
    MAP_RO_BA_RA_CO_BG = 2'd2  // row | bank | rank | column | bank group: bursts rotate groups
  } mapping_e;

  typedef enum logic [1:0] {
    SCHED_FCFS      = 2'd0,
    SCHED_FRFCFS    = 2'd1,
    SCHED_FRFCFS_CAP = 2'd2
  } scheduler_e;

  typedef enum logic [1:0] {
    PAGE_OPEN     = 2'd0,
    PAGE_CLOSED   = 2'd1,
    PAGE_ADAPTIVE = 2'd2
  } page_policy_e;

  typedef enum logic [1:0] {
    PF_NONE     = 2'd0,
    PF_NEXTLINE = 2'd1,
    PF_STREAM   = 2'd2,
    PF_STRIDE   = 2'd3
  } pf_kind_e;

  // How a request found its bank when it was served.
  typedef enum logic [1:0] {
    ROW_HIT      = 2'd0,
    ROW_MISS     = 2'd1,  // bank was closed: ACT
    ROW_CONFLICT = 2'd2   // another row was open: PRE, ACT
  } row_class_e;

  // The configuration's widths (TW, TLongW) and registers (timing_t, cfg_t, pf_cfg_t),
  // generated from models/ctrl/controller_fields.json (docs/fields.md).
`include "mc_cfg_types.svh"

  typedef struct packed {
    logic [AddrW-1:0] addr;
    logic [IdW-1:0] id;
    logic [StreamW-1:0] stream;
    logic [BankIdxW-1:0] bank;  // {rank, bank group, bank}
    logic [RowW-1:0] row;
    logic [ColW-1:0] col;
    logic full;        // a write that covers the whole burst
    logic needed_pre;  // served with a PRE on its behalf
    logic needed_act;  // served with an ACT on its behalf
    logic [TimeW-1:0] arrival;
  } entry_t;

endpackage
