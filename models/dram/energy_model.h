// Energy per command and background energy from IDD currents (the DRAMPower method).
#pragma once

#include <cstdint>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"

namespace mckit::dram {

struct EnergyReport {  // all in pJ
  double act = 0, pre = 0, rd = 0, wr = 0, ref = 0;
  double background_active = 0, background_precharged = 0;
  std::uint64_t bits = 0;  // data bits moved by RD and WR

  double total() const {
    return act + pre + rd + wr + ref + background_active + background_precharged;
  }
  double pj_per_bit() const { return bits ? total() / double(bits) : 0.0; }
};

// Per rank, the background is "active" (IDD3N) while any bank is open or a refresh runs,
// "precharged" (IDD2N) otherwise. Commands add the current above that background over
// their duration: ACT (IDD0-IDD3N)*tRAS, PRE (IDD0-IDD2N)*(tRC-tRAS), RD/WR (IDD4R/W-IDD3N)*tBL,
// REF (IDD5B-IDD3N)*tRFC; each times V, summed over rails, times the device count. A per-bank
// or same-bank refresh adds the share of REF's energy of the banks it refreshes (the presets
// carry no per-bank IDD5), over its own tRFCpb or tRFCsb.
class EnergyModel {
 public:
  explicit EnergyModel(const DramPreset& preset);

  // Events in cycle order; banks_closed/opened tell how the rank's open-bank count changes.
  void activate(std::uint32_t rank, std::uint64_t cycle);
  void precharge(std::uint32_t rank, std::uint64_t cycle, int banks_closed);
  void auto_precharge(std::uint32_t rank, std::uint64_t close_cycle);  // RDA/WRA closes later
  void column(Command cmd, std::uint32_t rank, std::uint64_t cycle);
  void refresh(std::uint32_t rank, std::uint64_t cycle);
  void partial_refresh(Command cmd, std::uint32_t rank, std::uint64_t cycle, int banks);
  void finish(std::uint64_t cycle);  // accounts the background up to `cycle`
  // The device's reset in `cycle`: the background up to it, then every bank closed and no
  // refresh running.
  void reset(std::uint64_t cycle);

  const EnergyReport& report() const { return report_; }

  // Energy of one command of each kind, in pJ.
  double act_pj() const { return act_pj_; }
  double pre_pj() const { return pre_pj_; }
  double rd_pj() const { return rd_pj_; }
  double wr_pj() const { return wr_pj_; }
  double ref_pj() const { return ref_pj_; }
  double active_pj_per_cycle() const { return active_pj_; }
  double precharged_pj_per_cycle() const { return precharged_pj_; }

 private:
  struct RankState {
    std::uint64_t accounted = 0;  // background accounted up to this cycle
    int busy = 0;                 // open banks + running refreshes
    std::vector<std::uint64_t> pending_close;  // cycles at which `busy` drops by one
  };
  void advance(RankState& r, std::uint64_t cycle);
  void account(RankState& r, std::uint64_t until);

  double act_pj_ = 0, pre_pj_ = 0, rd_pj_ = 0, wr_pj_ = 0, ref_pj_ = 0;
  double active_pj_ = 0, precharged_pj_ = 0;
  int refresh_cycles_ = 0, refpb_cycles_ = 0, refsb_cycles_ = 0, banks_per_rank_ = 1;
  std::uint64_t bits_per_burst_ = 0;
  std::vector<RankState> ranks_;
  EnergyReport report_;
};

}  // namespace mckit::dram
