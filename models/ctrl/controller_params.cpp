#include "ctrl/controller_params.h"

#include <optional>

#include "common/input_error.h"
#include "common/request.h"
#include "ctrl/derived_timing.h"
#include "ctrl/wait_bound.h"

namespace mckit::ctrl {

namespace {

int log2_exact(int value, const std::string& what, const dram::DramPreset& p) {
  int bits = 0;
  while ((1 << bits) < value) ++bits;
  if ((1 << bits) != value)
    throw InputError(p.file + ": " + what + " " + std::to_string(value) +
                     " is not a power of two, which the controller's address mapping needs");
  return bits;
}

void fits(int value, int limit, const std::string& what, const dram::DramPreset& p) {
  if (value > limit)
    throw InputError(p.file + ": " + what + " = " + std::to_string(value) +
                     " exceeds the controller's limit of " + std::to_string(limit));
}

}  // namespace

ControllerParams derive_controller_params(const dram::DramPreset& p, const ControllerConfig& c) {
  validate(c);
  if (c.queue_depth != ControllerLimits::kQueueDepth)
    throw InputError("the controller is built with queues of " +
                     std::to_string(ControllerLimits::kQueueDepth) + " entries, not " +
                     std::to_string(c.queue_depth));
  const dram::Organization& o = p.org;
  const dram::Timing& t = p.timing;
  fits(o.ranks, ControllerLimits::kRanks, "ranks", p);
  fits(o.banks_per_rank(), ControllerLimits::kBanksPerRank, "banks per rank", p);
  fits(o.rows, 1 << ControllerLimits::kRowBits, "rows", p);
  fits(o.columns, 1 << ControllerLimits::kColBits, "columns", p);
  fits(o.bytes_per_burst(), kMaxBurstBytes, "bytes per burst", p);

  ControllerParams r;
  r.mapping = std::uint8_t(c.mapping);
  r.xor_hash = c.xor_bank_hash;
  r.bl_log2 = std::uint8_t(log2_exact(o.burst_length, "burst_length", p));
  r.col_bits = std::uint8_t(log2_exact(o.columns / o.burst_length, "bursts per row", p));
  r.bank_bits = std::uint8_t(log2_exact(o.banks_per_group, "banks_per_group", p));
  r.bg_bits = std::uint8_t(log2_exact(o.bank_groups, "bank_groups", p));
  r.rank_bits = std::uint8_t(log2_exact(o.ranks, "ranks", p));
  const int row_bits = log2_exact(o.rows, "rows", p);
  const int addr_bits = r.col_bits + r.bank_bits + r.bg_bits + r.rank_bits + row_bits;
  fits(addr_bits, ControllerLimits::kAddrBits, "burst address bits", p);
  r.burst_mask = o.bytes_per_burst() == 64 ? ~0ull : (1ull << o.bytes_per_burst()) - 1;

  r.scheduler = std::uint8_t(c.scheduler);
  r.page_policy = std::uint8_t(c.page_policy);
  r.age_cap = std::uint16_t(c.age_cap);
  r.idle_timeout = std::uint16_t(c.idle_timeout);
  r.wq_high = std::uint8_t(c.write_high);
  r.wq_low = std::uint8_t(c.write_low);
  r.refresh_en = c.refresh;
  const RefreshPlan plan = refresh_plan(p, c.refresh_kind);
  if (c.refresh_kind != RefreshKind::AllBank &&
      o.banks_per_group != ControllerLimits::kBanksPerGroup)
    throw InputError(p.file + ": per-bank and same-bank refresh need " +
                     std::to_string(ControllerLimits::kBanksPerGroup) + " banks per bank group");
  // Per-bank and same-bank refresh may postpone each bank as far as all-bank refresh may.
  r.ref_postpone = std::uint8_t(refresh_postpone(p, c) * plan.units);
  r.ref_kind = std::uint8_t(c.refresh_kind);
  r.ref_units = std::uint8_t(plan.units);
  r.ref_pair = std::uint8_t(plan.pair);

  auto timing = [&](int value, const char* name) {
    fits(value, ControllerLimits::kMaxTiming, std::string("timing.") + name, p);
    return std::uint8_t(value);
  };
  r.act_two_clock = act_two_clock(p.standard);
  r.col_two_clock = col_two_clock(p.standard);
  r.split_bus = split_bus(p.standard);
  // Issue clock to issue clock: a timing out of a two-clock command starts at its later clock
  // (act_late, col_late), added here; one into an ACT ends at its later clock, which the bank
  // machines take off (act_late).
  const int act = act_late(p.standard), col = col_late(p.standard);
  r.act_late = act != 0;
  r.trcd = timing(t.tRCD + act - col, "tRCD");
  r.trcdwr = timing(act_to_write(t) + act - col, "tRCDWR");
  r.trp = timing(t.tRP, "tRP");
  r.trpab = timing(prea_to_act(t), "tRPab");
  r.tppd = timing(t.tPPD, "tPPD");
  r.tras = timing(t.tRAS + act, "tRAS");
  r.trc = timing(t.tRC, "tRC");
  r.tcl = timing(t.tCL, "tCL");
  r.tcwl = timing(t.tCWL, "tCWL");
  r.tbl = timing(t.tBL, "tBL");
  r.trtp = timing(t.tRTP + col, "tRTP");
  r.twr = timing(t.tWR + col, "tWR");
  r.twtr_s = timing(t.tWTR_S, "tWTR_S");
  r.twtr_l = timing(same_group(t.tWTR_L, t.tWTR_S), "tWTR_L");
  r.tccd_s = timing(t.tCCD_S, "tCCD_S");
  r.tccd_l = timing(same_group(t.tCCD_L, t.tCCD_S), "tCCD_L");
  r.tccd_l_wr = timing(write_to_write_same_group(t), "tCCD_L_WR");
  r.trrd_s = timing(t.tRRD_S, "tRRD_S");
  r.trrd_l = timing(same_group(t.tRRD_L, t.tRRD_S), "tRRD_L");
  r.tfaw = timing(t.tFAW, "tFAW");
  r.trtw = timing(read_to_write(t), "tRTW");
  r.trtrs = timing(t.tRTRS, "tRTRS");
  fits(t.tRFC, ControllerLimits::kMaxLongTiming, "timing.tRFC", p);
  fits(t.tREFI, ControllerLimits::kMaxLongTiming, "timing.tREFI", p);
  r.trfc = std::uint16_t(t.tRFC);
  r.trefi = std::uint16_t(plan.interval);
  fits(plan.busy, ControllerLimits::kMaxLongTiming, "timing.tRFCpb", p);
  r.trfcpb = std::uint16_t(plan.busy);
  r.tpbr2pbr = timing(plan.to_next, "tPBR2PBR");
  r.tpbr2act = timing(plan.to_act, "tPBR2ACT");

  const PrefetchConfig& pf = c.prefetch;
  r.pf_kind = std::uint8_t(pf.kind);
  r.pf_distance = std::uint8_t(pf.distance);
  r.pf_degree = std::uint8_t(pf.degree);
  r.pf_threshold = std::uint8_t(pf.threshold);
  r.pf_throttle = std::uint8_t(pf.throttle);
  r.pf_pressure = std::uint8_t(pf.pressure);
  r.pf_addr_bits = std::uint8_t(addr_bits);

  const std::optional<std::uint64_t> bound = wait_bound(p, c);
  if (bound && *bound < ControllerParams::kNoWaitBound) r.wait_bound = std::uint32_t(*bound);
  return r;
}

}  // namespace mckit::ctrl
