// Random traffic through the controller on every shipped preset and every scheduler: the
// device model sees no timing violation, every read returns the last data written, every
// request is answered, and the command counts add up. On both backends: the RTL (mc_top) and
// the C++ reference controller (tests named ..._rtl and ..._tlm).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <tuple>

#include "dram/dram_preset.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

using test::kSmallFootprint;
using test::run_random_and_check;
using test::test_name_of;

// Per preset and scheduler: half over a small footprint, half over the whole device.
constexpr std::uint64_t kRequests = 200'000;

std::uint64_t seed_of(const std::string& preset, int scheduler) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : preset) h = (h ^ std::uint8_t(c)) * 1099511628211ull;
  return h ^ std::uint64_t(scheduler + 1);
}

using Param = std::tuple<std::string, ctrl::Scheduler, sim::Backend>;

class Random : public ::testing::TestWithParam<Param> {};

TEST_P(Random, SmallAndLargeFootprint) {
  const dram::DramPreset preset = dram::load_preset(std::get<0>(GetParam()));
  ctrl::ControllerConfig config;
  config.scheduler = std::get<1>(GetParam());
  config.age_cap = 200;
  const sim::Backend backend = std::get<2>(GetParam());
  const std::uint64_t seed = seed_of(preset.name, int(config.scheduler));
  run_random_and_check(preset, config, {kRequests / 2, kSmallFootprint, seed}, {}, backend);
  run_random_and_check(preset, config, {kRequests / 2, preset.capacity_bytes(), seed + 1}, {},
                       backend);
}

INSTANTIATE_TEST_SUITE_P(
    PresetsBySchedulers, Random,
    ::testing::Combine(::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400",
                                         "hbm2", "hbm3"),
                       ::testing::Values(ctrl::Scheduler::Fcfs, ctrl::Scheduler::FrFcfs,
                                         ctrl::Scheduler::FrFcfsCap),
                       ::testing::ValuesIn(test::kBackends)),
    [](const ::testing::TestParamInfo<Param>& info) {
      return test_name_of(std::get<0>(info.param) + "_" + ctrl::name_of(std::get<1>(info.param)) +
                          "_" + sim::name_of(std::get<2>(info.param)));
    });

// The other page policies and address mappings, with fewer requests.
using PolicyParam = std::tuple<std::string, ctrl::PagePolicy, sim::Backend>;

class RandomPolicy : public ::testing::TestWithParam<PolicyParam> {};

TEST_P(RandomPolicy, SmallFootprint) {
  const dram::DramPreset preset = dram::load_preset(std::get<0>(GetParam()));
  ctrl::ControllerConfig config;
  config.scheduler = ctrl::Scheduler::FrFcfsCap;
  config.age_cap = 200;
  config.page_policy = std::get<1>(GetParam());
  config.idle_timeout = 16;
  for (ctrl::Mapping m : {ctrl::Mapping::RoBaRaCoCh, ctrl::Mapping::RoRaBaCoCh}) {
    config.mapping = m;
    config.xor_bank_hash = m == ctrl::Mapping::RoRaBaCoCh;
    run_random_and_check(
        preset, config,
        {25'000, kSmallFootprint, seed_of(preset.name, 10 + int(config.page_policy) * 3 + int(m))},
        {}, std::get<2>(GetParam()));
  }
}

INSTANTIATE_TEST_SUITE_P(
    PresetsByPagePolicies, RandomPolicy,
    ::testing::Combine(::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400",
                                         "hbm2", "hbm3"),
                       ::testing::Values(ctrl::PagePolicy::Closed, ctrl::PagePolicy::Adaptive),
                       ::testing::ValuesIn(test::kBackends)),
    [](const ::testing::TestParamInfo<PolicyParam>& info) {
      return test_name_of(std::get<0>(info.param) + "_" + ctrl::name_of(std::get<1>(info.param)) +
                          "_" + sim::name_of(std::get<2>(info.param)));
    });

}  // namespace
}  // namespace mckit
