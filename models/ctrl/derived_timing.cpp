#include "ctrl/derived_timing.h"

#include <algorithm>

#include "common/input_error.h"

namespace mckit::ctrl {

int act_to_write(const dram::Timing& t) { return t.tRCDWR > 0 ? t.tRCDWR : t.tRCD; }

int prea_to_act(const dram::Timing& t) { return t.tRPab > 0 ? t.tRPab : t.tRP; }

int same_group(int long_timing, int short_timing) {
  return long_timing > 0 ? long_timing : short_timing;
}

int write_to_write_same_group(const dram::Timing& t) {
  return t.tCCD_L_WR > 0 ? t.tCCD_L_WR : same_group(t.tCCD_L, t.tCCD_S);
}

int read_to_write(const dram::Timing& t) { return t.tCL + t.tBL + 2 - t.tCWL + t.tWPRE; }

namespace {
bool is_hbm(const std::string& standard) { return standard == "HBM2" || standard == "HBM3"; }
}  // namespace

bool act_two_clock(const std::string& standard) {
  return standard == "DDR5" || standard == "LPDDR5" || is_hbm(standard);
}

bool col_two_clock(const std::string& standard) { return standard == "DDR5"; }

bool split_bus(const std::string& standard) { return is_hbm(standard); }

int act_late(const std::string& standard) { return standard == "DDR5" || is_hbm(standard); }

int col_late(const std::string& standard) { return col_two_clock(standard); }

int refresh_postpone_limit(const std::string& standard) { return standard == "DDR5" ? 4 : 8; }

int refresh_postpone(const dram::DramPreset& p, const ControllerConfig& c) {
  return std::min(c.refresh_postpone, refresh_postpone_limit(p.standard));
}

namespace {
// The refresh kinds beside all-bank each standard has, as their documents name the commands:
// per-bank on LPDDR5 and HBM, same-bank on DDR5.
bool has_kind(const std::string& standard, RefreshKind kind) {
  switch (kind) {
    case RefreshKind::PerBank: return standard == "LPDDR5" || is_hbm(standard);
    case RefreshKind::SameBank: return standard == "DDR5";
    default: return true;
  }
}
}  // namespace

RefreshPlan refresh_plan(const dram::DramPreset& p, RefreshKind kind) {
  const dram::Timing& t = p.timing;
  RefreshPlan plan;
  plan.interval = t.tREFI;
  if (kind == RefreshKind::AllBank) return plan;
  const bool per_bank = kind == RefreshKind::PerBank;
  const std::string name = per_bank ? "per-bank" : "same-bank";
  if (!has_kind(p.standard, kind))
    throw InputError(p.name + " (" + p.standard + ") has no " + name + " refresh: " +
                     (has_kind(p.standard, RefreshKind::SameBank)  ? "it has all-bank and same-bank"
                      : has_kind(p.standard, RefreshKind::PerBank) ? "it has all-bank and per-bank"
                                                                   : "it has all-bank only"));
  const auto need = [&](int value, const char* timing) {
    if (value <= 0)
      throw InputError(p.file + ": " + name + " refresh needs timing." + timing);
    return value;
  };
  if (per_bank) {
    // LPDDR5 refreshes bank pairs, BA and BA + 8 (JESD209-5 16-bank and BG modes).
    const bool lpddr5 = p.standard == "LPDDR5";
    plan.pair = lpddr5 ? 8 : 0;
    plan.units = p.org.banks_per_rank() / (plan.pair ? 2 : 1);
    plan.busy = need(t.tRFCpb, "tRFCpb");
    plan.to_next = need(lpddr5 ? t.tPBR2PBR : t.tRREFD, lpddr5 ? "tPBR2PBR" : "tRREFD");
    plan.to_act = need(lpddr5 ? t.tPBR2ACT : t.tRREFD, lpddr5 ? "tPBR2ACT" : "tRREFD");
  } else {
    plan.units = p.org.banks_per_group;
    plan.busy = need(t.tRFCsb, "tRFCsb");
    plan.to_next = plan.to_act = need(t.tREFSBRD, "tREFSBRD");
  }
  // Every unit once per tREFI: a command every tREFI / units, rounded down.
  plan.interval = t.tREFI / plan.units;
  return plan;
}

}  // namespace mckit::ctrl
