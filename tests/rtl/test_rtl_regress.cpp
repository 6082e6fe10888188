// Long random runs through the RTL controller (label `regress`): five million requests per
// shipped preset under FR-FCFS with the age cap, reads and writes (some partial), random
// run lengths, half over a 1 MiB footprint (heavy address reuse: forwarding and hazards),
// half over the whole device.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "dram/dram_preset.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

constexpr std::uint64_t kRequests = 5'000'000;  // per preset

void run_and_check(const dram::DramPreset& preset, std::uint64_t count, std::uint64_t footprint,
                   std::uint64_t seed) {
  ctrl::ControllerConfig config;
  config.scheduler = ctrl::Scheduler::FrFcfsCap;
  config.age_cap = 200;
  // Long runs: refresh keeps up throughout, whatever the footprint.
  test::RandomChecks checks;
  checks.trace_controller = false;
  checks.latency_per_read = false;
  checks.page_policy = false;
  checks.forwarding = false;
  checks.refresh = test::RefreshCheck::Always;
  test::run_random_and_check(preset, config, {count, footprint, seed}, checks);
}

class RtlRegress : public ::testing::TestWithParam<std::string> {};

TEST_P(RtlRegress, FiveMillionRandomRequests) {
  const dram::DramPreset preset = dram::load_preset(GetParam());
  std::uint64_t seed = 0x5eed;
  for (char c : preset.name) seed = seed * 131 + std::uint8_t(c);
  run_and_check(preset, kRequests / 2, test::kSmallFootprint, seed);
  run_and_check(preset, kRequests / 2, preset.capacity_bytes(), seed + 1);
}

INSTANTIATE_TEST_SUITE_P(Presets, RtlRegress,
                         ::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800",
                                           "lpddr5-6400", "hbm2", "hbm3"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace mckit
