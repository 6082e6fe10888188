// Random traffic through the RTL controller on every shipped preset and every scheduler: the
// device model sees no timing violation, every read returns the last data written, every
// request is answered, and the command counts add up.
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

// Per preset and scheduler: half over a small footprint, half over the whole device.
constexpr std::uint64_t kRequests = 200'000;

std::uint64_t seed_of(const std::string& preset, int scheduler) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : preset) h = (h ^ std::uint8_t(c)) * 1099511628211ull;
  return h ^ std::uint64_t(scheduler + 1);
}

using Param = std::tuple<std::string, ctrl::Scheduler>;

class RtlRandom : public ::testing::TestWithParam<Param> {};

TEST_P(RtlRandom, SmallAndLargeFootprint) {
  const dram::DramPreset preset = dram::load_preset(std::get<0>(GetParam()));
  ctrl::ControllerConfig config;
  config.scheduler = std::get<1>(GetParam());
  config.age_cap = 200;
  const std::uint64_t seed = seed_of(preset.name, int(config.scheduler));
  run_random_and_check(preset, config, {kRequests / 2, kSmallFootprint, seed});
  run_random_and_check(preset, config, {kRequests / 2, preset.capacity_bytes(), seed + 1});
}

INSTANTIATE_TEST_SUITE_P(
    PresetsBySchedulers, RtlRandom,
    ::testing::Combine(::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400",
                                         "hbm2", "hbm3"),
                       ::testing::Values(ctrl::Scheduler::Fcfs, ctrl::Scheduler::FrFcfs,
                                         ctrl::Scheduler::FrFcfsCap)),
    [](const ::testing::TestParamInfo<Param>& info) {
      std::string name = std::get<0>(info.param) + "_" + ctrl::name_of(std::get<1>(info.param));
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

// The other page policies and address mappings, with fewer requests.
using PolicyParam = std::tuple<std::string, ctrl::PagePolicy>;

class RtlRandomPolicy : public ::testing::TestWithParam<PolicyParam> {};

TEST_P(RtlRandomPolicy, SmallFootprint) {
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
        {25'000, kSmallFootprint, seed_of(preset.name, 10 + int(config.page_policy) * 3 + int(m))});
  }
}

INSTANTIATE_TEST_SUITE_P(
    PresetsByPagePolicies, RtlRandomPolicy,
    ::testing::Combine(::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400",
                                         "hbm2", "hbm3"),
                       ::testing::Values(ctrl::PagePolicy::Closed, ctrl::PagePolicy::Adaptive)),
    [](const ::testing::TestParamInfo<PolicyParam>& info) {
      std::string name = std::get<0>(info.param) + "_" + ctrl::name_of(std::get<1>(info.param));
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

}  // namespace
}  // namespace mckit
