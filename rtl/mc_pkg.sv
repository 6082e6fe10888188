// mc_pkg: types and widths shared by the memory controller's blocks.
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

  // The enum types (the command bus, the policies, the prefetcher kind, the row class),
  // generated with their C++ twins from models/ctrl/controller_fields.json (docs/fields.md).
`include "mc_enum_types.svh"

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
