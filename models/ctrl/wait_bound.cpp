#include "ctrl/wait_bound.h"

#include <algorithm>
#include <initializer_list>

#include "ctrl/derived_timing.h"

namespace mckit::ctrl {

namespace {

std::int64_t largest(std::initializer_list<std::int64_t> values) { return std::max(values); }

}  // namespace

std::optional<std::uint64_t> wait_bound(const dram::DramPreset& p, const ControllerConfig& c) {
  if (c.prefetch.kind != PrefetcherKind::None) return std::nullopt;
  const dram::Timing& t = p.timing;
  // S: the oldest request past the cap, served first, has its column command within S.
  // Its bank may close, and a precharge elsewhere in the rank just before holds it tPPD more.
  const std::int64_t close = largest({t.tRAS, t.tRTP, t.tCWL + t.tBL + t.tWR}) + t.tPPD;
  const std::int64_t open =
      largest({t.tRP, t.tRC - t.tRAS}) + same_group(t.tRRD_L, t.tRRD_S) + t.tFAW;
  const std::int64_t column =
      largest({t.tRCD, act_to_write(t)}) +
      largest({same_group(t.tCCD_L, t.tCCD_S), write_to_write_same_group(t),
               t.tCWL + t.tBL + same_group(t.tWTR_L, t.tWTR_S)}) +
      largest({t.tCCD_S, read_to_write(t), t.tCWL + t.tBL + t.tWTR_S, t.tBL + t.tRTRS,
               t.tCL + t.tBL + t.tRTRS - t.tCWL, t.tCWL + t.tBL + t.tRTRS - t.tCL}) +
      t.tCL + t.tBL;
  const std::uint64_t service = std::uint64_t(close + open + column);
  // L0 = C + (2D + 1) S + 3.
  const std::uint64_t base = std::uint64_t(c.age_cap) +
                             (2 * std::uint64_t(c.queue_depth) + 1) * service + 3;
  if (!c.refresh) return base;
  // The bound below counts all-bank refreshes; per-bank and same-bank refresh have none yet.
  if (c.refresh_kind != RefreshKind::AllBank) return std::nullopt;

  // L = L0 + R (n + 1) T_ref + 2 R (postpone + n + 1) with n = ceil(L / tREFI), i.e.
  // L = a + b n with a = L0 + R T_ref + 2 R (postpone + 1) and b = R (T_ref + 2). Its least
  // fixed point is the least n with ceil((a + b n) / tREFI) <= n (for that n the two are
  // equal: a smaller value would be a smaller fixed point), n = ceil(a / (tREFI - b)); none
  // unless tREFI > b.
  const std::uint64_t refresh =
      std::uint64_t(close + largest({prea_to_act(t), t.tRFC}) + t.tRFC) + service + 2;
  const std::uint64_t ranks = std::uint64_t(p.org.ranks), refi = std::uint64_t(t.tREFI);
  const std::uint64_t a =
      base + ranks * refresh + 2 * ranks * (std::uint64_t(refresh_postpone(p, c)) + 1);
  const std::uint64_t b = ranks * (refresh + 2);
  if (refi <= b) return std::nullopt;
  const std::uint64_t intervals = (a + (refi - b) - 1) / (refi - b);
  return a + b * intervals;
}

}  // namespace mckit::ctrl
