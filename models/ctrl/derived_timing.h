// The controller's own reading of a preset: the spacings it derives from the timings, and the
// refresh postponement it may use. The device model's checker judges these against the
// standard's rows (configs/standards/), so nothing here is shared with it.
#pragma once

#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

// ACT to WR: tRCDWR where the standard has it (HBM), else tRCD.
int act_to_write(const dram::Timing& t);
// PREA to ACT/REF: tRPab where the standard has it (LPDDR5), else tRP.
int prea_to_act(const dram::Timing& t);
// A spacing within one bank group: its _L timing where the standard has one, else the one
// value it has for every pair of banks, written as the _S timing (DDR3 has no bank groups;
// LPDDR5 has one tRRD).
int same_group(int long_timing, int short_timing);
// WR to WR in one bank group: tCCD_L_WR where the standard has it (DDR5), else as RD to RD.
int write_to_write_same_group(const dram::Timing& t);
// RD to WR on one rank: the read burst, a one-cycle preamble and one turnaround cycle, and
// the longer write preamble where the standard has one (DDR5: tWPRE).
int read_to_write(const dram::Timing& t);

// Two-clock commands (the controller's own reading; docs/command-log.md). ACT holds its bus two
// clocks on DDR5 (JESD79-5 command truth table), LPDDR5 (ACT-1 then ACT-2, JESD209-5) and HBM
// (JESD235; DRAMSys CheckerHBM2.cpp holds the row bus tCK past an ACT); RD, RDA, WR and WRA
// on DDR5 (JESD79-5; Ramulator2 ddr5.py command_cycles).
bool act_two_clock(const std::string& standard);
bool col_two_clock(const std::string& standard);
// HBM's row and column commands have pins of their own (JESD235, JESD238).
bool split_bus(const std::string& standard);
// Clocks after the issue clock from which a command's timings count: the second clock of a
// two-clock ACT on DDR5 and HBM (DRAMSys CheckerHBM2.cpp: ACT to RD tRCDRD + tCK; Ramulator2
// spec.py: timings run between the clocks a command completes on), its first on LPDDR5
// (timings from ACT-1, JESD209-5); a DDR5 column command's second clock.
int act_late(const std::string& standard);
int col_late(const std::string& standard);

// The most refreshes the controller may owe on this standard: 4 on DDR5 (JESD79-5), else 8.
int refresh_postpone_limit(const std::string& standard);
// The configured postponement, capped at the standard's limit.
int refresh_postpone(const dram::DramPreset& p, const ControllerConfig& c);

// The controller's reading of a refresh kind on a preset: how many commands cover a rank, the
// bank a per-bank refresh refreshes with its own, and the timings that space them.
struct RefreshPlan {
  int units = 1;      // commands per round over the rank's banks
  int pair = 0;       // per-bank: offset of the second bank in the rank's bank index (LPDDR5: 8)
  int interval = 0;   // a command falls due every interval: tREFI / units
  int busy = 0;       // tRFCpb / tRFCsb
  int to_next = 0;    // to the next REFpb/REFsb of the rank: tpbR2pbR, tRREFD, tREFSBRD
  int to_act = 0;     // to an ACT of another bank: tpbR2act, tRREFD, tREFSBRD
};
// Throws InputError with one line when the preset's standard lacks the kind (JESD79-4 and
// JESD79-3 have all-bank refresh only; JESD79-5 same-bank; JESD209-5, JESD235 and JESD238
// per-bank) or the preset lacks a timing it needs.
RefreshPlan refresh_plan(const dram::DramPreset& p, RefreshKind kind);

}  // namespace mckit::ctrl
