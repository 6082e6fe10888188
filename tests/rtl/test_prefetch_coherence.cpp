// Coherence with a prefetcher on: 200 000 random reads and writes (runs of consecutive bursts,
// partial writes, a small footprint, so that prefetched bursts are written, read late and
// evicted) through the RTL controller with each prefetcher. The scoreboard checks every
// read against the last write accepted before it, whichever path answered it (the DRAM, a
// queued write, the prefetch buffer or a prefetch's fill): no stale read, no timing
// violation, every request answered, and the command counts add up with the prefetches.
#include <gtest/gtest.h>

#include <string>

#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

class PrefetchCoherence : public ::testing::TestWithParam<ctrl::PrefetcherKind> {};

TEST_P(PrefetchCoherence, NoStaleReadNoViolationEveryRequestAnswered) {
  const dram::DramPreset preset = dram::load_preset("ddr4-3200");
  ctrl::ControllerConfig config;
  config.scheduler = ctrl::Scheduler::FrFcfsCap;
  config.prefetch.kind = GetParam();
  config.prefetch.distance = 2;
  config.prefetch.throttle = 100;
  test::RandomTraffic traffic;
  traffic.count = 200'000;
  traffic.footprint = 256 * 1024;  // 4096 bursts: addresses come back while prefetched
  traffic.seed = 606 + unsigned(GetParam());
  traffic.read_fraction = 0.7;
  traffic.max_run = 16;
  traffic.partial_write_fraction = 0.3;
  traffic.group = 16;  // bursts of 16 requests every 200 cycles: queues fill and drain
  traffic.group_cycles = 200;
  for (sim::Backend backend : test::kBackends) {
    const stats::RunStats s = test::run_random_and_check(preset, config, traffic, {}, backend);
    // The prefetcher took part: its bursts answered reads, some while still in flight, and
    // writes and replacement threw others away.
    const stats::PrefetchStats& pf = s.prefetch;
    EXPECT_GT(pf.issued, 4'000u);
    EXPECT_GT(pf.useful, 1'000u);
    EXPECT_GT(pf.late, 20u);
    EXPECT_GT(pf.evicted_unused, 100u);
  }
}

INSTANTIATE_TEST_SUITE_P(Prefetchers, PrefetchCoherence,
                         ::testing::Values(ctrl::PrefetcherKind::NextLine,
                                           ctrl::PrefetcherKind::Stream,
                                           ctrl::PrefetcherKind::Stride),
                         [](const ::testing::TestParamInfo<ctrl::PrefetcherKind>& info) {
                           return ctrl::name_of(info.param);
                         });

}  // namespace
}  // namespace mckit
