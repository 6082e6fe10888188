#include "ctrl/derived_timing.h"

#include <algorithm>

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

}  // namespace mckit::ctrl
